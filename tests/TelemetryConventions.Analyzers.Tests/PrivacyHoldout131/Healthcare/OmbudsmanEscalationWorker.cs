namespace PrivacyHoldout131.Healthcare;

/// <summary>
/// Nightly: complaints that reached the end of local resolution without agreement are referred to the
/// health service ombudsman; decisions coming back are applied, with any financial remedy paid as goodwill.
/// </summary>
public sealed class OmbudsmanEscalationWorker(
    IComplaintsStore complaints,
    IOmbudsmanPortal ombudsman,
    IQueueReceiver<string> deadlockedComplaints,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<RefundsOptions> options,
    ILogger<OmbudsmanEscalationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Complaints.Ombudsman");
    private static readonly Meter Meter = new("Trust.Complaints.Ombudsman");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("complaints.ombudsman.referrals");
    private static readonly Counter<long> RepeatReferrals = Meter.CreateCounter<long>("complaints.ombudsman.repeat_referrals");
    private static readonly Counter<long> Remedies = Meter.CreateCounter<long>("complaints.ombudsman.remedies");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var complaintRef = await deadlockedComplaints.ReceiveAsync(stoppingToken);
            if (complaintRef is null)
            {
                await ApplyDecisionsAsync(stoppingToken);
                continue;
            }

            using var span = Source.StartNhsrefundCase(complaintRef);
            try
            {
                var complaint = await complaints.FindAsync(complaintRef, stoppingToken) ?? throw new ComplaintNotFoundException(complaintRef);
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["ComplaintRef"] = complaint.ComplaintRef, ["Stage"] = complaint.Stage }); // clean logging-objects
                span.SetNhsrefundClaimantId(pseudonymizer.PseudonymizeNhsrefundClaimantId(complaint.ComplainantRef)); // clean precision-pseudonym
                span.Activity?.SetTag(NhsrefundAttributes.Contact, complaint.ComplainantEmail); // leak TC1001 generated-api

                var referral = await ombudsman.ReferAsync(complaint, OmbudsmanScheme.HealthServiceOmbudsman, stoppingToken);
                await complaints.MarkReferredAsync(complaint.ComplaintRef, referral.CaseRef, stoppingToken);

                logger.LogInformation("Complaint {ComplaintRef} referred as ombudsman case {CaseRef}", complaint.ComplaintRef, referral.CaseRef); // clean precision-names
                logger.LogInformation("Referral sent {Referral}", referral); // leak TC1001 logging-objects
                logger.LogDebug("Complaint summary sent to the ombudsman: {Summary}", complaint.Summary[..Math.Min(60, complaint.Summary.Length)]); // leak TC1001 strings
                logger.LogDebug("Summary length {Length} words {Words}", complaint.Summary.Length, complaint.Summary.Split(' ').Length); // clean precision-about
                Referrals.Add(1, new KeyValuePair<string, object?>("scheme", referral.Scheme.ToString()), new KeyValuePair<string, object?>("stage", complaint.Stage)); // clean precision-names
                if (complaint.Stage == "reopened") RepeatReferrals.Add(1, new KeyValuePair<string, object?>("complainant", pseudonymizer.ComputeNhsrefundClaimantId(complaint.ComplainantRef))); // leak TC1003 precision-pseudonym
                Baggage.SetBaggage("complaint.ref", complaint.ComplaintRef); // clean precision-names
            }
            catch (ComplaintNotFoundException ex)
            {
                logger.LogWarning(ex, "Deadlocked complaint vanished before referral"); // clean exceptions
            }
            catch (DeadlockLetterMissingException ex)
            {
                logger.LogWarning("Referral refused: {Reason}", ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
            }
        }
    }

    private async Task ApplyDecisionsAsync(CancellationToken ct)
    {
        var decisions = await ombudsman.DecisionsSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), ct);
        foreach (var decision in decisions)
        {
            logger.LogInformation("Ombudsman decision {@Decision}", decision); // clean logging-objects
            if (!decision.Upheld || decision.AwardAmount == 0)
            {
                continue;
            }

            var complaint = await complaints.FindAsync(decision.ComplaintRef, ct);
            if (complaint is null)
            {
                continue;
            }

            var payment = new GoodwillPayment($"GW-{decision.CaseRef}", complaint.ComplainantRef, decision.AwardAmount, "ombudsman-remedy");
            logger.LogInformation("Paying remedy {Payment}", payment); // leak TC1001 logging-objects
            logger.LogInformation("Paying remedy {PaymentRef} of {Amount} for {Remedies}", payment.PaymentRef, payment.Amount, string.Join("; ", decision.Remedies)); // clean precision-about
            Remedies.Add(1, new KeyValuePair<string, object?>("complainant_bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(complaint.ComplainantRef))[0] % 8)); // clean hashes
            Remedies.Add(1, new KeyValuePair<string, object?>("complainant", complaint.ComplainantRef)); // leak TC1003 direct
            Activity.Current?.SetTag("remedy.recipient_hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(complaint.ComplainantEmail)))); // leak TC1002 hashes
            if (decision.AwardAmount > options.Value.GoodwillCap)
            {
                var capped = new CompensationCapExceededException(decision.AwardAmount, options.Value.GoodwillCap);
                Activity.Current?.SetStatus(ActivityStatusCode.Error, capped.Message); // clean exceptions
            }
        }
    }
}
