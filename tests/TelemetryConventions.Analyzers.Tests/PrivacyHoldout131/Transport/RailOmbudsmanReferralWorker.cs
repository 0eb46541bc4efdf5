namespace PrivacyHoldout131.Transport;

/// <summary>Refers passengers' complaints still unresolved after forty days to the rail ombudsman.</summary>
public sealed class RailOmbudsmanReferralWorker(
    IQueueReceiver<Complaint> unresolved,
    IOmbudsmanPortal ombudsman,
    Pseudonymizer pseudonymizer,
    IOptions<RefundsOptions> options,
    ILogger<RailOmbudsmanReferralWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.Complaints.Ombudsman");
    private static readonly Meter Meter = new("Rail.Complaints.Ombudsman");
    private readonly FarerefundCaseDurationHistogram _age = Meter.CreateFarerefundCaseDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var complaint = await unresolved.ReceiveAsync(stoppingToken);
            if (complaint is null)
            {
                continue;
            }

            using var span = Source.StartFarerefundCase(complaint.ComplaintRef);
            span.SetFarerefundClaimantId(pseudonymizer.PseudonymizeFarerefundClaimantId(complaint.ComplainantRef)); // clean precision-pseudonym
            Baggage.SetBaggage("passenger", complaint.ComplainantRef); // leak TC1001 direct
            Activity.Current?.SetTag("complaint.reply_to", complaint.ComplainantEmail); // leak TC1001 cross-member
            var age = DateTimeOffset.UtcNow - complaint.OpenedAt;
            _age.Record(age.TotalSeconds, options.Value.Region); // clean precision-about
            logger.LogInformation("Complaint {ComplaintRef} at stage {Stage}, open {Days} days", complaint.ComplaintRef, complaint.Stage, (int)age.TotalDays); // clean precision-about

            try
            {
                var referral = await ombudsman.ReferAsync(complaint, OmbudsmanScheme.RailOmbudsman, stoppingToken);
                span.SetFarerefundOutcome("referred"); // clean precision-names
                logger.LogInformation("Rail ombudsman case {CaseRef} opened {ReferredAt}", referral.CaseRef, referral.ReferredAt); // clean precision-names
                logger.LogInformation("Referral of {Complaint}", complaint); // leak TC1001 logging-objects
                span.SetFarerefundNote($"Referred for {complaint.ComplainantName}"); // leak TC1001 generated-api
            }
            catch (DeadlockLetterMissingException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogError("Referral refused for {ComplaintRef}: {Error}", ex.ComplaintRef, ex.Message); // leak TC1001 exceptions
            }
        }
    }
}
