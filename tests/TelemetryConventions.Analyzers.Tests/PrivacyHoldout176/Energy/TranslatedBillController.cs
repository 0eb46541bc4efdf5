namespace PrivacyHoldout176.Energy;

/// <summary>Customers ask for their bills in another language; the controller queues a translated copy.</summary>
[ApiController]
[Route("api/bills/translations")]
public sealed class TranslatedBillController(Pseudonymizer pseudonymizer, ILogger<TranslatedBillController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.TranslatedBills");
    private static readonly Meter Meter = new("Supplier.TranslatedBills");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("bills.translation.requests");

    [HttpPost("")]
    public ActionResult Request([FromBody] TranslatedBillRequest request)
    {
        using var activity = Source.StartActivity("TranslatedBill.Request");
        activity?.SetTag("account.number", request.AccountNumber); // leak TC1001 direct
        activity?.SetTag("bill.language", request.Language); // clean precision-about
        activity?.SetTag("bill.region", request.Region); // clean precision-names
        activity?.SetTag("account.ref", pseudonymizer.Compute("account", request.AccountNumber)); // clean precision-pseudonym
        activity?.SetBaggage("account.number", request.AccountNumber); // leak TC1001 direct
        Requests.Add(1, new KeyValuePair<string, object?>("language", request.Language), new KeyValuePair<string, object?>("region", request.Region)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("account", request.AccountNumber)); // leak TC1003 direct

        if (request.Language is not ("cy" or "pl" or "ur" or "pa" or "ro"))
        {
            var ex = new AccountNotFoundException(request.AccountNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest("Language not offered");
        }

        logger.LogInformation("Translated bill queued for {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Translated bill queued for account ending {Last4}", request.AccountNumber[^4..]); // clean precision-about
        logger.LogInformation("Confirmation goes to {Email}", request.Email); // leak TC1001 direct
        logger.LogInformation("Confirmation goes to a {Domain} address", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        return Ok();
    }

    [HttpGet("{accountNumber}")]
    public ActionResult Status(string accountNumber, bool exists)
    {
        try
        {
            if (!exists)
            {
                throw new AccountNotFoundException(accountNumber);
            }
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogError(ex, "Translated bill lookup failed"); // leak TC1001 exceptions
            logger.LogError("Translated bill lookup failed: {Type}", ex.GetType().Name); // clean exceptions
            return NotFound();
        }

        var path = $"/bills/{accountNumber}/translated.pdf";
        Activity.Current?.SetTag("url.path", path); // leak TC1001 strings
        Activity.Current?.SetTag("url.template", "/bills/{accountNumber}/translated.pdf"); // clean strings
        return Ok();
    }
}
