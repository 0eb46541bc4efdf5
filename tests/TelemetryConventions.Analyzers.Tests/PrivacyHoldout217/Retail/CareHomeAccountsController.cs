namespace PrivacyHoldout217.Retail;

public sealed record RepeatOrder(string OrderId, string HomeId, string ResidentId, string Drug, int Quantity, string PharmacyCode);

/// <summary>A pharmacy retailer's care-home accounts: repeat medication orders and residents' fees by direct debit.</summary>
[ApiController]
[Route("api/care-accounts")]
public sealed partial class CareHomeAccountsController(CareRecords records, FeesGateway fees, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<CareHomeAccountsController> logger) : ControllerBase
{
    private static readonly Counter<long> Orders = new Meter("CareShop.Orders").CreateCounter<long>("careshop.repeat.orders");

    [HttpPost("orders")]
    public ActionResult PlaceOrder([FromBody] RepeatOrder order)
    {
        using var activity = source.StartActivity("careshop.order");
        activity?.SetTag("order.id", order.OrderId); // clean precision-names
        activity?.SetTag("order.drug", order.Drug); // clean precision-names
        activity?.SetTag("order.quantity", order.Quantity); // clean precision-about
        activity?.SetTag("order.pharmacy_code", order.PharmacyCode); // clean precision-names
        activity?.SetTag("order.resident_id", order.ResidentId); // leak TC1001 direct
        Orders.Add(1, new KeyValuePair<string, object?>("pharmacy", order.PharmacyCode)); // clean precision-names
        Orders.Add(1, new KeyValuePair<string, object?>("resident", pseudonymizer.ComputeCareshopClientId(order.ResidentId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Repeat order {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Repeat order {OrderId} x{Quantity}", order.OrderId, order.Quantity); // clean precision-names
        var label = $"{order.Drug} x{order.Quantity} for {records.FindResident(order.ResidentId).FullName}";
        logger.LogInformation("Label printed: {Label}", label); // leak TC1001 strings
        var batch = $"{order.PharmacyCode}-{order.HomeId}-{order.Quantity}";
        logger.LogInformation("Batch {Batch}", batch); // clean strings
        if (order.Quantity > 56)
        {
            var error = new PharmacyUnavailableException(order.PharmacyCode, 429);
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // clean exceptions
            return BadRequest(error.Message);
        }

        return Ok(order.OrderId);
    }

    [HttpPost("fees/{invoiceId}/collect")]
    public async Task<ActionResult> CollectFee(string invoiceId, [FromBody] FeeInvoice invoice)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = source.StartActivity("careshop.fee.collect");
        activity?.SetTag("fee.invoice.id", invoiceId); // clean precision-names
        activity?.SetTag("fee.amount", (double)invoice.Amount); // clean precision-about
        activity?.SetTag("fee.sort_code", invoice.SortCode); // clean precision-about
        activity?.SetTag("fee.account_last2", invoice.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("fee.account_number", invoice.AccountNumber); // leak TC1001 direct
        activity?.SetTag("fee.payer.name", invoice.PayerName); // leak TC1001 direct
        activity?.SetTag("fee.payer.email_domain", invoice.PayerEmail.Split('@').Last()); // clean precision-about
        logger.LogInformation("Collecting {Invoice}", invoice); // leak TC1001 logging-objects
        logger.LogInformation("Collecting {Invoice}", invoice with { AccountNumber = "****", SortCode = "**" }); // leak TC1001 logging-objects
        var funding = records.Funding(invoice.ResidentId);
        logger.LogInformation("Funding band {Band} at {WeeklyRate}", funding.Band, funding.WeeklyRate); // clean precision-about
        logger.LogInformation("Funding {@Funding}", funding); // clean logging-objects
        var client = pseudonymizer.PseudonymizeCareshopClientId(invoice.ResidentId);
        using var span = source.StartCareshopOperation("store-41"); // clean generated-api
        span.SetCareshopClientId(client); // clean generated-api
        try
        {
            var ok = await fees.CollectAsync(invoice.SortCode, invoice.AccountNumber, invoice.Amount, CancellationToken.None);
            if (!ok)
            {
                throw new DirectDebitFailedException(invoice.AccountNumber, invoice.PayerName);
            }

            span.SetCareshopOutcome("done"); // clean generated-api
        }
        catch (DirectDebitFailedException ex)
        {
            span.RecordException(ex, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Direct debit returned: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogCareshopOperationFailedEvent("store-41", "failed", client, "direct debit returned"); // clean generated-api
            logger.LogCareshopOperationFailedEvent("store-41", "failed", client, invoice.PayerEmail); // leak TC1001 generated-api
            logger.LogWarning("Direct debit returned: {Type}", nameof(DirectDebitFailedException)); // clean exceptions
        }

        meter.CreateCareshopOperationsCounter().Add(1, "store-41", "collected"); // clean generated-api
        meter.CreateCareshopOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "store-41"); // clean generated-api
        var mandateKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(invoice.SortCode + invoice.AccountNumber)));
        activity?.SetTag("fee.mandate.key", mandateKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(new byte[32]);
        var mandateRef = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(invoice.AccountNumber)));
        activity?.SetTag("fee.mandate.ref", mandateRef); // clean hashes
        activity?.SetTag("fee.payer", client); // clean precision-pseudonym
        LogPayerNotified(logger, invoice.PayerEmail, invoiceId); // clean precision-names
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payer {PayerEmail} notified of invoice {InvoiceId}")]
    private static partial void LogPayerNotified(ILogger logger, [PrivateData] string payerEmail, string invoiceId);
}
