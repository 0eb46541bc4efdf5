using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout.Support;
using TelemetryConventions;

namespace PrivacyHoldout.Media;

public sealed class WatchEntry
{
    public long Id { get; set; }

    public required string SubscriberId { get; set; }

    public required string ProfileName { get; set; }

    public required string TitleId { get; set; }

    public TimeSpan Position { get; set; }

    public DateTimeOffset WatchedAt { get; set; }
}

/// <summary>The "continue watching" row, read from the watch-history table.</summary>
public sealed class WatchHistoryRepository(IDbSet<WatchEntry> entries, ILogger<WatchHistoryRepository> logger)
{
    private static readonly ActivitySource Source = new("Stream.WatchHistory");

    public async Task<IReadOnlyList<WatchEntry>> ContinueWatchingAsync(string subscriberId, string profileName, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("stream.history.continue_watching", ActivityKind.Client);
        activity?.SetTag("db.system.name", "postgresql");
        activity?.SetTag("db.query.text", $"SELECT * FROM watch_history WHERE subscriber_id = '{subscriberId}'"); // leak TC1001 strings
        activity?.SetTag("db.query.summary", "SELECT watch_history");

        var rows = await entries.ToListAsync(e => e.SubscriberId == subscriberId && e.ProfileName == profileName, cancellationToken);
        var unfinished = rows.Where(r => r.Position > TimeSpan.FromMinutes(1)).OrderByDescending(r => r.WatchedAt).Take(20).ToList();
        activity?.SetTag("db.response.returned_rows", rows.Count); // clean precision-about
        activity?.SetTag("stream.history.profile", profileName); // leak TC1001 direct
        activity?.SetTag("stream.history.profile_is_kids", profileName.StartsWith("Kids", StringComparison.OrdinalIgnoreCase)); // clean precision-about
        activity?.SetTag("stream.history.titles", string.Join(",", unfinished.Select(u => u.TitleId))); // clean strings

        if (unfinished.Count == 0)
        {
            logger.LogDebug("Nothing to continue for {Subscriber}/{Profile}", subscriberId, profileName); // leak TC1001 direct
        }
        logger.LogDebug("Continue watching has {Count} of {Total} titles", unfinished.Count, rows.Count); // clean precision-about
        return unfinished;
    }
}
