namespace PrivacyHoldout123.Transport;

/// <summary>A penalty fare notice issued on board, as the revenue protection handset uploads it.</summary>
public sealed record PenaltyNotice(string NoticeNumber, string PassengerName, string PassengerEmail, string AddressPostcode, DateOnly DateOfBirth, string Route, string BoardingStation, decimal Amount, string IssuedByOfficer, DateTimeOffset IssuedAt);

/// <summary>Invoices penalty fares, escalates unpaid notices and passes them to the collection agency.</summary>
public sealed partial class PenaltyFareCollections(IInvoiceStore invoices, INoticeSender sender, ICollectionAgencyClient agency, Pseudonymizer pseudonymizer, ILogger<PenaltyFareCollections> logger)
{
    private static readonly ActivitySource Source = new("Rail.Revenue.Penalties");
    private static readonly Meter Meter = new("Rail.Revenue.Penalties");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("farefin.penalty.issued");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>("farefin.penalty.escalations");
    private readonly FarefinPostingsCounter _postings = Meter.CreateFarefinPostingsCounter();

    public async Task InvoiceAsync(PenaltyNotice notice, CancellationToken ct)
    {
        using var span = Source.StartFarefinPost(notice.NoticeNumber, "penalty_notice")
            .SetFarefinRoute(notice.Route) // clean direct
            .SetFarefinAmount((double)notice.Amount) // clean precision-about
            .SetFarefinAgentId(pseudonymizer.PseudonymizeFarefinAgentId(notice.IssuedByOfficer)); // clean precision-pseudonym
        span.Activity?.SetTag("farefin.boarding_station", notice.BoardingStation); // clean precision-names
        span.Activity?.SetTag("farefin.passenger.age_band", (DateTime.UtcNow.Year - notice.DateOfBirth.Year) / 10 * 10); // clean precision-about
        span.Activity?.SetTag("farefin.passenger.name", notice.PassengerName); // leak TC1001 direct
        Issued.Add(1, new KeyValuePair<string, object?>("farefin.route", notice.Route), new KeyValuePair<string, object?>("farefin.station", notice.BoardingStation)); // clean direct
        Issued.Add(1, new KeyValuePair<string, object?>("farefin.officer", notice.IssuedByOfficer)); // leak TC1003 direct
        logger.LogInformation("Penalty notice {Notice} uploaded", notice); // leak TC1001 logging-objects
        LogNoticeIssued(logger, notice.NoticeNumber, notice.PassengerEmail, notice.Amount); // clean logging-objects

        var invoice = new Invoice
        {
            Number = notice.NoticeNumber,
            CustomerAccount = $"PF-{notice.NoticeNumber}",
            BillTo = new Party(notice.PassengerName, notice.PassengerEmail, null, new PostalAddress("", null, "", notice.AddressPostcode, "GB")),
            IssuedOn = DateOnly.FromDateTime(notice.IssuedAt.UtcDateTime),
            DueOn = DateOnly.FromDateTime(notice.IssuedAt.UtcDateTime.AddDays(21)),
        };
        invoice.Lines.Add(new InvoiceLine($"Penalty fare {notice.Route}", 1, notice.Amount, 0m, "4600"));
        await invoices.SaveAsync(invoice, ct);
        logger.LogInformation("Penalty invoice {Number} due {Due} for {Account}", invoice.Number, invoice.DueOn, invoice.CustomerAccount); // clean precision-names
        logger.LogInformation("Penalty invoice {Invoice}", invoice); // clean logging-objects
        _postings.Add(1, "penalty_notice", "invoiced"); // clean generated-api
    }

    public async Task EscalateAsync(PenaltyNotice notice, int stage, CancellationToken ct)
    {
        using var span = Source.StartFarefinCollect("penalty_escalation").SetFarefinDunningLevel(stage); // clean precision-about
        span.SetFarefinReference(notice.NoticeNumber); // clean generated-api
        Escalations.Add(1, new KeyValuePair<string, object?>("farefin.stage", stage)); // clean direct
        var dunning = new DunningNotice($"{notice.NoticeNumber}-{stage}", notice.NoticeNumber, stage, notice.Amount + 20m * stage, DateOnly.FromDateTime(DateTime.UtcNow), "post");
        await sender.SendAsync(dunning, notice.PassengerEmail, ct);
        logger.LogInformation("Escalated {Dunning}", dunning); // clean logging-objects
        span.SetFarefinNote($"stage {stage} reminder sent to {notice.PassengerEmail}"); // leak TC1001 generated-api

        if (stage >= 3)
        {
            var placement = new DebtPlacement($"PF-{notice.NoticeNumber}", "AGY-RAIL", notice.NoticeNumber, notice.PassengerName, new PostalAddressLine("", notice.AddressPostcode), dunning.Outstanding, DateOnly.FromDateTime(DateTime.UtcNow));
            try
            {
                var receipt = await agency.PlaceAsync(placement, ct);
                logger.LogInformation("Notice {Notice} placed with agency as {Case}", notice.NoticeNumber, receipt.AgencyCaseId); // clean precision-names
                logger.LogInformation("Placed {Placement}", placement); // leak TC1001 logging-objects
            }
            catch (PlacementRejectedException ex)
            {
                span.Activity?.AddException(ex); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Code); // clean exceptions
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Penalty notice {NoticeNumber} issued to {PassengerEmail} for {Amount}")]
    private static partial void LogNoticeIssued(ILogger logger, string noticeNumber, [PrivateData] string passengerEmail, decimal amount);
}
