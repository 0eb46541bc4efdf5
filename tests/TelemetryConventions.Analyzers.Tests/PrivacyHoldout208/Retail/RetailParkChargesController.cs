namespace PrivacyHoldout208.Retail;

/// <summary>A retail park's ANPR parking charges: pay at the kiosk or in the app, and debt recovery of unpaid charges.</summary>
[ApiController]
[Route("api/parking-charges")]
public sealed partial class RetailParkChargesController(
    IPenaltyNoticeStore notices,
    IPaymentGateway payments,
    IDebtRecoveryAgency agency,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<RetailParkChargesController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("RetailPark.Parking.Charges");
    private static readonly Meter Meter = new("RetailPark.Parking.Charges");
    private static readonly Counter<long> Payments = Meter.CreateCounter<long>("retailpark.payments");
    private static readonly Histogram<double> PaymentAmount = Meter.CreateHistogram<double>("retailpark.payment.amount", "GBP");

    public sealed record PayRequest(string PcnNumber, string Vrm, string CardToken, string CardLastFour, string PayerEmail, string LoyaltyCardNumber, string Channel);

    [HttpPost("pay")]
    public async Task<ActionResult> PayAsync([FromBody] PayRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("retailpark.pay");
        activity?.SetTag("retailpark.pcn", request.PcnNumber); // clean precision-names
        activity?.SetTag("retailpark.channel", request.Channel); // clean precision-names
        activity?.SetTag("retailpark.card.last4", request.CardLastFour); // clean precision-about
        activity?.SetTag("retailpark.payer.email", request.PayerEmail); // leak TC1001 direct
        activity?.SetTag("retailpark.payer.domain", request.PayerEmail[(request.PayerEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("retailpark.loyalty.card", request.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("retailpark.loyalty.card_prefix", request.LoyaltyCardNumber[..2]); // clean precision-about
        activity?.SetTag("retailpark.customer_tier", "gold"); // clean precision-names
        activity?.SetTag("retailpark.vrm", request.Vrm); // leak TC1001 direct
        activity?.SetTag("retailpark.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        activity?.SetTag("retailpark.shopper", HttpContext.User.SubjectId); // leak TC1001 direct
        Activity.Current?.AddBaggage("retailpark.pcn", request.PcnNumber); // clean precision-names
        Activity.Current?.AddBaggage("retailpark.payer", request.PayerEmail); // leak TC1001 direct

        var notice = await notices.FindAsync(request.PcnNumber, ct);
        if (notice is null)
        {
            return NotFound();
        }

        var payer = pseudonymizer.PseudonymizeRetailparkClientId(request.Vrm);
        using var op = Source.StartRetailparkOperation(notice.ZoneCode)
            .SetRetailparkClientId(payer) // clean generated-api
            .SetRetailparkChannel(request.Channel); // clean generated-api
        try
        {
            var paymentId = await payments.TakeAsync(notice.PcnNumber, notice.Amount, request.CardToken, ct);
            var payment = new PcnPayment(paymentId, notice.PcnNumber, notice.Amount, request.CardLastFour, request.PayerEmail);
            op.SetRetailparkOutcome("paid"); // clean generated-api
            op.SetRetailparkNote($"paid by card ending {request.CardLastFour}"); // clean generated-api
            op.SetRetailparkNote($"receipt to {request.PayerEmail}"); // leak TC1001 generated-api
            Meter.CreateRetailparkOperationsCounter().Add(1, retailparkSite: notice.ZoneCode, retailparkOutcome: "paid"); // clean generated-api
            Meter.CreateRetailparkOperationDurationHistogram().Record(1.5, retailparkSite: request.LoyaltyCardNumber); // leak TC1003 generated-api
            Payments.Add(1, new KeyValuePair<string, object?>("retailpark.channel", request.Channel)); // clean precision-names
            Payments.Add(1, new KeyValuePair<string, object?>("retailpark.payer", request.PayerEmail)); // leak TC1003 direct
            PaymentAmount.Record((double)notice.Amount, new KeyValuePair<string, object?>("retailpark.payer", payer.Value)); // leak TC1003 precision-pseudonym
            logger.LogInformation("Payment {Payment}", payment); // leak TC1001 logging-objects
            logger.LogInformation("Payment {Payment}", payment with { PayerEmail = "" }); // clean logging-objects
            logger.LogInformation("Payment {PaymentId} of {Amount} for {PcnNumber}", payment.PaymentId, payment.Amount, payment.PcnNumber); // clean precision-names
            logger.LogInformation("Payment by {Payer}", payer); // clean precision-pseudonym
            LogPaid(logger, request.PayerEmail, paymentId); // clean logging-objects
            LogLoyalty(logger, request.LoyaltyCardNumber, paymentId); // leak TC1001 logging-objects
            return Ok(new { paymentId });
        }
        catch (PaymentDeclinedException ex)
        {
            op.RecordException(ex); // clean generated-api
            op.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogRetailparkOperationFailedEvent(retailparkSite: notice.ZoneCode, retailparkOutcome: "declined", retailparkClientId: payer, retailparkNote: ex.ResponseCode); // clean generated-api
            return BadRequest("declined");
        }
    }

    [HttpPost("{pcnNumber}/recover")]
    public async Task<ActionResult> RecoverAsync(string pcnNumber, [FromBody] DebtCase debt, CancellationToken ct)
    {
        using var activity = Source.StartActivity("retailpark.recover");
        activity?.SetTag("retailpark.case", debt.CaseId); // clean precision-names
        activity?.SetTag("retailpark.case.stage", debt.Stage); // clean precision-names
        activity?.SetTag("retailpark.case.outstanding", debt.Outstanding); // clean precision-about
        activity?.SetTag("retailpark.debtor.name", debt.DebtorName); // leak TC1001 direct
        activity?.SetTag("retailpark.debtor.summary", string.Format("{0} owes {1:C}", debt.DebtorName, debt.Outstanding)); // leak TC1001 strings
        activity?.SetTag("retailpark.debtor.summary_clean", string.Format("case {0} owes {1:C}", debt.CaseId, debt.Outstanding)); // clean strings
        logger.LogInformation("Recovering {@Debt}", debt); // leak TC1001 logging-objects
        logger.LogInformation("Recovering {Debt}", new { debt.CaseId, debt.Stage, debt.Outstanding }); // clean logging-objects

        try
        {
            var reference = await agency.InstructAsync(debt, ct);
            activity?.SetTag("retailpark.agency.reference", reference); // clean precision-names
            return Ok(reference);
        }
        catch (DebtorDisputeException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Dispute on case {CaseId}: {Message}", debt.CaseId, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Dispute on case {CaseId}", debt.CaseId); // clean exceptions
            return BadRequest("disputed");
        }
    }

    public void TagDedupe(Activity? activity, PayRequest request)
    {
        activity?.SetTag("retailpark.dedupe", request.PayerEmail.ToLowerInvariant().GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("retailpark.dedupe.keyed", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(request.PayerEmail)))); // clean hashes
        activity?.SetTag("retailpark.loyalty.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.LoyaltyCardNumber)))); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Receipt for {PaymentId} to {Email}")]
    private static partial void LogPaid(ILogger logger, [PrivateData] string email, string paymentId);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Loyalty card {Card} earned points on {PaymentId}")]
    private static partial void LogLoyalty(ILogger logger, string card, string paymentId);
}
