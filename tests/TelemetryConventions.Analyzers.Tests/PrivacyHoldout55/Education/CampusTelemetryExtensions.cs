using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Education;

public sealed record Learner(string StudentNumber, string UniqueLearnerNumber, string PreferredName, string YearGroup, string SchoolUrn);

public sealed record Submission(string SubmissionId, string CourseCode, string AssessmentId, int Attempt, DateTimeOffset ReceivedAt, DateTimeOffset Deadline, long SizeBytes);

/// <summary>
/// The platform team's helpers over the generated submission span and events, so that every endpoint
/// tags a submission the same way.
/// </summary>
public static class CampusTelemetryExtensions
{
    public static CampusSubmissionStatus StatusOf(this Submission submission, bool hasExtension) =>
        submission.ReceivedAt <= submission.Deadline ? CampusSubmissionStatus.OnTime
        : hasExtension ? CampusSubmissionStatus.Extension
        : CampusSubmissionStatus.Late;

    public static CampusSubmissionReceiveSpan Describe(this CampusSubmissionReceiveSpan span, Submission submission, bool hasExtension) =>
        span.SetCampusAssessmentId(submission.AssessmentId) // clean precision-about
            .SetCampusAttempt(submission.Attempt)
            .SetCampusSubmissionStatus(submission.StatusOf(hasExtension)); // clean generated-api

    public static CampusSubmissionReceiveSpan WithLearner(this CampusSubmissionReceiveSpan span, Pseudonymizer pseudonymizer, Learner learner) =>
        span.SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(learner.StudentNumber)); // clean precision-pseudonym

    public static CampusSubmissionReceiveSpan TagStudentNumber(this CampusSubmissionReceiveSpan span, string studentNumber)
    {
        span.Activity?.SetTag("campus.student.number", studentNumber); // leak TC1001 direct
        return span;
    }

    public static CampusSubmissionReceiveSpan Note(this CampusSubmissionReceiveSpan span, string note) =>
        span.SetCampusNote(note);

    public static void Received(this ILogger logger, Pseudonymizer pseudonymizer, Learner learner, Submission submission, bool hasExtension) =>
        logger.LogCampusSubmissionReceivedEvent(submission.CourseCode, submission.StatusOf(hasExtension), pseudonymizer.PseudonymizeCampusStudentId(learner.StudentNumber), submission.AssessmentId, submission.Attempt); // clean precision-pseudonym

    public static string Describe(this Learner learner) => $"{learner.PreferredName} ({learner.YearGroup})";

    public static string GradeBand(int provisionalGrade) => provisionalGrade switch
    {
        <= 3 => "1-3",
        <= 6 => "4-6",
        _ => "7-9",
    };
}

/// <summary>Counts submissions per course; registered as a singleton next to the platform's meter.</summary>
public sealed class SubmissionMetrics(Meter meter)
{
    private readonly Histogram<long> _sizes = meter.CreateHistogram<long>("campus.submission.size", "By");

    public void Count(Submission submission, CampusSubmissionStatus status, int? provisionalGrade) =>
        meter.CreateCampusSubmissionsCounter().Add(1, submission.CourseCode, status, provisionalGrade is { } grade ? CampusTelemetryExtensions.GradeBand(grade) : null); // clean precision-about

    public void Size(Submission submission, string yearGroup) =>
        _sizes.Record(submission.SizeBytes, new("campus.course.code", submission.CourseCode), new("campus.year_group", yearGroup)); // clean precision-about

    public void LateBy(Learner learner, Submission submission) =>
        meter.CreateCampusSubmissionsCounter().Add(1, submission.CourseCode, CampusSubmissionStatusValue.Custom($"late:{learner.StudentNumber}")); // leak TC1003 generated-api
}
