namespace PrivacyHoldout122.Media;

public sealed record CreatorApplication(Guid CreatorId, string ChannelHandle, string LegalName, string Email, string TaxId, string TaxCountry, DateOnly DateOfBirth, string AddressLine, string Postcode);

/// <summary>
/// Creators join the revenue share only after KYC: their legal name, date of birth and tax id at the
/// vendor, a document and a proof of address; a mismatch goes to the payouts analysts.
/// </summary>
public sealed partial class CreatorPayoutOnboarding(
    IVeriDocClient veriDoc,
    IReviewQueue queue,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    VerificationOptions options,
    ActivitySource source,
    ILogger<CreatorPayoutOnboarding> logger)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Creator {Handle} submitted KYC with tax id {TaxId} ({TaxCountry})")]
    private static partial void Submitted(ILogger logger, string handle, string taxId, string taxCountry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creator {CreatorRef} submitted KYC ({TaxCountry}, tax id of {TaxIdLength} characters)")]
    private static partial void SubmittedSafe(ILogger logger, string creatorRef, string taxCountry, int taxIdLength);

    public async Task<string> SubmitAsync(CreatorApplication application, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("creator.kyc.submit");
        activity?.SetTag("creator.tax_country", application.TaxCountry); // clean precision-names
        activity?.SetTag("creator.handle", application.ChannelHandle); // leak TC1001 direct
        activity?.SetTag("creator.tax_id_hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(application.TaxId)))); // leak TC1002 hashes
        activity?.SetTag("creator.tax_id_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.TaxId))[0]); // clean hashes
        Submitted(logger, application.ChannelHandle, application.TaxId, application.TaxCountry); // leak TC1001 logging-objects
        SubmittedSafe(logger, pseudonymizer.ComputeSubidvSubscriberId(application.CreatorId.ToString()), application.TaxCountry, application.TaxId.Length); // clean precision-pseudonym

        Applicant applicant;
        try
        {
            applicant = await veriDoc.CreateApplicantAsync(new ApplicantRequest(application.LegalName, string.Empty, application.Email, application.DateOfBirth, application.CreatorId.ToString()), cancellationToken);
        }
        catch (VeriDocApiException ex) when (ex.StatusCode == 422)
        {
            logger.LogWarning(ex, "Vendor refused creator {CreatorRef}", pseudonymizer.ComputeSubidvSubscriberId(application.CreatorId.ToString())); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"vendor {ex.Type} ({ex.StatusCode})"); // clean exceptions
            throw;
        }

        var check = await veriDoc.CreateCheckAsync(new CheckRequest(applicant.Id, new[] { "document", "proof_of_address" }), cancellationToken);
        activity?.SetTag("creator.check", check.Id); // clean precision-names
        activity?.SetTag("creator.applicant", applicant.Id); // leak TC1001 direct
        logger.LogInformation("KYC for {Creator} started as check {CheckId}", $"{application.LegalName} <{application.Email}>", check.Id); // leak TC1001 strings
        return check.Id;
    }

    public async Task EscalateAsync(Check check, CreatorApplication application, string reason, CancellationToken cancellationToken)
    {
        using var span = source.StartSubidvVerify(check.Id, options.Vendor).SetSubidvReviewQueue("creator-payouts"); // clean generated-api
        var task = await queue.EnqueueAsync(new ReviewTask(Guid.NewGuid().ToString("N"), "creator-payouts", check.Id, check.ApplicantId, $"{application.ChannelHandle}: {reason}", DateTimeOffset.UtcNow + options.ReviewSla) { Reasons = new[] { reason } }, cancellationToken);
        span.SetSubidvNote($"escalated: {reason}"); // clean generated-api
        span.Activity?.SetTag("review.task", task.Id); // clean precision-names
        span.Activity?.SetTag("review.due", task.Due); // clean precision-names
        logger.LogInformation("Escalated {TaskId} ({Reasons})", task.Id, task.Reasons); // clean logging-objects
        logger.LogInformation("Escalated creator at postcode {Postcode}", application.Postcode); // leak TC1001 direct
    }
}
