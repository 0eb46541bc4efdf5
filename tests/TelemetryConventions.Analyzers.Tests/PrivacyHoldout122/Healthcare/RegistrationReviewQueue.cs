namespace PrivacyHoldout122.Healthcare;

/// <summary>
/// The registration team's queue: checks the vendor returned as "consider" and proofs of address for
/// new GP registrations are worked by a clerk, who approves, rejects or asks for a new upload.
/// </summary>
public sealed partial class RegistrationReviewQueue(
    IReviewQueue queue,
    IVeriDocClient veriDoc,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<RegistrationReviewQueue> logger)
{
    private readonly Histogram<double> _waiting = meter.CreateHistogram<double>("portal.review.wait", "h");

    [LoggerMessage(Level = LogLevel.Information, Message = "Review task {TaskId} for patient {NhsNumber} closed as {Decision}")]
    private static partial void TaskClosed(ILogger logger, string taskId, [PrivateData] string nhsNumber, ReviewDecision decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proof of address for {HolderName} at {Postcode} refused: {Reason}")]
    private static partial void AddressRefused(ILogger logger, string holderName, string postcode, string reason);

    public async Task EnqueueAsync(Check check, string nhsNumber, CancellationToken cancellationToken)
    {
        var reasons = check.Reports.Where(r => r.Result != "clear").Select(r => r.Name).ToList();
        var task = await queue.EnqueueAsync(new ReviewTask(Guid.NewGuid().ToString("N"), "registration-consider", check.Id, check.ApplicantId, $"NHS {nhsNumber}: {string.Join(", ", reasons)}", DateTimeOffset.UtcNow + options.ReviewSla), cancellationToken);
        logger.LogInformation("Queued {TaskId} in {Queue} with reasons {Reasons}", task.Id, task.Queue, reasons); // clean logging-objects
        logger.LogInformation("Queued review task {Subject}", task.Subject); // leak TC1001 strings
        logger.LogInformation("Queued {@Task}", task); // leak TC1001 logging-objects
        Activity.Current?.SetTag("review.queue.depth", await queue.DepthAsync(task.Queue, cancellationToken)); // clean precision-about
    }

    public async Task WorkNextAsync(Reviewer clerk, CancellationToken cancellationToken)
    {
        var task = await queue.NextAsync("registration-consider", clerk, cancellationToken);
        if (task is null)
        {
            return;
        }
        using var span = source.StartPatientidvVerify(task.CheckId, options.Vendor).SetPatientidvReviewQueue(task.Queue); // clean generated-api
        span.SetPatientidvReviewerId(pseudonymizer.PseudonymizePatientidvReviewerId(clerk.StaffId)); // clean generated-api
        span.Activity?.SetTag("review.assigned_to", clerk.Email); // leak TC1001 direct
        span.Activity?.SetTag("review.team", clerk.Team); // clean precision-names
        span.Activity?.SetTag("review.task", task.Id); // clean precision-names
        _waiting.Record((DateTimeOffset.UtcNow - (task.Due - options.ReviewSla)).TotalHours, new KeyValuePair<string, object?>("queue", task.Queue)); // clean precision-names

        var applicant = await veriDoc.FindApplicantAsync(task.ApplicantId, cancellationToken);
        logger.LogInformation("Clerk {Clerk} reviewing {Applicant}", clerk.DisplayName, $"{applicant.FirstName} {applicant.LastName}"); // leak TC1001 strings
        span.SetPatientidvNote($"priority {task.Priority}, {task.Reasons.Count} reasons"); // clean generated-api

        var outcome = new ReviewOutcome(task.Id, task.Reasons.Contains("proof_of_address") ? ReviewDecision.RequestResubmission : ReviewDecision.Approve, clerk.StaffId, null, DateTimeOffset.UtcNow);
        await queue.CloseAsync(outcome, cancellationToken);
        TaskClosed(logger, task.Id, applicant.ExternalUserId ?? string.Empty, outcome.Decision); // clean logging-objects
        logger.LogInformation("Closed {Outcome}", outcome); // leak TC1001 logging-objects
        span.SetPatientidvOutcome(outcome.Decision.ToString()); // clean generated-api
    }

    public void CheckProofOfAddress(string checkId, ProofOfAddress proof, Applicant applicant, PatientidvVerifySpan span)
    {
        span.SetPatientidvDocumentType(proof.DocumentKind); // clean generated-api
        span.Activity?.SetTag("poa.issuer", proof.Issuer); // clean precision-names
        span.Activity?.SetTag("poa.age_days", (DateOnly.FromDateTime(DateTime.Today).DayNumber - proof.IssuedOn.DayNumber)); // clean precision-about
        span.Activity?.SetTag("poa.postcode_district", proof.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("poa.address_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(proof.AddressLine1 + proof.Postcode)))); // leak TC1002 hashes
        span.Activity?.SetTag("poa.address_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(proof.Postcode))[0] % 32); // clean hashes

        var declared = applicant.Address;
        if (declared is null || !string.Equals(declared.Postcode.Replace(" ", ""), proof.Postcode.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
        {
            var ex = new AddressMismatchException($"{declared?.Street}, {declared?.Postcode}", $"{proof.AddressLine1}, {proof.Postcode}");
            span.RecordException(ex, "address mismatch"); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            AddressRefused(logger, proof.HolderName, proof.Postcode, "postcode mismatch"); // leak TC1001 logging-objects
            logger.LogPatientidvVerificationFailedEvent(checkId, "rejected", patientidvNote: ex.Message); // leak TC1001 generated-api
        }
    }
}
