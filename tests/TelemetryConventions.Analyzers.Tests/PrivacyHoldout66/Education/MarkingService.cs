using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Education;

public sealed record MarkingRequest(Submission Submission, string MarkerStaffId, int Mark, string Feedback);

public sealed class PlagiarismCheckFailedException(string studentNumber, string assessmentCode, double similarity)
    : Exception($"Similarity {similarity:P0} for {studentNumber} on {assessmentCode} is above the threshold.")
{
    public double Similarity { get; } = similarity;
}

public interface IGuardianDirectory
{
    string? EmailFor(string studentNumber);
}

/// <summary>Marks submissions, with the plagiarism check, and notifies the guardians of under-18s of late work.</summary>
public sealed class MarkingService(
    ISubmissionMetrics metrics,
    IGuardianDirectory guardians,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<MarkingService> logger)
{
    private const string LateNoticeEmailTemplateId = "tmpl-late-work-v3";

    private readonly AllowList _courses = new(["BTEC-IT-L3", "BTEC-ENG-L3", "ALEVEL-MATHS", "ACCESS-NURS"]);

    public void Accept(Submission submission)
    {
        using var span = source.StartLearningMarking(submission.CourseCode)
            .SetLearningAssessment(submission.AssessmentCode)
            .SetLearningStudentId(pseudonymizer.PseudonymizeLearningStudentId(submission.StudentNumber)); // clean precision-pseudonym
        metrics.Received(submission);

        if (submission.SubmittedAt > submission.Deadline)
        {
            var by = submission.SubmittedAt - submission.Deadline;
            metrics.Late(submission.StudentNumber, submission.CourseCode, by); // leak TC1003 cross-member
            metrics.Count("coursework.late.by_band", new("course", _courses.Limit(submission.CourseCode)), new("band", Buckets.Of(by.TotalHours, 1, 24, 72))); // clean precision-about
            logger.LogLearningLateEvent(submission.CourseCode, pseudonymizer.PseudonymizeLearningStudentId(submission.StudentNumber), learningOutcome: "late"); // clean generated-api
            NotifyGuardian(submission, by);
        }

        metrics.Count("coursework.by_cohort", new("course", submission.CourseCode), new("cohort", KeyedShard.Of(secrets.ShardKey, submission.StudentNumber, 8))); // clean hashes
        metrics.Count("coursework.by_year", new("course", submission.CourseCode), new("intake", submission.StudentNumber[..2])); // clean precision-about
        metrics.Count("coursework.by_student", new("course", submission.CourseCode), new("student", pseudonymizer.ComputeLearningStudentId(submission.StudentNumber))); // leak TC1003 precision-pseudonym
    }

    public void Mark(MarkingRequest request)
    {
        var submission = request.Submission;
        var stopwatch = Stopwatch.StartNew();
        using var span = source.StartLearningMarking(submission.CourseCode).SetLearningAssessment(submission.AssessmentCode);
        try
        {
            CheckSimilarity(submission);
            metrics.Marked(submission.CourseCode, submission.AssessmentCode, stopwatch.Elapsed, request.Mark);
            span.SetLearningOutcome(request.Mark >= 40 ? "pass" : "refer"); // clean generated-api
            span.Activity?.SetTag("marking.feedback.length", request.Feedback.Length); // clean precision-about
            span.Activity?.SetTag("marking.marker", request.MarkerStaffId); // leak TC1001 direct
            logger.LogDebug("Feedback for {Assessment}: {Feedback}", submission.AssessmentCode, request.Feedback); // leak TC1001 strings
        }
        catch (PlagiarismCheckFailedException ex)
        {
            metrics.Rejected(submission, "similarity"); // clean direct
            logger.LogWarning("Rejected submission {@Submission}", submission); // leak TC1001 logging-objects
            metrics.Count("coursework.similarity", new("course", submission.CourseCode), new("band", Buckets.Of(ex.Similarity * 100, 25, 50, 75))); // clean precision-about
            span.SetLearningOutcome("rejected:similarity").SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Similarity check failed on {Assessment}", submission.AssessmentCode); // leak TC1001 exceptions
            metrics.Count("coursework.similarity.failed", new("course", submission.CourseCode), new("error", ex.GetType().Name)); // clean exceptions
        }
    }

    private void NotifyGuardian(Submission submission, TimeSpan by)
    {
        var email = guardians.EmailFor(submission.StudentNumber);
        if (email is null)
        {
            logger.LogInformation("No guardian on file for a late {Course} submission", submission.CourseCode);
            return;
        }
        var domain = email[(email.IndexOf('@') + 1)..];
        Activity.Current?.SetTag("guardian.domain", domain); // clean precision-about
        Activity.Current?.SetTag(LearningAttributes.GuardianContact, email); // leak TC1001 generated-api
        logger.LogInformation("Late-work notice for {Course} ({Hours:0} h late) sent to {Guardian}", submission.CourseCode, by.TotalHours, email); // leak TC1001 direct
        logger.LogInformation("Guardian attribute {Attribute} withheld", LearningAttributes.GuardianContact); // clean precision-names
        logger.LogDebug("Late-work notice rendered from template {EmailTemplateId}", LateNoticeEmailTemplateId); // clean precision-names
        var digest = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(email)));
        metrics.Count("coursework.guardian.notified", new("course", submission.CourseCode), new("recipient", digest)); // leak TC1003 hashes
    }

    private static void CheckSimilarity(Submission submission)
    {
        var similarity = submission.SizeBytes % 100 / 100.0;
        if (similarity > 0.6)
        {
            throw new PlagiarismCheckFailedException(submission.StudentNumber, submission.AssessmentCode, similarity);
        }
    }
}
