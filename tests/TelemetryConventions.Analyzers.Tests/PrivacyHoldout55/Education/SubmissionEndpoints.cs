using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Education;

public sealed record UploadForm(string StudentNumber, string CourseCode, string AssessmentId, string FileName, long Length);

public interface ILearnerDirectory
{
    Task<Learner?> FindAsync(string studentNumber);

    Task<bool> HasExtensionAsync(string studentNumber, string assessmentId);
}

public interface ISubmissionStore
{
    Task<Submission> SaveAsync(Learner learner, UploadForm form, Stream content);
}

/// <summary>The learner is not enrolled on the course the work was uploaded to.</summary>
public sealed class NotEnrolledException(string studentNumber, string courseCode)
    : Exception($"Student {studentNumber} is not enrolled on {courseCode}")
{
    public string CourseCode { get; } = courseCode;
}

/// <summary>Minimal-API endpoints of coursework upload.</summary>
public static class SubmissionEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/coursework", UploadAsync);
        routes.MapPost("/coursework/resubmit", ResubmitAsync);
    }

    public static async Task<ActionResult> UploadAsync(
        UploadForm form,
        Stream content,
        ILearnerDirectory learners,
        ISubmissionStore store,
        SubmissionMetrics metrics,
        Pseudonymizer pseudonymizer,
        ILogger<Submission> logger)
    {
        var span = Activity.Current.EnrichCampusSubmissionReceive(pseudonymizer.PseudonymizeCampusStudentId(form.StudentNumber), form.CourseCode); // clean precision-pseudonym
        var learner = await learners.FindAsync(form.StudentNumber);
        if (learner is null)
        {
            span.Note($"unknown learner {form.StudentNumber}"); // leak TC1001 strings
            return new NotFoundResult("Unknown learner");
        }

        try
        {
            var submission = await store.SaveAsync(learner, form, content);
            var hasExtension = await learners.HasExtensionAsync(learner.StudentNumber, form.AssessmentId);
            span.Note($"course {form.CourseCode}/{form.AssessmentId}, attempt {submission.Attempt}"); // clean strings
            span.Describe(submission, hasExtension) // clean generated-api
                .Note($"{form.Length} bytes, {Path.GetExtension(form.FileName)}"); // clean precision-about
            logger.Received(pseudonymizer, learner, submission, hasExtension); // clean precision-pseudonym
            metrics.Count(submission, submission.StatusOf(hasExtension), provisionalGrade: null); // clean precision-about
            metrics.Size(submission, learner.YearGroup);
            return new OkResult(submission.SubmissionId);
        }
        catch (NotEnrolledException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Note(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Upload refused: {CourseCode} ({Kind})", ex.CourseCode, ex.GetType().Name); // clean exceptions
            return new BadRequestResult("Not enrolled");
        }
    }

    // Resubmission is older and was not moved to the generated API yet.
    public static async Task<ActionResult> ResubmitAsync(
        UploadForm form,
        Stream content,
        ILearnerDirectory learners,
        ISubmissionStore store,
        Pseudonymizer pseudonymizer,
        ILogger<Submission> logger)
    {
        var activity = Activity.Current;
        if (activity is not null)
        {
            activity.DisplayName = $"POST /coursework/resubmit {form.StudentNumber}"; // leak TC1001 strings
        }
        activity?.SetTag("lms.course", form.CourseCode); // clean direct
        activity?.SetTag("lms.learner", form.StudentNumber); // leak TC1001 direct
        Baggage.SetBaggage("lms.learner_ref", pseudonymizer.ComputeCampusStudentId(form.StudentNumber)); // clean precision-pseudonym
        var learner = await learners.FindAsync(form.StudentNumber);
        if (learner is null)
        {
            logger.LogWarning("Resubmission for unknown learner {@Form}", form); // leak TC1001 logging-objects
            return new NotFoundResult("Unknown learner");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["StudentNumber"] = learner.StudentNumber, ["Course"] = form.CourseCode })) // leak TC1001 logging-objects
        {
            var submission = await store.SaveAsync(learner, form, content);
            logger.LogInformation("Resubmitted {SubmissionId}, attempt {Attempt}", submission.SubmissionId, submission.Attempt); // clean direct
            logger.LogInformation("Learner {Learner} resubmitted", learner); // leak TC1001 logging-objects
            logger.LogInformation("Resubmission by " + learner.Describe()); // leak TC1001 cross-member
            activity?.EnrichCampusSubmissionReceive(pseudonymizer.PseudonymizeCampusStudentId(learner.UniqueLearnerNumber), form.CourseCode) // clean precision-pseudonym
                .TagStudentNumber(learner.StudentNumber); // leak TC1001 cross-member
            var studentNumberFormat = learner.StudentNumber.StartsWith('S') ? "legacy" : "current";
            activity?.SetTag("lms.student_number_format", studentNumberFormat); // clean precision-names
            return new OkResult(submission.SubmissionId);
        }
    }
}
