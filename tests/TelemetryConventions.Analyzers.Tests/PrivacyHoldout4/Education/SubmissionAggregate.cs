using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Education;

public sealed record AnswerSubmitted(string SittingId, string StudentNumber, int Question, DateTimeOffset At);

public sealed record SubmissionFinalised(string SittingId, string StudentNumber, int Answered, bool Late);

/// <summary>An exam submission as an event-sourced aggregate; its stream is named after the candidate and the sitting.</summary>
public sealed class Submission
{
    private readonly List<object> _pending = new();

    public string SittingId { get; private set; } = string.Empty;

    public string StudentNumber { get; private set; } = string.Empty;

    public int Answered { get; private set; }

    public long Version { get; private set; }

    public string StreamId => $"submission-{SittingId}-{StudentNumber}";

    public IReadOnlyList<object> Pending => _pending;

    public void Apply(object @event)
    {
        switch (@event)
        {
            case AnswerSubmitted a:
                (SittingId, StudentNumber) = (a.SittingId, a.StudentNumber);
                Answered++;
                break;
            case SubmissionFinalised:
                break;
        }
        Version++;
    }

    public void Answer(int question, DateTimeOffset at)
    {
        var e = new AnswerSubmitted(SittingId, StudentNumber, question, at);
        _pending.Add(e);
        Apply(e);
    }
}

public sealed class SubmissionRepository(IEventStore store, ILogger<SubmissionRepository> logger)
{
    private static readonly ActivitySource Source = new("Exams.Submissions");

    public async ValueTask<Submission> LoadAsync(string sittingId, string studentNumber, CancellationToken cancellationToken)
    {
        var submission = new Submission();
        var streamId = $"submission-{sittingId}-{studentNumber}";
        using var activity = Source.StartActivity("submission.load");
        activity?.SetTag("eventstore.stream", streamId); // leak TC1001 strings

        await foreach (var stored in store.ReadStreamAsync(streamId, cancellationToken))
        {
            submission.Apply(stored.Data);
        }

        activity?.SetTag("eventstore.stream.version", submission.Version); // clean precision-about
        return submission;
    }

    public async ValueTask SaveAsync(Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(submission.StreamId, submission.Version - submission.Pending.Count, submission.Pending, cancellationToken);
            logger.LogDebug("Appended {Count} events to sitting {Sitting}", submission.Pending.Count, submission.SittingId); // clean precision-names
        }
        catch (StreamVersionConflictException ex)
        {
            logger.LogWarning(ex, "Concurrent answer on a submission, retrying"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            throw;
        }
    }
}

/// <summary>Projects finalised submissions into the marking queue and reports per-sitting totals.</summary>
public sealed class MarkingQueueProjection(ILogger<MarkingQueueProjection> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _late = meter.CreateCounter<long>("exam.submissions.late");

    public async IAsyncEnumerable<SubmissionFinalised> ProjectAsync(IAsyncEnumerable<StoredEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in events.WithCancellation(cancellationToken))
        {
            if (stored.Data is not SubmissionFinalised finalised)
            {
                continue;
            }

            if (finalised.Late)
            {
                _late.Add(1, new TagList { { "exam.sitting.id", finalised.SittingId } }); // clean precision-names
                _late.Add(1, new TagList { { "exam.student.id", pseudonymizer.ComputeExamStudentId(finalised.StudentNumber) } }); // leak TC1003 precision-pseudonym
                logger.LogExamSubmissionLateEvent($"late by stream {stored.StreamId}"); // leak TC1001 generated-api
            }

            yield return finalised;
        }
    }

    public void Summarise(IEnumerable<SubmissionFinalised> batch)
    {
        var perSitting = batch
            .GroupBy(s => s.SittingId)
            .Select(g => (Sitting: g.Key, Candidates: g.Select(s => s.StudentNumber).Distinct().Count(), Answered: g.Sum(s => s.Answered)))
            .ToList();

        foreach (var (sitting, candidates, answered) in perSitting)
        {
            logger.LogInformation("Sitting {Sitting}: {Candidates} candidates, {Answered} answers", sitting, candidates, answered); // clean precision-about
        }

        var unanswered = batch.Where(s => s.Answered == 0).Select(s => s.StudentNumber).ToArray();
        logger.LogWarning("Candidates with no answers: {Candidates}", string.Join(", ", unanswered)); // leak TC1001 strings
        logger.LogWarning("{Count} candidates handed in a blank script", unanswered.Length); // clean precision-about
    }
}
