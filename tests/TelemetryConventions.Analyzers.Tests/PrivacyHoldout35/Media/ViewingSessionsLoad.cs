using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Media;

/// <summary>A playback heartbeat (every 30 seconds while a title plays), as landed from the player SDK.</summary>
public sealed record Heartbeat(Guid SubscriberId, Guid ProfileId, string? ProfileName, bool KidsProfile, string? TitleId, string Territory, DateTimeOffset At, int PositionSeconds);

public sealed record ViewingSession(Guid SubscriberId, Guid ProfileId, bool KidsProfile, string TitleId, string Territory, DateTimeOffset Start, DateTimeOffset End)
{
    public double Minutes => (End - Start).TotalMinutes;
}

public sealed record TitleTerritoryAggregate(string TitleId, string Territory, int Sessions, double Minutes);

/// <summary>
/// Turns a day of heartbeats into viewing sessions for <c>fact_viewing</c> and the rights holders'
/// monthly report (aggregated by title and territory, small cells suppressed).
/// </summary>
public sealed class ViewingSessionsLoad(IWarehouseLoader warehouse, Pseudonymizer pseudonymizer, ILogger<ViewingSessionsLoad> logger)
{
    private const int ReportThreshold = 10;
    private static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(5);
    private static readonly ActivitySource Source = new("Stream.Warehouse.Viewing");
    private static readonly Meter Meter = new("Stream.Warehouse.Viewing");
    private static readonly Histogram<double> SessionMinutes = Meter.CreateHistogram<double>("viewing.session.minutes", "min");

    public async Task<IReadOnlyList<TitleTerritoryAggregate>> LoadAsync(DateOnly day, IReadOnlyList<Heartbeat> heartbeats, CancellationToken cancellationToken)
    {
        using var span = Source.StartPipelineBatch("viewing_sessions_load", "raw.heartbeat");
        span.SetPipelineBatchId(day.ToString("yyyyMMdd"));
        Activity.Current?.SetTag("lineage.columns", "subscriber_id->subscriber_ref, profile_id->profile_ref, profile_name->(dropped)"); // clean precision-names

        var valid = new List<Heartbeat>();
        foreach (var heartbeat in heartbeats)
        {
            if (heartbeat.TitleId is null)
            {
                logger.LogWarning("Heartbeat from profile {ProfileId} carries no title", heartbeat.ProfileId); // leak TC1001 direct
                continue;
            }

            if (heartbeat.PositionSeconds < 0)
            {
                logger.LogWarning("Heartbeat with a negative position rejected: {@Heartbeat}", heartbeat); // leak TC1001 logging-objects
                continue;
            }

            valid.Add(heartbeat);
        }

        foreach (var overLimit in valid.GroupBy(h => (h.SubscriberId, Minute: h.At.ToUnixTimeSeconds() / 60)).Where(g => g.Select(h => h.ProfileId).Distinct().Count() > 4).Select(g => g.Key.SubscriberId).Distinct())
        {
            logger.LogInformation("Subscriber {SubscriberId} streamed on more than four profiles at once", overLimit); // leak TC1001 direct
        }

        var names = valid.Select(h => h.ProfileName).Where(n => n is not null).Distinct().ToList();
        var overlong = names.Where(n => n!.Length > 40).ToList();
        if (overlong.Count > 0)
        {
            logger.LogDqCheckFailedEvent("expect_column_value_lengths_to_be_between", dqColumn: "profile_name", dqFailed: overlong.Count, dqSample: string.Join(" | ", overlong.Take(3))); // leak TC1001 generated-api
        }

        var empty = names.Count(n => n!.Trim().Length == 0);
        if (empty > 0)
        {
            logger.LogDqCheckFailedEvent("expect_column_values_to_not_be_null", dqColumn: "profile_name", dqFailed: empty, dqSample: $"{empty} blank names"); // clean generated-api
        }

        var sessions = Sessionise(valid);
        logger.LogInformation("Sessionised {Heartbeats} heartbeats into {Sessions} sessions", valid.Count, sessions.Count); // clean precision-about
        foreach (var session in sessions)
        {
            SessionMinutes.Record(session.Minutes, new KeyValuePair<string, object?>("profile.kids", session.KidsProfile)); // clean precision-about
        }

        var longest = sessions.MaxBy(s => s.Minutes);
        if (longest is not null && longest.Minutes > 600)
        {
            SessionMinutes.Record(longest.Minutes, new KeyValuePair<string, object?>("outlier.profile", longest.ProfileId)); // leak TC1003 direct
        }

        await warehouse.BulkInsertAsync(
            "stg.viewing_session",
            sessions.Select(s => new { SubscriberRef = pseudonymizer.ComputePipelineSubjectId(s.SubscriberId.ToString()), s.KidsProfile, s.TitleId, s.Territory, s.Start, s.End }).ToList(),
            cancellationToken);

        var aggregates = sessions
            .GroupBy(s => (s.TitleId, s.Territory))
            .Select(g => new TitleTerritoryAggregate(g.Key.TitleId, g.Key.Territory, g.Count(), g.Sum(s => s.Minutes)))
            .ToList();
        var reportable = aggregates.Where(a => a.Sessions >= ReportThreshold).ToList();
        span.SetPipelineNote($"{aggregates.Count - reportable.Count} title/territory cells under {ReportThreshold} sessions suppressed"); // clean generated-api
        if (reportable.Count > 0)
        {
            logger.LogDebug("Largest reported cell: {@Aggregate}", reportable.MaxBy(a => a.Minutes)); // clean logging-objects
        }

        return reportable;
    }

    private static List<ViewingSession> Sessionise(IEnumerable<Heartbeat> heartbeats)
    {
        var sessions = new List<ViewingSession>();
        foreach (var byProfile in heartbeats.GroupBy(h => (h.ProfileId, h.TitleId)))
        {
            ViewingSession? current = null;
            foreach (var beat in byProfile.OrderBy(h => h.At))
            {
                if (current is not null && beat.At - current.End <= SessionGap)
                {
                    current = current with { End = beat.At };
                    continue;
                }

                if (current is not null)
                {
                    sessions.Add(current);
                }

                current = new ViewingSession(beat.SubscriberId, beat.ProfileId, beat.KidsProfile, beat.TitleId!, beat.Territory, beat.At, beat.At);
            }

            if (current is not null)
            {
                sessions.Add(current);
            }
        }

        return sessions;
    }
}
