using System.IO;

namespace PrivacyHoldout66.Education;

public sealed record Submission(string StudentNumber, string CourseCode, string AssessmentCode, string Campus, DateTimeOffset SubmittedAt, DateTimeOffset Deadline, string FileName, long SizeBytes);

/// <summary>The coursework service's metrics, behind the team's own interface so the handlers can be tested with a fake.</summary>
public interface ISubmissionMetrics
{
    void Received(Submission submission);

    void Rejected(Submission submission, string reasonCode);

    void Late(string studentNumber, string courseCode, TimeSpan by);

    void Marked(string courseCode, string assessmentCode, TimeSpan took, int mark);

    void Count(string name, params KeyValuePair<string, object?>[] tags);
}

public sealed class SubmissionMetrics : ISubmissionMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _lateness;
    private readonly Histogram<int> _marks;
    private readonly Histogram<long> _fileSize;
    private readonly LearningSubmissionsCounter _submissions;
    private readonly LearningMarkingDurationHistogram _markingDuration;
    private readonly ConcurrentDictionary<string, Counter<long>> _named = new(StringComparer.Ordinal);

    public SubmissionMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(new MeterOptions("College.Coursework") { Version = "2.3.0" });
        _received = _meter.CreateCounter<long>("coursework.received", "{submission}");
        _rejected = _meter.CreateCounter<long>("coursework.rejected", "{submission}");
        _lateness = _meter.CreateHistogram<double>("coursework.lateness", "h", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 6, 24, 72, 168] });
        _marks = _meter.CreateHistogram<int>("coursework.mark", "%");
        _fileSize = _meter.CreateHistogram<long>("coursework.file.size", "By");
        _submissions = _meter.CreateLearningSubmissionsCounter();
        _markingDuration = _meter.CreateLearningMarkingDurationHistogram();
    }

    public void Received(Submission submission)
    {
        _received.Add(1, TagsFor(submission)); // clean direct
        _fileSize.Record(submission.SizeBytes, new KeyValuePair<string, object?>("extension", Path.GetExtension(submission.FileName).ToLowerInvariant())); // clean precision-about
        _submissions.Add(1, submission.CourseCode, submission.Campus, submission.SubmittedAt <= submission.Deadline ? "on_time" : "late"); // clean generated-api
    }

    public void Rejected(Submission submission, string reasonCode)
    {
        var tags = TagsFor(submission);
        tags.Add("reason", reasonCode);
        _rejected.Add(1, tags); // clean direct
        _submissions.Add(1, submission.CourseCode, submission.Campus, $"rejected:{reasonCode}"); // clean generated-api
    }

    public void Late(string studentNumber, string courseCode, TimeSpan by) =>
        _lateness.Record(by.TotalHours, new KeyValuePair<string, object?>("course", courseCode), new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct

    public void Marked(string courseCode, string assessmentCode, TimeSpan took, int mark)
    {
        _marks.Record(mark, new KeyValuePair<string, object?>("course", courseCode), new KeyValuePair<string, object?>("assessment", assessmentCode));
        _markingDuration.Record(took.TotalSeconds, courseCode, assessmentCode); // clean generated-api
    }

    public void Count(string name, params KeyValuePair<string, object?>[] tags) =>
        _named.GetOrAdd(name, n => _meter.CreateCounter<long>(n)).Add(1, tags);

    /// <summary>The dimensions every submission metric carries.</summary>
    private static TagList TagsFor(Submission submission) => new()
    {
        { "course", submission.CourseCode },
        { "assessment", submission.AssessmentCode },
        { "campus", submission.Campus },
    };
}
