using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Media;

public sealed record ViewingProfile(Guid ProfileId, Guid SubscriberId, string Name, string SubscriberEmail, string Plan, string Territory, bool IsKids);

public sealed record Recommendations(Guid ProfileId, IReadOnlyList<string> TitleIds, string ModelVersion);

public interface IProfileDirectory
{
    IAsyncEnumerable<ViewingProfile> ActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

public interface IRecommender
{
    Task<Recommendations> RecommendAsync(ViewingProfile profile, CancellationToken cancellationToken);
}

public interface IRowStore
{
    Task SaveAsync(IReadOnlyList<Recommendations> rows, CancellationToken cancellationToken);
}

/// <summary>Thrown by the recommender when a profile has too little history; the message names the profile.</summary>
public sealed class ColdStartException(ViewingProfile profile) : Exception($"Profile '{profile.Name}' has fewer than 3 titles watched");

/// <summary>
/// The nightly refresh of the "For you" rows: profiles active in the last day stream out of the
/// directory, kids' profiles are left to the curated rows, the recommender is called eight at a
/// time with retries, and the rows are saved in chunks of 250.
/// </summary>
public sealed class RecommendationRefresh(IProfileDirectory directory, IRecommender recommender, IRowStore rows, Pseudonymizer pseudonymizer, ILogger<RecommendationRefresh> logger)
{
    private static readonly ActivitySource Source = new("Viewing.Recommendations");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var run = Source.StartActivity("viewing.recommendations.refresh");
        var results = new List<Recommendations>();
        var failed = 0;

        var profiles = directory.ActiveSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), cancellationToken)
            .Where(p => !p.IsKids)
            .WithRetries(3, (profile, attempt, ex) => logger.LogWarning(ex, "Attempt {Attempt} failed for profile {ProfileName}", attempt, profile.Name)); // leak TC1001 direct

        await Parallel.ForEachAsync(profiles, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (profile, token) =>
        {
            try
            {
                var recommendations = await recommender.RecommendAsync(profile, token);
                lock (results)
                {
                    results.Add(recommendations);
                }
            }
            catch (ColdStartException ex)
            {
                Interlocked.Increment(ref failed);
                logger.LogInformation(ex, "Cold start; curated row kept"); // leak TC1001 exceptions
                logger.LogInformation("Cold start for a {Plan} profile in {Territory}; curated row kept", profile.Plan, profile.Territory); // clean precision-about
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref failed);
                logger.LogError(ex, "Recommendation failed for {Profile}", profile); // leak TC1001 logging-objects
                run?.AddEvent(new ActivityEvent("viewing.recommendation.failed", tags: new ActivityTagsCollection { ["viewing.profile.ref"] = pseudonymizer.ComputeViewingProfileId(profile.ProfileId.ToString()), ["error.type"] = ex.GetType().Name })); // clean precision-pseudonym
            }
        });

        foreach (var chunk in results.Chunk(250))
        {
            await rows.SaveAsync(chunk, cancellationToken);
            logger.LogDebug("Saved {Rows} rows with model {Model}", chunk.Length, chunk[0].ModelVersion);
        }

        run?.SetTag("viewing.profiles.refreshed", results.Count); // clean precision-about
        run?.SetTag("viewing.profiles.failed", failed);
        run?.SetTag("viewing.profiles.sample", string.Join(",", results.Take(5).Select(r => r.ProfileId))); // leak TC1001 cross-member
        run?.SetTag("viewing.profile_count", results.Count + failed); // clean precision-names
    }
}

public static class ProfileStreams
{
    /// <summary>
    /// Re-reads the source from the last item that went through when enumeration throws, up to
    /// <paramref name="attempts"/> times, telling <paramref name="onRetry"/> which item it resumes after.
    /// </summary>
    public static async IAsyncEnumerable<ViewingProfile> WithRetries(this IAsyncEnumerable<ViewingProfile> source, int attempts, Action<ViewingProfile, int, Exception> onRetry, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ViewingProfile? last = null;
        for (var attempt = 1; ; attempt++)
        {
            var skipping = last is not null;
            await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                ViewingProfile current;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        yield break;
                    }
                    current = enumerator.Current;
                }
                catch (Exception ex) when (attempt < attempts && last is not null)
                {
                    onRetry(last, attempt, ex);
                    break;
                }

                if (skipping)
                {
                    skipping = current.ProfileId != last!.ProfileId;
                    continue;
                }
                last = current;
                yield return current;
            }
        }
    }
}
