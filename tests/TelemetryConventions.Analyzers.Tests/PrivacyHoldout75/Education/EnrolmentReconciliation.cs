namespace PrivacyHoldout75.Education;

public sealed record Enrolment(string StudentNumber, string CourseCode, string Status, DateOnly Start);

public sealed record Submission(string SubmissionId, string AssessmentId, string Status, int? Mark);

public interface ICourseSource
{
    /// <summary>Enrolments of a course keyed by student number.</summary>
    Task<IReadOnlyDictionary<string, Enrolment>> EnrolmentsAsync(string courseCode, CancellationToken cancellationToken);

    /// <summary>Submissions of a course keyed by submission id.</summary>
    Task<IReadOnlyDictionary<string, Submission>> SubmissionsAsync(string courseCode, CancellationToken cancellationToken);
}

/// <summary>
/// Nightly reconciliation of the SIS against the VLE, course by course: enrolments (keyed by student
/// number) and submissions (keyed by submission id).
/// </summary>
public sealed class EnrolmentReconciliation(
    ICourseSource sis,
    ICourseSource vle,
    ActivitySource source,
    Meter meter,
    ILogger<EnrolmentReconciliation> logger)
{
    public async Task RunAsync(string runId, string courseCode, CancellationToken cancellationToken)
    {
        using var span = source.StartSismigRun(runId);
        span.SetSismigStore("sis-vs-vle"); // clean precision-names
        using var scope = logger.BeginScope("Reconciling {CourseCode} in run {RunId}", courseCode, runId); // clean precision-about

        var enrolments = Reconciler.Compare($"enrolments:{courseCode}", await sis.EnrolmentsAsync(courseCode, cancellationToken), await vle.EnrolmentsAsync(courseCode, cancellationToken), (a, b) => a.Status == b.Status);
        span.SetSismigRecords(enrolments.SourceCount).SetSismigMismatches(enrolments.Mismatched.Count);
        logger.LogInformation("Reconciled {Report}", enrolments); // clean logging-objects
        logger.LogWarning("Enrolled in SIS, missing in VLE: {Missing}", enrolments.MissingInTarget); // leak TC1001 logging-objects
        logger.LogWarning("{Count} VLE enrolments have no SIS record", enrolments.MissingInSource.Count); // clean precision-about
        span.SetSismigNote($"status differs for {string.Join(",", enrolments.Mismatched.Take(20))}"); // leak TC1001 generated-api
        logger.LogDebug("Enrolment reconciliation detail {@Report}", enrolments); // leak TC1001 logging-objects
        meter.CreateSismigRecordsCounter().Add(enrolments.MissingInTarget.Count, "missing-in-vle", sismigStore: "vle"); // clean generated-api

        var submissions = Reconciler.Compare($"submissions:{courseCode}", await sis.SubmissionsAsync(courseCode, cancellationToken), await vle.SubmissionsAsync(courseCode, cancellationToken), (a, b) => a.Mark == b.Mark);
        logger.LogWarning("Submissions missing in SIS: {Missing}", submissions.MissingInSource); // clean logging-objects
        span.SetSismigChangedFields(submissions.Mismatched.Count > 0 ? nameof(Submission.Mark) : string.Empty); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("submissions.reconciled", tags: new ActivityTagsCollection { ["missing"] = string.Join(",", submissions.MissingInTarget), ["mark_differs"] = submissions.Mismatched.Count })); // clean precision-about

        span.SetSismigOutcome(enrolments.Balanced && submissions.Balanced ? "balanced" : "unbalanced");
    }
}
