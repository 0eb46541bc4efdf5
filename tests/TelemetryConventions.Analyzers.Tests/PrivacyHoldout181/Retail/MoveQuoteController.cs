namespace PrivacyHoldout181.Retail;

/// <summary>The home and garden retailer's removals arm: online quotes, then a surveyor visits the home to confirm.</summary>
[ApiController]
[Route("api/removals/quotes")]
public sealed partial class MoveQuoteController(
    ILogger<MoveQuoteController> logger,
    Pseudonymizer pseudonymizer,
    IMoveBook moveBook,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Removals.Quotes");
    private static readonly Meter Meter = new("Retailer.Removals.Quotes");
    private static readonly Counter<long> Quotes = Meter.CreateCounter<long>("removals.quotes");
    private static readonly Histogram<double> QuoteValue = Meter.CreateHistogram<double>("removals.quote.value");
    private static readonly MoveandstoreOperationsCounter Operations = Meter.CreateMoveandstoreOperationsCounter();

    [HttpPost("")]
    public async Task<ActionResult> Quote([FromBody] MoveCustomer customer, CancellationToken cancellationToken)
    {
        using var span = Source.StartMoveandstoreOperation("removals-web");
        var mover = pseudonymizer.PseudonymizeMoveandstoreMoverId(customer.CustomerId);
        span.SetMoveandstoreMoverId(mover); // clean generated-api
        span.SetMoveandstoreMoveType("survey"); // clean generated-api
        span.SetMoveandstoreNote($"Quote for {customer.FullName}, call back on {customer.Mobile}"); // leak TC1001 generated-api
        span.SetMoveandstoreNote("Quote requested; call back " + (customer.Mobile is null ? "not given" : "given")); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("removals.customer.id", customer.CustomerId); // leak TC1001 direct
        activity?.SetTag("removals.customer.email", customer.Email); // leak TC1001 direct
        activity?.SetTag("removals.from_address", customer.CurrentAddress); // leak TC1001 direct
        activity?.SetTag("removals.to_postcode", customer.NewPostcode); // leak TC1001 direct
        activity?.SetTag("removals.to_district", customer.NewPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("removals.customer.email_domain", customer.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("removals.customer.has_mobile", customer.Mobile is not null); // clean precision-about
        activity?.SetTag("removals.customer_tier", "standard"); // clean precision-names
        activity?.SetTag("removals.email_template_id", "tpl-quote-v2"); // clean precision-names

        var quote = new MoveQuote(Guid.NewGuid().ToString("N"), "DEP-01", 1450m, 900, 3);
        activity?.SetTag("removals.quote.id", quote.QuoteId); // clean precision-names
        logger.LogInformation("Quote issued {Quote}", quote); // clean logging-objects
        logger.LogInformation("Quote issued {@Quote}", quote); // clean logging-objects
        logger.LogInformation("Quote issued to {Customer}", customer); // leak TC1001 logging-objects
        logger.LogInformation("Quote issued to {Email}", customer.Email); // leak TC1001 direct
        LogQuoteIssued(logger, quote.QuoteId, customer.Email); // clean logging-objects
        LogQuoteIssuedUnclassified(logger, quote.QuoteId, customer.FullName); // leak TC1001 direct

        var profile = new MoverProfile { CustomerId = customer.CustomerId, DisplayName = customer.FullName, Email = customer.Email };
        logger.LogInformation("Portal profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Portal profile {@Profile}", profile); // leak TC1001 logging-objects
        activity?.SetTag("removals.profile.email_domain", profile.EmailDomain); // clean precision-about

        var route = string.Concat(customer.CurrentAddress, " -> ", customer.NewAddress);
        activity?.SetTag("removals.route", route); // leak TC1001 strings
        var depotRoute = string.Concat(quote.Depot, " -> ", customer.NewPostcode.Split(' ')[0]);
        activity?.SetTag("removals.depot_route", depotRoute); // clean strings

        Quotes.Add(1, new KeyValuePair<string, object?>("depot", quote.Depot)); // clean precision-names
        Quotes.Add(1, new KeyValuePair<string, object?>("customer", mover)); // leak TC1003 precision-pseudonym
        QuoteValue.Record((double)quote.Price, new KeyValuePair<string, object?>("crew_size", quote.CrewSize)); // clean precision-about
        Operations.Add(1, "removals-web", customer.Email); // leak TC1003 generated-api

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(customer.CustomerId)))[..4];
        QuoteValue.Record((double)quote.Price, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        var sha = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(customer.Email)))[..16];
        activity?.SetTag("removals.customer.key", sha); // leak TC1002 hashes
        activity?.SetTag("removals.customer.email_b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(customer.Email))); // leak TC1001 hashes

        try
        {
            var found = await moveBook.FindAsync(customer.CustomerId, cancellationToken) ?? throw new CustomerNotFoundException(customer.CustomerId);
            activity?.SetTag("removals.customer.found", found is not null); // clean precision-about
        }
        catch (CustomerNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 generated-api
            logger.LogWarning(ex, "Quote without a customer record"); // leak TC1001 exceptions
        }
        catch (SurveySlotFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean generated-api
            logger.LogWarning(ex, "No survey slot"); // clean exceptions
            logger.LogMoveandstoreOperationFailedEvent("removals-web", "no_slot", moveandstoreNote: ex.Message); // clean generated-api
        }

        return Ok(quote);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Quote {QuoteId} emailed to {Email}")]
    private static partial void LogQuoteIssued(ILogger logger, string quoteId, [PrivateData] string email);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Quote {QuoteId} prepared for {FullName}")]
    private static partial void LogQuoteIssuedUnclassified(ILogger logger, string quoteId, string fullName);
}
