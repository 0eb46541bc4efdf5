using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;

namespace PrivacyHoldout39.Media;

// A nightly job counts the community-guideline strikes of each viewing profile over 90 days. Profiles
// with three strikes lose commenting for 30 days; their comments stay visible only to themselves
// (a "shadow" restriction) until the restriction ends.

public sealed record Strike(Guid ProfileId, string ProfileName, string Rule, DateTimeOffset At);

public interface IStrikeStore
{
    Task<IReadOnlyList<Strike>> Last90DaysAsync(CancellationToken cancellationToken);

    Task RestrictAsync(Guid profileId, TimeSpan duration, CancellationToken cancellationToken);
}

public sealed class StrikeSweeper(IStrikeStore store, ILogger<StrikeSweeper> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Comments.Strikes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("strikes.sweep");
        var strikes = await store.Last90DaysAsync(stoppingToken);
        var byProfile = strikes.GroupBy(s => s.ProfileId).ToDictionary(g => g.Key, g => g.Count());
        var restricted = byProfile.Where(p => p.Value >= 3).Select(p => p.Key).ToList();

        activity?.SetTag("strikes.profiles", byProfile.Count); // clean precision-about
        logger.LogInformation("Strike counts {StrikeCounts}", byProfile); // leak TC1001 logging-objects
        foreach (var profileId in restricted)
        {
            await store.RestrictAsync(profileId, TimeSpan.FromDays(30), stoppingToken);
            var cohort = HashCode.Combine(profileId) & 3;
            activity?.AddEvent(new ActivityEvent("strikes.restricted", tags: new ActivityTagsCollection { ["cohort"] = cohort })); // leak TC1002 hashes
        }

        var names = strikes.Where(s => restricted.Contains(s.ProfileId)).Select(s => s.ProfileName).Distinct();
        logger.LogInformation("Restricted profiles: {Names}", string.Join(", ", names)); // leak TC1001 logging-objects
    }
}
