using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Media;

public sealed class ViewingRecord
{
    public Guid Id { get; set; }

    public required string SubscriberId { get; set; }

    public required string TitleId { get; set; }

    public TimeSpan Watched { get; set; }

    public string? ProfileName { get; set; }
}

public sealed class ViewingHistoryRepository(IDbSet<ViewingRecord> records, IUnitOfWork unitOfWork, ILogger<ViewingHistoryRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Vod.History");
    private Dictionary<string, int>? _titleCounts;

    public async Task<(int Count, TimeSpan Total)> SummariseAsync(string subscriberId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("history.summarise");
        var history = await records.ToListAsync(r => r.SubscriberId == subscriberId, cancellationToken);
        var (count, total) = (history.Count, history.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Watched));
        activity?.SetTag("vod.history.count", count); // clean precision-about
        activity?.SetTag("vod.history.watched_minutes", total.TotalMinutes); // clean precision-about
        activity?.SetTag("vod.history.subscriber", pseudonymizer.PseudonymizeVodSubscriberId(subscriberId)); // clean precision-pseudonym

        _titleCounts ??= history.GroupBy(r => r.TitleId).ToDictionary(g => g.Key, g => g.Count());
        activity?.SetTag("vod.history.distinct_titles", _titleCounts.Count); // clean precision-about

        var profiles = history.Select(r => r.ProfileName).Where(n => n is not null).Distinct().Aggregate(string.Empty, (all, n) => all.Length == 0 ? n! : all + "," + n);
        logger.LogDebug("History profiles for summary: {Profiles}", profiles); // leak TC1001 strings
        return (count, total);
    }

    public async Task RecordAsync(ViewingRecord record, CancellationToken cancellationToken)
    {
        records.Add(record);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogError(ex, "Concurrent write of viewing record {RecordId} for title {TitleId}", record.Id, record.TitleId); // clean exceptions
            throw new InvalidOperationException($"Viewing record for subscriber {record.SubscriberId} could not be saved", ex);
        }
    }

    public async Task<ViewingRecord?> LatestAsync(string subscriberId, CancellationToken cancellationToken)
    {
        try
        {
            return await records.FirstOrDefaultAsync(r => r.SubscriberId == subscriberId, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            var wrapped = new ApplicationException("History lookup failed for " + subscriberId, ex);
            logger.LogError(wrapped, "History lookup failed"); // leak TC1001 exceptions
            throw;
        }
    }

    public bool TryDescribe(ViewingRecord record, out string description)
    {
        description = $"{record.ProfileName} watched {record.TitleId}";
        return record.ProfileName is not null;
    }

    public void Trace(ViewingRecord record)
    {
        if (TryDescribe(record, out var description))
        {
            Activity.Current?.AddEvent(new ActivityEvent(description)); // leak TC1001 cross-member
        }
        Activity.Current?.AddEvent(new ActivityEvent("vod.history.recorded", tags: new ActivityTagsCollection { ["vod.title.id"] = record.TitleId, ["vod.watched_seconds"] = record.Watched.TotalSeconds })); // clean precision-names
    }
}
