namespace PrivacyHoldout131.Healthcare;

/// <summary>
/// Handles card disputes on the private patients unit's self-pay treatments: gathers the evidence that the
/// treatment took place and submits it before the bank's deadline.
/// </summary>
public sealed partial class SelfPayChargebackHandler(
    IDisputeClient disputes,
    Pseudonymizer pseudonymizer,
    IOptions<RefundsOptions> options,
    ILogger<SelfPayChargebackHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.PrivatePatients.Disputes");
    private static readonly Meter Meter = new("Trust.PrivatePatients.Disputes");
    private static readonly Counter<long> Disputes = Meter.CreateCounter<long>("privatepatients.disputes");
    private readonly NhsrefundCaseDurationHistogram _duration = Meter.CreateNhsrefundCaseDurationHistogram();

    private string? _lastHospitalNumber;

    public async Task HandleAsync(DisputeWebhook webhook, SelfPayEpisode episode, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartNhsrefundCase(webhook.DisputeId);
        span.SetNhsrefundRegion(options.Value.Region); // clean precision-names
        Activity.Current?.SetTag("dispute.event_type", webhook.Type); // clean precision-names
        Activity.Current?.SetTag("dispute.payment_id", webhook.PaymentId); // clean precision-names

        var chargeback = await disputes.GetAsync(webhook.DisputeId, ct);
        _lastHospitalNumber = episode.HospitalNumber;

        logger.LogInformation("Chargeback {DisputeId} ({ReasonCode}, {Network}) for {Amount}", chargeback.DisputeId, chargeback.ReasonCode, chargeback.Network, chargeback.Amount); // clean precision-names
        logger.LogInformation("Received chargeback {@Chargeback}", chargeback); // leak TC1001 logging-objects
        Activity.Current?.SetTag("dispute.cardholder", chargeback.CardholderName); // leak TC1001 cross-member
        Activity.Current?.SetTag("dispute.card_last4", chargeback.CardLast4); // clean precision-about
        Disputes.Add(1, new KeyValuePair<string, object?>("reason_code", chargeback.ReasonCode), new KeyValuePair<string, object?>("network", chargeback.Network)); // clean precision-names

        var evidence = new DisputeEvidence(chargeback.DisputeId)
        {
            CustomerName = $"{episode.GivenName} {episode.FamilyName}",
            CustomerEmail = episode.Email,
            ServiceDate = episode.TreatedOn,
            UncategorizedText = $"Patient {episode.HospitalNumber} attended {episode.Procedure} on {episode.TreatedOn:d} and signed consent form {episode.ConsentFormId}.",
            FileIds = episode.DocumentIds,
        };
        logger.LogDebug("Evidence narrative: {Narrative}", evidence.UncategorizedText); // leak TC1001 strings
        logger.LogDebug("Evidence files {FileIds} for procedure {Procedure}", string.Join(",", evidence.FileIds), episode.Procedure); // clean precision-names

        try
        {
            var submission = await disputes.SubmitEvidenceAsync(evidence, ct);
            logger.LogInformation("Evidence submitted: {Submission}", submission); // clean logging-objects
            span.SetNhsrefundItemCount(submission.FileCount); // clean precision-about
            span.SetNhsrefundOutcome("evidence-submitted"); // clean precision-names
        }
        catch (EvidenceDeadlinePassedException ex)
        {
            logger.LogError(ex, "Evidence deadline missed"); // clean exceptions
            span.SetNhsrefundNote(ex.Message); // clean generated-api
            ReportLate();
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Value.Region); // clean precision-about
        }

        LogEvidencePrepared(logger, chargeback.DisputeId, episode.HospitalNumber); // leak TC1001 direct
        LogEvidenceForPatient(logger, chargeback.DisputeId, episode.HospitalNumber); // clean logging-objects
    }

    private void ReportLate()
    {
        Activity.Current?.AddEvent(new ActivityEvent("dispute.late", tags: new ActivityTagsCollection { ["hospital_number"] = _lastHospitalNumber })); // leak TC1001 cross-member
        Activity.Current?.SetTag("patient.pseudonym", pseudonymizer.ComputeNhsrefundClaimantId(_lastHospitalNumber ?? string.Empty)); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Evidence for dispute {DisputeId} prepared from patient {HospitalNumber}'s episode")]
    private static partial void LogEvidencePrepared(ILogger logger, string disputeId, string hospitalNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Evidence for dispute {DisputeId} taken from patient {HospitalNumber}")]
    private static partial void LogEvidenceForPatient(ILogger logger, string disputeId, [PrivateData] string hospitalNumber);
}

public sealed record SelfPayEpisode(
    string HospitalNumber,
    string GivenName,
    string FamilyName,
    string Email,
    string Procedure,
    DateOnly TreatedOn,
    string ConsentFormId,
    IReadOnlyList<string> DocumentIds);
