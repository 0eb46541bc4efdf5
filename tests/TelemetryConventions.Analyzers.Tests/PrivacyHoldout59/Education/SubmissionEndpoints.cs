using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Education;

public static class SubmissionEndpoints
{
    private static readonly ActivitySource Source = new("Tutor.Submissions");
    private static readonly Meter Meter = new("Tutor.Submissions");
    private static readonly Counter<long> WordBuckets = Meter.CreateCounter<long>("tutor.submission.words");

    private static readonly string[] AlwaysShared = ["AssignmentId", "CourseCode", "YearGroup"];

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/submissions", Submit);
        routes.MapPost("/feedback", ReleaseFeedback);
        routes.MapPost("/grades/change", ChangeGrade);
        routes.MapGet("/assignments/{assignmentId}/stats", Stats);
    }

    private static async Task<ActionResult> Submit(
        SubmissionReceived received,
        Pseudonymizer pseudonymizer,
        IOptions<TutorTelemetryOptions> options,
        IFeatureManager features,
        ILogger<SubmissionReceived> logger)
    {
        using var span = Source.StartTutorSubmission(pseudonymizer.PseudonymizeTutorStudentId(received.StudentNumber), received.AssignmentId); // clean precision-pseudonym
        span.SetTutorSchool(received.SchoolUrn).SetTutorYearGroup(received.YearGroup); // clean precision-about
        span.SetTutorSubmissionState(received.IsLate ? TutorSubmissionState.Late : TutorSubmissionState.OnTime);

        ObjectTagger.TagFields(span.Activity, received, AlwaysShared); // clean precision-about
        ObjectTagger.TagFields(span.Activity, received, options.Value.IncludeFields); // leak TC1001 cross-member

        if (await features.IsEnabledAsync("tutor.detailed-telemetry"))
        {
            ObjectTagger.TagProperties(span.Activity, received); // leak TC1001 cross-member
            span.Activity?.SetTag("tutor.submission.word_count", received.WordCount); // clean precision-about
        }

        var prefix = options.Value.SchoolPrefixes.GetValueOrDefault(received.SchoolUrn, "tutor.");
        span.Activity?.SetTag(prefix + "student_ref", pseudonymizer.ComputeTutorStudentId(received.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(prefix + "student_number", received.StudentNumber); // leak TC1001 direct
        span.Activity?.SetTag($"{prefix}submission.id", received.SubmissionId); // clean precision-about

        var band = received.WordCount switch { < 500 => "<500", < 1500 => "500-1499", _ => "1500+" };
        WordBuckets.Add(1, new TagList { { "tutor.word_band", band }, { "tutor.school", received.SchoolUrn } }); // clean precision-about
        WordBuckets.Add(1, new TagList { { "tutor.word_band", band }, { "tutor.student", pseudonymizer.ComputeTutorStudentId(received.StudentNumber) } }); // leak TC1003 precision-pseudonym
        Meter.CreateTutorSubmissionsCounter().Add(1, received.IsLate ? TutorSubmissionState.Late : TutorSubmissionState.OnTime, received.SchoolUrn, received.YearGroup); // clean precision-about

        logger.LogInformation("Submission {SubmissionId} received for {AssignmentId}", received.SubmissionId, received.AssignmentId); // clean precision-about
        logger.LogDebug("Submission fields {Fields}", string.Join(",", options.Value.IncludeFields)); // clean precision-names
        return new OkResult(received.SubmissionId);
    }

    private static ActionResult ReleaseFeedback(FeedbackReleased released, Pseudonymizer pseudonymizer, ILogger<FeedbackReleased> logger)
    {
        using var activity = Source.StartActivity("tutor.feedback.release");
        ObjectTagger.TagProperties(activity, released); // clean precision-about
        using (logger.BeginScope(ObjectTagger.ToState(released))) // clean logging-objects
        {
            logger.LogTutorFeedbackReleasedEvent(released.AssignmentId, pseudonymizer.PseudonymizeTutorStudentId(released.StudentNumber), released.CourseCode, $"band {released.MarkBand}, {released.CommentCount} comments"); // clean generated-api
            logger.LogTutorFeedbackReleasedEvent(released.AssignmentId, tutorNote: $"released to {released.StudentName}"); // leak TC1001 generated-api
        }
        logger.LogInformation("Feedback released {@Feedback}", released); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    private static ActionResult ChangeGrade(GradeChange change, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("tutor.grade.change");
        foreach (var tag in change.ToTags()) activity?.SetTag(tag.Key, tag.Value); // leak TC1001 cross-member
        foreach (var tag in change.ToTags().Where(t => t.Key != "tutor.student.number")) activity?.SetTag(tag.Key, tag.Value); // clean precision-about
        activity?.AddEvent(new ActivityEvent("tutor.grade.changed", tags: new ActivityTagsCollection(change.ToTags()))); // leak TC1001 cross-member
        activity?.SetTag("tutor.student.id", pseudonymizer.ComputeTutorStudentId(change.StudentNumber)); // clean precision-pseudonym
        return new OkResult(null);
    }

    private static ActionResult Stats(string assignmentId, AssignmentStats stats, CourseLoad load, ILogger<AssignmentStats> logger)
    {
        using var activity = Source.StartActivity("tutor.assignment.stats");
        ObjectTagger.TagProperties(activity, stats); // clean precision-about
        ObjectTagger.TagFields(activity, stats, new[] { "Submitted", "Late", "Missing" }); // clean precision-about
        foreach (var (key, value) in load.ToTags()) activity?.SetTag(key, value); // clean precision-about
        logger.LogInformation("Stats {@Stats} for {AssignmentId}", stats, assignmentId); // clean logging-objects
        return new OkResult(stats);
    }
}
