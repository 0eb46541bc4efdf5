using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Education;

/// <summary>
/// Times the stages of an assignment submission: <c>using (timer.Time(...)) { ... }</c> records the
/// stage's duration when the scope is disposed.
/// </summary>
public sealed class SubmissionTimer(Meter meter)
{
    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("lms.submission.stage.duration", "s", "Duration of a submission stage.");

    public Scope Time(string urn, string stage, string studentNumber) => new(_duration, urn, stage, studentNumber);

    public readonly struct Scope(Histogram<double> duration, string urn, string stage, string studentNumber) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            duration.Record(elapsed, new KeyValuePair<string, object?>("school.urn", urn), new("lms.stage", stage), new("student.number", studentNumber)); // leak TC1003 direct
        }
    }
}

/// <summary>A scope that puts the stage's duration and the learner's pseudonym on the current span when disposed.</summary>
public sealed class SpanStageScope : IDisposable
{
    private readonly Activity? _activity = Activity.Current;
    private readonly string _stage;
    private readonly string _learnerRef;
    private readonly long _started = Stopwatch.GetTimestamp();

    public SpanStageScope(string stage, string learnerRef)
    {
        _stage = stage;
        _learnerRef = learnerRef;
    }

    public void Dispose()
    {
        _activity?.SetTag($"lms.{_stage}.ms", Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        _activity?.SetTag("lms.learner.ref", _learnerRef); // clean precision-pseudonym
    }
}

public interface ISubmissionStore
{
    Task<Guid> StoreAsync(string urn, string studentNumber, string assignmentId, byte[] content, CancellationToken cancellationToken);

    Task ScanAsync(Guid submissionId, CancellationToken cancellationToken);
}

public sealed class SubmissionService(SchoolTenant school, LearnerSession learner, SubmissionTimer timer, ISubmissionStore store)
{
    public async Task<Guid> SubmitAsync(string assignmentId, byte[] content, CancellationToken cancellationToken)
    {
        Guid submissionId;
        using (timer.Time(school.Urn, "upload", learner.StudentNumber)) // leak TC1003 cross-member
        {
            submissionId = await store.StoreAsync(school.Urn, learner.StudentNumber, assignmentId, content, cancellationToken);
        }

        using (new SpanStageScope("scan", learner.LearnerRef)) // clean precision-pseudonym
        {
            await store.ScanAsync(submissionId, cancellationToken);
        }

        return submissionId;
    }
}
