namespace PrivacyHoldout114.Education;

public sealed record SimilarityCheck(string SubmissionId, string StudentNumber, string CourseCode, string AssignmentId, string BlobPath);

public sealed class SubmissionLateException(string studentNumber, string assignmentId, TimeSpan late)
    : Exception($"Submission for {assignmentId} by {studentNumber} is {late.TotalHours:F1}h late");

/// <summary>Coursework uploads land in blob storage; a queue drives the similarity check.</summary>
public sealed class SubmissionFunctions(ILogger<SubmissionFunctions> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IDeadlines deadlines)
{
    private static readonly ActivitySource Source = new("University.Coursework.Functions");
    private static readonly Meter Meter = new("University.Coursework.Functions");
    private static readonly CoursefnInvocationsCounter Invocations = Meter.CreateCoursefnInvocationsCounter();
    private static readonly Counter<long> LateSubmissions = Meter.CreateCounter<long>("coursefn.submissions.late");

    [Function("SubmissionUploaded")]
    [QueueOutput("similarity-checks")]
    public async Task<SimilarityCheck?> SubmissionUploaded(
        [BlobTrigger("submissions/{courseCode}/{studentNumber}/{assignmentId}/{fileName}", Connection = "CourseworkStorage")] Stream upload,
        string courseCode,
        string studentNumber,
        string assignmentId,
        string fileName,
        FunctionContext context)
    {
        using var span = Source.StartCoursefnInvoke("SubmissionUploaded", "blob");
        span.SetCoursefnCourse(courseCode).SetCoursefnStudentId(pseudonymizer.PseudonymizeCoursefnStudentId(studentNumber)); // clean generated-api
        var blobPath = $"submissions/{courseCode}/{studentNumber}/{assignmentId}/{fileName}";
        span.SetCoursefnNote(blobPath); // leak TC1001 generated-api
        logger.LogInformation("Submission {AssignmentId} for {CourseCode} uploaded, {Bytes} bytes, extension {Extension}", assignmentId, courseCode, upload.Length, Path.GetExtension(fileName)); // clean precision-about
        logger.LogInformation("Submission received from {StudentNumber}", studentNumber); // leak TC1001 direct

        var due = await deadlines.DueAsync(courseCode, assignmentId);
        var late = DateTimeOffset.UtcNow - due;
        if (late > TimeSpan.Zero)
        {
            var ex = new SubmissionLateException(studentNumber, assignmentId, late);
            logger.LogWarning(ex, "Late submission for {AssignmentId}", assignmentId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Ok, "late"); // clean exceptions
            LateSubmissions.Add(1, new KeyValuePair<string, object?>("course", courseCode)); // clean precision-about
            LateSubmissions.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCoursefnStudentId(studentNumber))); // leak TC1003 precision-pseudonym
        }

        Invocations.Add(1, "SubmissionUploaded", "blob", late > TimeSpan.Zero ? "late" : "on_time"); // clean generated-api
        return new SimilarityCheck(Guid.NewGuid().ToString("N"), studentNumber, courseCode, assignmentId, blobPath);
    }

    [Function("RunSimilarityCheck")]
    [FixedDelayRetry(3, "00:01:00")]
    public async Task RunSimilarityCheck([QueueTrigger("similarity-checks")] SimilarityCheck check, FunctionContext context)
    {
        using var span = Source.StartCoursefnInvoke("RunSimilarityCheck", "queue");
        span.SetCoursefnDeliveryCount(context.RetryContext?.RetryCount ?? 0); // clean generated-api
        logger.LogInformation("Similarity check {SubmissionId} for assignment {AssignmentId}", check.SubmissionId, check.AssignmentId); // clean precision-names
        logger.LogInformation("Similarity check {@Check}", check); // leak TC1001 logging-objects
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(check.StudentNumber))[0] % 8;
        span.Activity?.SetTag("coursefn.check.cohort", cohort); // clean hashes
        span.Activity?.SetTag("coursefn.student.hash", check.StudentNumber.GetHashCode()); // leak TC1002 hashes
        span.Activity?.AddEvent(new ActivityEvent("similarity.queued", tags: new ActivityTagsCollection { ["blob.path"] = check.BlobPath })); // leak TC1001 cross-member
        span.Activity?.AddEvent(new ActivityEvent("similarity.queued", tags: new ActivityTagsCollection { ["assignment"] = check.AssignmentId })); // clean precision-names
        try
        {
            await deadlines.SubmitToSimilarityServiceAsync(check.BlobPath);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Blob missing for similarity check: {ErrorCode}", ex.ErrorCode); // clean exceptions
            throw;
        }
    }
}

public interface IDeadlines
{
    Task<DateTimeOffset> DueAsync(string courseCode, string assignmentId);

    Task SubmitToSimilarityServiceAsync(string blobPath);
}
