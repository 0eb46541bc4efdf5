using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using EventStore.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;

namespace PrivacyHoldout13.Education;

public sealed record GradeRecorded(string StudentNumber, string CourseCode, string AssessmentId, decimal Mark, string MarkedBy);

public sealed record Gradebook(string StudentNumber, Dictionary<string, decimal> Marks);

/// <summary>
/// Keeps one gradebook stream per student (<c>gradebook-{studentNumber}</c>) and one summary
/// stream per course. Grades arrive from the marking subscription through a bounded channel so
/// that a slow store never blocks the subscription.
/// </summary>
public sealed class GradebookProjection
{
    public const string Name = "gradebook";
    private static readonly ActivitySource Source = new("Campus.Gradebook");
    private readonly Channel<GradeRecorded> _queue = Channel.CreateBounded<GradeRecorded>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly EventStoreClient _store;
    private readonly ICheckpointStore _checkpoints;
    private readonly ILogger<GradebookProjection> _logger;
    private long _head;
    private long _checkpoint;

    public GradebookProjection(EventStoreClient store, ICheckpointStore checkpoints, Meter meter, ILogger<GradebookProjection> logger)
    {
        _store = store;
        _checkpoints = checkpoints;
        _logger = logger;
        meter.CreateLedgerProjectionLagObservableGauge(() => new[] { LedgerProjectionLagObservableGauge.Measure(Volatile.Read(ref _head) - Volatile.Read(ref _checkpoint), Name) }); // clean precision-about
    }

    private static string StreamFor(string studentNumber) => $"gradebook-{studentNumber}";

    /// <summary>Called by the subscription for every grade; never waits.</summary>
    public void Enqueue(GradeRecorded grade, long position)
    {
        Volatile.Write(ref _head, position);
        if (!_queue.Writer.TryWrite(grade))
        {
            _logger.LogWarning("Gradebook queue full, dropping the grade of {StudentNumber} for {AssessmentId}", grade.StudentNumber, grade.AssessmentId); // leak TC1001 direct
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var grade in _queue.Reader.ReadAllAsync(ct))
        {
            _logger.LogDebug("Gradebook queue depth {Depth}", _queue.Reader.Count); // clean precision-about
            using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Projection"] = Name, ["StudentNumber"] = grade.StudentNumber }); // leak TC1001 logging-objects
            await ApplyAsync(grade, ct);
            await UpdateCourseSummaryAsync(grade, ct);

            var position = Volatile.Read(ref _head);
            await _checkpoints.SetAsync(Name, position, ct);
            Volatile.Write(ref _checkpoint, position);
        }
    }

    private async Task ApplyAsync(GradeRecorded grade, CancellationToken ct)
    {
        var stream = StreamFor(grade.StudentNumber);
        using var span = Source.StartLedgerAppend("gradebook", nameof(GradeRecorded));
        Activity.Current?.SetTag("eventstore.stream", StreamFor(grade.StudentNumber)); // leak TC1001 cross-member
        Activity.Current?.SetTag("lms.marked_by", grade.MarkedBy); // leak TC1001 direct

        var book = new Gradebook(grade.StudentNumber, new Dictionary<string, decimal>());
        long version = -1;
        try
        {
            await foreach (var e in _store.ReadStreamAsync(Direction.Forwards, stream, StreamPosition.Start, cancellationToken: ct))
            {
                var earlier = JsonSerializer.Deserialize<GradeRecorded>(e.Event.Data.Span)!;
                book.Marks[earlier.AssessmentId] = earlier.Mark;
                version = e.Event.EventNumber.ToInt64();
            }
        }
        catch (StreamNotFoundException ex)
        {
            _logger.LogInformation(ex, "Starting a new gradebook"); // leak TC1001 exceptions
        }

        span.SetLedgerExpectedVersion(version); // clean precision-about
        try
        {
            var data = new EventData(Uuid.NewUuid(), nameof(GradeRecorded), JsonSerializer.SerializeToUtf8Bytes(grade));
            await _store.AppendToStreamAsync(stream, StreamRevision.FromInt64(version), new[] { data }, ct);
        }
        catch (WrongExpectedVersionException ex)
        {
            _logger.LogLedgerConflictEvent("gradebook", version, ledgerNote: $"gradebook of {grade.StudentNumber} moved to {ex.ActualStreamRevision}"); // leak TC1001 generated-api
            throw;
        }
    }

    private async Task UpdateCourseSummaryAsync(GradeRecorded grade, CancellationToken ct)
    {
        var stream = $"course-{grade.CourseCode}";
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Projection"] = Name, ["Course"] = grade.CourseCode }); // clean logging-objects
        Activity.Current?.SetTag("eventstore.stream", stream); // clean precision-about

        try
        {
            var data = new EventData(Uuid.NewUuid(), "CourseMarkAdded", JsonSerializer.SerializeToUtf8Bytes(new { grade.AssessmentId, grade.Mark }));
            await _store.AppendToStreamAsync(stream, StreamState.Any, new[] { data }, ct);
        }
        catch (WrongExpectedVersionException ex)
        {
            _logger.LogLedgerConflictEvent("course", ex.ExpectedStreamRevision.ToInt64(), ledgerNote: ex.Message); // clean exceptions
        }
    }
}
