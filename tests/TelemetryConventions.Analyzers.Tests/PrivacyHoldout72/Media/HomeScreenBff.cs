using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Media;

public sealed record Rail(string RailId, string Title, IReadOnlyList<string> TitleIds);

public sealed record ContinueWatching(string TitleId, string EpisodeId, double Progress);

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids, string Locale);

/// <summary>The TV app's home screen: editorial rails, the profile's continue-watching row, recommendations.</summary>
public sealed record HomeScreen(ViewingProfile Profile, IReadOnlyList<Rail> Rails, IReadOnlyList<ContinueWatching> Continue);

/// <summary>
/// The streaming BFF's home-screen endpoint. The TV app sends the subscriber's token and the viewing
/// profile in <c>X-Profile-Id</c>; editorial rails are cached per locale and maturity, the personal
/// rows are not cached.
/// </summary>
public sealed class HomeScreenComposer(HttpClient catalogue, HttpClient progress, HttpClient recommendations, IMemoryCache cache, Pseudonymizer pseudonymizer, Meter meter, ILogger<HomeScreenComposer> logger)
{
    private static readonly ActivitySource Source = new("Stream.Bff");
    private readonly StreamRequestsCounter _requests = meter.CreateStreamRequestsCounter();
    private readonly Counter<long> _cacheLookups = meter.CreateCounter<long>("stream.home.cache.lookups");

    public async Task<HomeScreen> ComposeAsync(HttpContext http, CancellationToken ct)
    {
        var subscriberId = http.User.FindFirst("sub")!.Value;
        var profileId = Guid.Parse(http.Request.Headers["X-Profile-Id"]);
        var deviceId = http.Request.Headers["X-Device-Id"];

        using var span = Source.StartStreamRequest("stream-home");
        span.SetStreamSubscriberId(pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId)); // clean precision-pseudonym
        Activity.Current?.SetTag("stream.device.class", deviceId[..4]); // clean precision-about
        Activity.Current?.SetTag("stream.device.id", deviceId); // leak TC1001 direct

        var profile = (await progress.GetFromJsonAsync<ViewingProfile>($"/profiles/{profileId}", ct))!;
        var editorialKey = $"rails:{profile.Locale}:{(profile.IsKids ? "kids" : "all")}";
        var hit = cache.TryGetValue(editorialKey, out var cachedRails);
        _cacheLookups.Add(1, new KeyValuePair<string, object?>("key", editorialKey), new KeyValuePair<string, object?>("hit", hit)); // clean precision-about

        var rails = hit ? (IReadOnlyList<Rail>)cachedRails! : await LoadRailsAsync(editorialKey, profile, ct);
        var continueRow = await progress.GetFromJsonAsync<List<ContinueWatching>>($"/profiles/{profileId}/continue", ct) ?? [];

        var screen = new HomeScreen(profile, rails, continueRow);
        span.SetStreamParts(rails.Count + 1).SetStreamTitleId(continueRow.FirstOrDefault()?.TitleId ?? "none"); // clean precision-names
        _requests.Add(1, "stream-home", StreamUpstream.Catalogue, hit ? "rails-cached" : "rails-loaded"); // clean precision-about
        _requests.Add(1, "stream-home", StreamUpstream.Progress, profile.Name); // leak TC1003 direct
        logger.LogInformation("Home screen for profile {ProfileId} with {Rails} rails", profileId, rails.Count); // leak TC1001 direct
        logger.LogInformation("Home screen ({Kids}) with {Rails} rails and {Continue} continue items", profile.IsKids, rails.Count, continueRow.Count); // clean precision-about
        logger.LogDebug("Home screen profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogDebug("Continue row {@Continue}", continueRow); // clean logging-objects
        return screen;
    }

    private async Task<IReadOnlyList<Rail>> LoadRailsAsync(string key, ViewingProfile profile, CancellationToken ct)
    {
        var rails = await catalogue.GetFromJsonAsync<List<Rail>>($"/rails?locale={profile.Locale}&kids={profile.IsKids}", ct) ?? [];
        cache.Set(key, rails, TimeSpan.FromMinutes(10));
        logger.LogDebug("Loaded rails {RailIds} into {CacheKey}", rails.Select(r => r.RailId), key); // clean precision-names
        return rails;
    }
}

/// <summary>
/// Recommendations are proxied, not composed: the transform adds the recommender's experiment
/// header and strips what the vendor must not receive.
/// </summary>
public sealed class RecommendationsTransformProvider(Pseudonymizer pseudonymizer, ILogger<RecommendationsTransformProvider> logger) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.ClusterId != "recommendations")
        {
            return;
        }

        context.AddRequestHeaderRemove("X-Device-Id");
        context.AddRequestTransform(transform =>
        {
            var subscriberId = transform.HttpContext.User.FindFirst("sub")!.Value;
            var profileId = transform.HttpContext.Request.Headers["X-Profile-Id"];
            var arm = MD5.HashData(Encoding.UTF8.GetBytes(profileId))[0] % 2 == 0 ? "A" : "B";
            var vendorSubject = pseudonymizer.ComputeStreamSubscriberId(subscriberId);

            RequestTransform.AddHeader(transform, "X-Experiment-Arm", arm);
            RequestTransform.AddHeader(transform, "X-Vendor-Subject", vendorSubject);
            transform.ProxyRequest.Headers.Remove("X-Profile-Id");

            Activity.Current?.SetTag("stream.reco.arm", arm); // leak TC1002 hashes
            Activity.Current?.SetTag("stream.reco.subject", vendorSubject); // clean precision-pseudonym
            Activity.Current?.SetTag("stream.reco.profile_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(profileId)))[..16]); // leak TC1002 hashes
            logger.LogDebug("Recommendations request headers {Headers}", transform.ProxyRequest.Headers.ToString()); // leak TC1001 logging-objects
            return ValueTask.CompletedTask;
        });

        context.AddResponseTransform(transform =>
        {
            if (transform.ProxyResponse is { IsSuccessStatusCode: false } failed)
            {
                var profileId = transform.HttpContext.Request.Headers["X-Profile-Id"];
                logger.LogWarning("Recommender failed {Status} for profile {Profile}", (int)failed.StatusCode, profileId); // leak TC1001 direct
                Activity.Current?.SetStatus(ActivityStatusCode.Error, $"recommender {(int)failed.StatusCode}"); // clean precision-about
            }

            return ValueTask.CompletedTask;
        });
    }
}
