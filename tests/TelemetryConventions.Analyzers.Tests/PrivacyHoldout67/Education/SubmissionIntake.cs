using System.Net.Http.Json;

namespace PrivacyHoldout67.Education;

public sealed record Student(string StudentNumber, string PreferredName, string Email, string YearGroup, string CampusCode);

public sealed record Submission(string SubmissionId, string AssessmentId, string CourseCode, Student Student, string FileName, int WordCount, bool Resubmission);

public sealed record SimilarityReport(string ReportId, double Score, int MatchedSources);

/// <summary>The similarity service refused the author; its message quotes the author's email.</summary>
public sealed class SimilarityRejectedException(string authorEmail, string reason) : Exception($"Author {authorEmail} rejected: {reason}");

/// <summary>The course's quota of checks for the term is used up.</summary>
public sealed class SimilarityQuotaException(string courseCode) : Exception($"Similarity quota exhausted for course {courseCode}");

internal static class CourseworkTracing
{
    public static readonly ActivitySource Intake = new("College.Coursework.Intake");
    public static readonly ActivitySource Similarity = new("College.Coursework.Similarity");
}

/// <summary>The team's tagging helpers, used by every coursework component.</summary>
public static class StudentActivityExtensions
{
    public static Activity? SetStudentTags(this Activity? activity, Student student, Pseudonymizer pseudonymizer)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return activity;
        }
        activity.SetTag(CourseworkAttributes.StudentId, pseudonymizer.ComputeCourseworkStudentId(student.StudentNumber)); // clean precision-pseudonym
        activity.SetTag("student.year_group", student.YearGroup); // clean precision-about
        activity.SetTag("student.email_domain", student.Email[(student.Email.IndexOf('@') + 1)..]); // clean precision-about
        return activity;
    }

    // Older helper, kept for the similarity checker: who or what handed the work in.
    public static Activity? SetSubmitter(this Activity? activity, string submitter) =>
        activity?.SetTag("coursework.submitter", submitter);
}

/// <summary>Minimal API for hand-ins: the edge where the course and the student enter the trace.</summary>
public static class SubmissionEndpoints
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/courses/{courseCode}/assessments/{assessmentId}/submissions", SubmitAsync);

    private static async Task<ActionResult> SubmitAsync(string courseCode, string assessmentId, Submission submission, SimilarityChecker checker, Pseudonymizer pseudonymizer, ILogger<Submission> logger)
    {
        if (Activity.Current is { } server)
        {
            server.DisplayName = $"submit {courseCode}/{assessmentId}"; // clean strings
        }
        Baggage.SetBaggage("course.code", courseCode); // clean direct
        Baggage.SetBaggage("student.number", submission.Student.StudentNumber); // leak TC1001 direct

        using var span = CourseworkTracing.Intake.StartCourseworkSubmissionCheck(submission.SubmissionId) // clean generated-api
            .SetCourseworkStudentId(pseudonymizer.PseudonymizeCourseworkStudentId(submission.Student.StudentNumber)) // clean precision-pseudonym
            .SetCourseworkStage("received");
        span.SetCourseworkNote(submission.FileName); // leak TC1001 generated-api
        span.Activity.SetStudentTags(submission.Student, pseudonymizer); // clean cross-member
        span.Activity?.SetTag("coursework.word_count", submission.WordCount);
        logger.LogInformation($"Hand-in from {submission.Student.PreferredName} stored as {submission.SubmissionId}"); // leak TC1001 strings

        var report = await checker.CheckAsync(submission, CancellationToken.None);
        span.SetCourseworkOutcome(report is null ? "unchecked" : report.Score > 0.4 ? "flagged" : "ok"); // clean generated-api
        logger.LogInformation("Submission {SubmissionId} for {Course} checked, report {ReportId}", submission.SubmissionId, courseCode, report?.ReportId); // clean direct
        return new OkResult(report);
    }
}

/// <summary>Calls the similarity service. Spans are started in a helper that tags them from the request.</summary>
public sealed class SimilarityChecker(HttpClient http, ILogger<SimilarityChecker> logger)
{
    public async Task<SimilarityReport?> CheckAsync(Submission submission, CancellationToken ct)
    {
        using var activity = StartCheck(submission); // leak TC1001 cross-member
        activity.SetSubmitter(submission.Student.StudentNumber); // leak TC1001 cross-member
        try
        {
            using var response = await http.PostAsJsonAsync("v2/checks", new { author = submission.Student.Email, file = submission.FileName }, ct);
            var report = await response.Content.ReadFromJsonAsync<SimilarityReport>(ct);
            activity?.SetTag("similarity.score", report?.Score); // clean precision-about
            activity?.SetTag("similarity.report", report?.ReportId);
            return report;
        }
        catch (SimilarityRejectedException ex)
        {
            activity?.RecordException(ex); // leak TC1001 exceptions
            return null;
        }
        catch (SimilarityQuotaException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Similarity quota reached"); // clean exceptions
            return null;
        }
    }

    public async Task RecheckImportedAsync(Submission submission, CancellationToken ct)
    {
        using var activity = StartCheck(submission); // leak TC1001 cross-member
        activity.SetSubmitter("vle-import"); // clean cross-member
        await Task.Yield();
    }

    private static Activity? StartCheck(Submission submission)
    {
        var activity = CourseworkTracing.Similarity.StartActivity($"similarity check {submission.AssessmentId}", ActivityKind.Client); // clean strings
        activity?.SetTag("coursework.assessment", submission.AssessmentId);
        activity?.SetTag("coursework.resubmission", submission.Resubmission); // clean precision-about
        activity?.SetTag("similarity.author", submission.Student.PreferredName); // leak TC1001 direct
        return activity;
    }
}

/// <summary>
/// Samples every resubmission, and the students on the welfare team's watch list. The attributes of a
/// sampling result are added to the span the SDK starts.
/// </summary>
public sealed class CourseworkSampler(IReadOnlySet<string> watchedStudentNumbers) : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Tags?.Any(t => t.Key == "coursework.resubmission" && t.Value is true) == true)
        {
            return new SamplingResult(SamplingDecision.RecordAndSample, new[] { KeyValuePair.Create("sampler.rule", (object)"resubmission") }); // clean direct
        }
        if (Baggage.GetBaggage("student.number") is { } studentNumber && watchedStudentNumbers.Contains(studentNumber))
        {
            return new SamplingResult(SamplingDecision.RecordAndSample, new[] { KeyValuePair.Create("sampler.watched", (object)studentNumber) }); // leak TC1001 direct
        }
        return new SamplingResult(samplingParameters.ParentContext.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
    }
}
