namespace PrivacyHoldout120.Energy;

public sealed record CallOutReport(string JobId, string AccountNumber, string PolicyNumber, string EngineerStaffNumber, string EngineerName, string Fault, string EngineerNotes, decimal PartsCost, decimal LabourCost, bool Repaired, string CustomerSignatureName);

public sealed record ExcessWaiver(string JobId, string Reason, decimal Amount)
{
    public override string ToString() => $"ExcessWaiver {JobId} ({Reason}) {Amount:0.00}";
}

/// <summary>Turns an engineer's call-out report into a home emergency claim with its assessor note and reserve.</summary>
public sealed class EngineerCallOutClaims(IClaimsApi claims, Pseudonymizer pseudonymizer, ILogger<EngineerCallOutClaims> logger)
{
    private static readonly ActivitySource Source = new("Energy.HomeCover.Claims");
    private static readonly Meter Meter = new("Energy.HomeCover.Claims");
    private static readonly HomecoverClaimDurationHistogram Duration = Meter.CreateHomecoverClaimDurationHistogram();
    private static readonly Counter<long> Reserves = Meter.CreateCounter<long>("homecover.reserve.changes");

    public async Task RecordAsync(CallOutReport report, DateTimeOffset reportedAt, CancellationToken ct)
    {
        using var activity = Source.StartActivity("homecover.callout.claim");
        activity?.SetTag("callout.job", report.JobId); // clean precision-names
        activity?.SetTag("callout.fault", report.Fault); // clean precision-about
        activity?.SetTag("callout.repaired", report.Repaired); // clean precision-about
        activity?.SetTag("callout.engineer", report.EngineerStaffNumber); // leak TC1001 direct
        activity?.SetTag("callout.signed_by", report.CustomerSignatureName); // leak TC1001 direct

        var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(report.PolicyNumber, reportedAt, report.Fault, report.Fault, "engineer-app", "n/a"), ct);
        using var claim = Source.StartHomecoverClaim(intake.ClaimId);
        claim.SetHomecoverPeril(report.Fault) // clean generated-api
            .SetHomecoverAccountId(pseudonymizer.PseudonymizeHomecoverAccountId(report.AccountNumber)) // clean precision-pseudonym
            .SetHomecoverEngineerId(pseudonymizer.PseudonymizeHomecoverEngineerId(report.EngineerStaffNumber)); // clean precision-pseudonym

        var note = new AdjusterNote(intake.ClaimId, report.EngineerStaffNumber, report.EngineerNotes, reportedAt);
        await claims.AddNoteAsync(note, ct);
        activity?.SetTag("callout.notes.length", report.EngineerNotes.Length); // clean precision-about
        logger.LogInformation("Assessor note added: {Note}", note); // leak TC1001 logging-objects
        claim.SetHomecoverNote(report.EngineerNotes); // leak TC1001 generated-api
        claim.SetHomecoverNote($"parts {report.PartsCost:0.00}, labour {report.LabourCost:0.00}, repaired {report.Repaired}"); // clean generated-api

        var total = report.PartsCost + report.LabourCost;
        var change = new ReserveChange(intake.ClaimId, intake.InitialReserve, total, total > intake.InitialReserve ? "RES-UP" : "RES-DOWN");
        await claims.ChangeReserveAsync(change, ct);
        logger.LogInformation("Reserve change {Change}", change); // clean logging-objects
        Reserves.Add(1, new KeyValuePair<string, object?>("reason", change.ReasonCode), new KeyValuePair<string, object?>("fault", report.Fault)); // clean precision-about
        Reserves.Add(1, new KeyValuePair<string, object?>("engineer", report.EngineerName)); // leak TC1003 direct

        if (total < 60m)
        {
            var waiver = new ExcessWaiver(report.JobId, "below-excess", total);
            logger.LogInformation("Excess waived {Waiver}", waiver); // clean logging-objects
        }

        Duration.Record((DateTimeOffset.UtcNow - reportedAt).TotalSeconds, report.Fault, intake.Status); // clean generated-api
        if (!report.Repaired)
        {
            logger.LogHomecoverClaimReferredEvent(intake.ClaimId, "not-repaired", null, $"account {report.AccountNumber} job {report.JobId}"); // leak TC1001 generated-api
        }
    }
}
