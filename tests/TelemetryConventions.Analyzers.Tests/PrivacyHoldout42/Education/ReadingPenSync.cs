using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout42.Education;

public sealed record PageScan(string Isbn, int Page, int SecondsSpent, int WordsTapped);

public sealed record ChildProfile(Guid ProfileId, string DisplayName, int Age);

/// <summary>What the parent's companion app uploads after the reading pen synced over Bluetooth.</summary>
public sealed record PenSyncBatch(
    string PenSerial,
    string Model,
    string Firmware,
    string ParentEmail,
    ChildProfile Child,
    IReadOnlyList<PageScan> Scans,
    string AppInstallationId);

public interface IPenSyncStore
{
    /// <summary>The profile that last used this pen, when another child of the household had it before.</summary>
    Task<ChildProfile?> LastProfileAsync(string penSerial, CancellationToken cancellationToken);

    Task SaveAsync(PenSyncBatch batch, CancellationToken cancellationToken);
}

public interface IWeeklySummaryQueue
{
    Task QueueAsync(string parentEmail, Guid profileId, CancellationToken cancellationToken);
}

public static class ReadingPenEndpoints
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/pens/sync", (PenSyncBatch batch, ReadingPenSync sync, CancellationToken ct) => sync.HandleAsync(batch, ct));
}

public sealed class ReadingPenSync(
    IPenSyncStore store,
    IWeeklySummaryQueue summaries,
    Meter meter,
    ILogger<ReadingPenSync> logger)
{
    private readonly Counter<long> _words = meter.CreateCounter<long>("pen.words.tapped", "{word}");
    private readonly Histogram<double> _minutes = meter.CreateHistogram<double>("pen.reading.minutes", "min");

    public async Task HandleAsync(PenSyncBatch batch, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PenSerial"] = batch.PenSerial, ["PenModel"] = batch.Model }); // leak TC1001 logging-objects
        var activity = Activity.Current;
        activity?.SetTag("pen.scan.count", batch.Scans.Count); // clean precision-about
        activity?.SetTag("pen.child.profile", batch.Child.ProfileId); // leak TC1001 direct
        activity?.SetTag("pen.child.age", batch.Child.Age); // clean precision-about
        activity?.SetTag("app.installation", batch.AppInstallationId); // leak TC1001 direct
        activity?.SetTag("pen.books", string.Join(",", batch.Scans.Select(s => s.Isbn).Distinct())); // clean precision-names

        var previous = await store.LastProfileAsync(batch.PenSerial, cancellationToken);
        if (previous is not null && previous.ProfileId != batch.Child.ProfileId)
        {
            logger.LogInformation("Pen handed from {PreviousProfile} to {Profile}", previous.DisplayName, batch.Child.DisplayName); // leak TC1001 direct
            activity?.SetTag("pen.shared", true); // clean precision-about
        }

        await store.SaveAsync(batch, cancellationToken);

        var tags = new TagList { { "pen.model", batch.Model }, { "pen.firmware", batch.Firmware } };
        _words.Add(batch.Scans.Sum(s => s.WordsTapped), tags); // clean precision-about
        var minutes = batch.Scans.Sum(s => s.SecondsSpent) / 60.0;
        _minutes.Record(minutes, new KeyValuePair<string, object?>("pen.child", batch.Child.DisplayName)); // leak TC1003 direct

        await summaries.QueueAsync(batch.ParentEmail, batch.Child.ProfileId, cancellationToken);
        logger.LogInformation("Weekly summary queued for a parent at {MailDomain}", batch.ParentEmail[(batch.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
    }
}
