namespace PrivacyHoldout202.Healthcare;

/// <summary>Pulls GP referrals from the inbox and books the first hydrotherapy session.</summary>
public sealed class ReferralInboxWorker(
    IReferralInbox inbox,
    IMemberMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ReferralInboxWorker> logger) : BackgroundService
{
    private static readonly Histogram<double> Wait = new Meter("activerx.inbox").CreateHistogram<double>("activerx.referral.wait");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await inbox.NextAsync(stoppingToken);
            if (referral is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var span = source.StartActiverxOperation("referral-inbox");
            span.SetActiverxMemberId(pseudonymizer.PseudonymizeActiverxMemberId(referral.NhsNumber)); // clean precision-pseudonym
            span.SetActiverxNote($"referral {referral.ReferralId} on {referral.Pathway}"); // clean generated-api
            span.SetActiverxNote($"precautions: {referral.Precautions}"); // leak TC1001 generated-api
            span.SetActiverxOutcome("received"); // clean generated-api
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId, ["Pathway"] = referral.Pathway }); // clean precision-names
            using var patientScope = logger.BeginScope(new Dictionary<string, object> { ["Patient"] = referral.PatientName }); // leak TC1001 direct
            logger.LogInformation("Referral received {Referral}", referral); // leak TC1001 logging-objects
            logger.LogInformation("Referral received {ReferralId} precautions written {HasPrecautions}", referral.ReferralId, !string.IsNullOrEmpty(referral.Precautions)); // clean precision-about
            Baggage.SetBaggage("referral.id", referral.ReferralId); // clean precision-names
            Baggage.SetBaggage("patient.nhs_number", referral.NhsNumber); // leak TC1001 direct
            Baggage.SetBaggage("patient.pseudonym", pseudonymizer.ComputeActiverxMemberId(referral.NhsNumber)); // clean precision-pseudonym
            var welcome = new StringBuilder().Append("Welcome ").Append(referral.PatientName).Append(" to ").Append(referral.Pathway).ToString();
            logger.LogDebug("Welcome text: {Text}", welcome); // leak TC1001 strings
            var pathwayLine = string.Format("{0} referral on {1}", referral.ReferralId, referral.Pathway);
            logger.LogDebug("Pathway line: {Line}", pathwayLine); // clean strings
            await messenger.SendAsync(referral.NhsNumber, welcome, stoppingToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Wait.Record(elapsed, new KeyValuePair<string, object?>("pathway", referral.Pathway)); // clean precision-about
            Wait.Record(elapsed, new KeyValuePair<string, object?>("nhs_number", referral.NhsNumber)); // leak TC1003 direct
            meter.CreateActiverxOperationDurationHistogram().Record(elapsed, "referral-inbox"); // clean generated-api
            Activity.Current?.SetTag(ActiverxAttributes.Contact, referral.PatientName); // leak TC1001 generated-api
            var bucket = referral.NhsNumber.GetHashCode() % 8;
            Activity.Current?.SetTag("referral.bucket", bucket); // leak TC1002 hashes
        }
    }
}
