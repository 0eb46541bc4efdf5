namespace PrivacyHoldout208.Transport;

/// <summary>The council's minimal API for charge certificates and warrants passed to enforcement agents.</summary>
public static class EnforcementRecoveryApi
{
    private static readonly ActivitySource Source = new("Council.Parking.Recovery");
    private static readonly Meter Meter = new("Council.Parking.Recovery");
    private static readonly Counter<long> Warrants = Meter.CreateCounter<long>("parking.recovery.warrants");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/recovery/{pcnNumber}/instruct", InstructAsync);
    }

    private static async Task<ActionResult> InstructAsync(
        string pcnNumber,
        IPenaltyNoticeStore notices,
        IDvlaKeeperEnquiry dvla,
        IDebtRecoveryAgency agency,
        Pseudonymizer pseudonymizer,
        ILogger<DebtCase> logger,
        CancellationToken ct)
    {
        var notice = await notices.FindAsync(pcnNumber, ct);
        if (notice is null)
        {
            return new NotFoundResult(pcnNumber);
        }

        var keeper = await dvla.KeeperAtDateAsync(notice.Vrm, notice.IssuedAt, ct);
        var debt = new DebtCase($"DC-{notice.PcnNumber}", notice.PcnNumber, keeper.KeeperName, $"{keeper.AddressLine}, {keeper.Postcode}", notice.Amount * 1.5m, "warrant");
        var debtor = pseudonymizer.PseudonymizeKerbsideClientId(notice.Vrm);

        using var span = Source.StartKerbsideOperation(notice.ZoneCode)
            .SetKerbsideClientId(debtor) // clean generated-api
            .SetKerbsideContravention(notice.ContraventionCode) // clean generated-api
            .SetKerbsideChannel("post") // clean generated-api
            .SetKerbsideOutcome("warrant"); // clean generated-api
        span.SetKerbsideNote($"warrant for {debt.DebtorName} at {debt.DebtorAddress}"); // leak TC1001 generated-api
        span.SetKerbsideNote(keeper.Postcode); // leak TC1001 generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CaseId"] = debt.CaseId, ["Stage"] = debt.Stage }); // clean logging-objects
        using var debtorScope = logger.BeginScope(new Dictionary<string, object> { ["Debtor"] = debt.DebtorName }); // leak TC1001 logging-objects
        logger.LogInformation("Instructing agency for {Case}", debt); // leak TC1001 logging-objects
        logger.LogInformation("Instructing agency for {Case}", debt with { DebtorName = "", DebtorAddress = "" }); // clean logging-objects
        logger.LogInformation("Instructing {Summary}", new { debt.CaseId, debt.PcnNumber, debt.Outstanding }); // clean logging-objects

        try
        {
            var reference = await agency.InstructAsync(debt, ct);
            span.SetKerbsideNote($"agency reference {reference}"); // clean generated-api
            Warrants.Add(1, new KeyValuePair<string, object?>("recovery.stage", debt.Stage)); // clean precision-names
            Warrants.Add(1, new KeyValuePair<string, object?>("recovery.debtor", debtor.Value)); // leak TC1003 precision-pseudonym
            TelemetryMetricsFor(debt, notice);
            return new OkResult(reference);
        }
        catch (DebtorDisputeException ex)
        {
            span.RecordException(ex); // clean generated-api
            span.SetKerbsideNote(ex.Message); // leak TC1001 exceptions
            logger.LogKerbsideOperationFailedEvent(kerbsideSite: notice.ZoneCode, kerbsideOutcome: "disputed", kerbsideClientId: debtor, kerbsideNote: "debtor disputes"); // clean generated-api
            return new BadRequestResult("disputed");
        }
    }

    private static void TelemetryMetricsFor(DebtCase debt, PenaltyChargeNotice notice)
    {
        Meter.CreateKerbsideOperationsCounter().Add(1, kerbsideSite: notice.ZoneCode, kerbsideOutcome: debt.Stage); // clean generated-api
        Meter.CreateKerbsideOperationsCounter().Add(1, kerbsideSite: notice.Vrm, kerbsideOutcome: "warrant"); // leak TC1003 generated-api
        Meter.CreateKerbsideOperationDurationHistogram().Record(1.0, kerbsideSite: debt.DebtorAddress); // leak TC1003 generated-api
    }
}
