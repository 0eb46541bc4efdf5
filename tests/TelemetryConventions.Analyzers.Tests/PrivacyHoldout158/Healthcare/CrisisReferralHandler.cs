namespace PrivacyHoldout158.Healthcare;

/// <summary>Refers callers who need the crisis team, with the trust's NHS number lookup.</summary>
public sealed partial class CrisisReferralHandler(
    IReferralGateway gateway,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CrisisReferralHandler> logger)
{
    private static readonly Counter<int> Referrals = new Meter("Helplines.Referrals").CreateCounter<int>("crisis.referrals");

    public async Task<ReferralReceipt?> HandleAsync(Referral referral, string counsellorStaffId, CancellationToken cancellationToken)
    {
        using var span = source.StartCrisislineOperation("crisis-team");
        span.SetCrisislinePatientId(pseudonymizer.PseudonymizeCrisislinePatientId(referral.NhsNumber)); // clean precision-pseudonym
        LogReferring(logger, referral.ReferralId, referral.ServiceCode, referral.NhsNumber); // clean logging-objects
        LogReferringFor(logger, referral.ReferralId, referral.PatientName); // leak TC1001 logging-objects
        LogUrgency(logger, referral.ReferralId, referral.Urgency); // clean logging-objects

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId, ["Service"] = referral.ServiceCode }); // clean precision-names
        using var patientScope = logger.BeginScope("Patient {NhsNumber}", referral.NhsNumber); // leak TC1001 direct

        try
        {
            var receipt = await gateway.ReferAsync(referral, cancellationToken);
            logger.LogInformation("Referral accepted {@Receipt}", receipt); // clean logging-objects
            Referrals.Add(1, new KeyValuePair<string, object?>("service", referral.ServiceCode), new KeyValuePair<string, object?>("urgency", referral.Urgency)); // clean precision-about
            Referrals.Add(1, new KeyValuePair<string, object?>("nhs", referral.NhsNumber)); // leak TC1003 direct
            return receipt;
        }
        catch (ReferralRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetCrisislineNote(ex.Message); // leak TC1001 generated-api
            span.SetCrisislineOutcome(ex.Reason); // clean generated-api
            logger.LogCrisislineOperationFailedEvent("crisis-team", "rejected", crisislinePatientId: pseudonymizer.PseudonymizeCrisislinePatientId(referral.NhsNumber), crisislineNote: ex.Reason); // clean generated-api
            logger.LogCrisislineOperationFailedEvent("crisis-team", "rejected", crisislineNote: $"Referral {referral.ReferralId} for {referral.PatientName} rejected"); // leak TC1001 generated-api
            logger.LogError("Referral rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogError("Referral {ReferralId} rejected: {Type}", referral.ReferralId, ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag(CrisislineAttributes.Contact, counsellorStaffId); // leak TC1001 generated-api
            Activity.Current?.SetTag("crisis.counsellor.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(counsellorStaffId)))[..16]); // clean hashes
            Activity.Current?.SetTag("crisis.counsellor.bucket", HashCode.Combine(counsellorStaffId) % 16); // leak TC1002 hashes
            return null;
        }
        catch (ServiceFullException ex)
        {
            logger.LogWarning(ex, "Crisis team full for {ReferralId}", referral.ReferralId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
    }

    public void LogSummary(IReadOnlyList<Referral> referrals)
    {
        logger.LogInformation("Referrals today: {Patients}", Describe(referrals)); // leak TC1001 strings
        logger.LogInformation("Referrals today by service: {Services}", string.Join(",", referrals.Select(r => r.ServiceCode).Distinct())); // clean strings
        logger.LogInformation("Urgent referrals: {Count}", referrals.Count(r => r.Urgency == "4h")); // clean precision-about
        Activity.Current?.SetTag("crisis.referral.patients_hashed", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(string.Join(";", referrals.Select(r => r.NhsNumber)))))); // leak TC1002 hashes
    }

    private static string Describe(IEnumerable<Referral> referrals) =>
        string.Join("; ", referrals.Select(r => $"{r.PatientName} ({r.NhsNumber}) to {r.ServiceCode}"));

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Referring {ReferralId} to {Service} for {NhsNumber}")]
    private static partial void LogReferring(ILogger logger, string referralId, string service, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Referring {ReferralId} for {PatientName}")]
    private static partial void LogReferringFor(ILogger logger, string referralId, string patientName);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Referral {ReferralId} urgency {Urgency}")]
    private static partial void LogUrgency(ILogger logger, string referralId, string urgency);
}
