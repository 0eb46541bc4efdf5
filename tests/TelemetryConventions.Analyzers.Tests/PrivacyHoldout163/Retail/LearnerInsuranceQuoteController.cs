namespace PrivacyHoldout163.Retail;

/// <summary>A retailer sells learner-driver cover on a parent's or a friend's car, quoted by an underwriter.</summary>
[ApiController]
[Route("api/learner-cover")]
public sealed partial class LearnerInsuranceQuoteController(
    IUnderwriter underwriter,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<LearnerInsuranceQuoteController> logger) : ControllerBase
{
    private static readonly Counter<long> Quotes = new Meter("Driving.Cover.Quotes").CreateCounter<long>("learnercover.quotes.made");

    [HttpPost("quotes")]
    public async Task<ActionResult> QuoteAsync([FromBody] QuoteRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartLearnercoverOperation("web");
        span.SetLearnercoverCustomerId(pseudonymizer.PseudonymizeLearnercoverCustomerId(request.LicenceNumber)); // clean generated-api
        span.SetLearnercoverProduct("learner-30d"); // clean generated-api
        logger.LogInformation("Quote request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Quote request for a car {Vehicle}", request.VehicleRegistration); // leak TC1001 direct
        logger.LogInformation("Quote request, driver aged {Age}", DateTime.UtcNow.Year - request.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("learnercover.postcode", request.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("learnercover.postcode.area", new string(request.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
        Activity.Current?.SetTag("learnercover.dob", request.DateOfBirth); // leak TC1001 direct
        Quotes.Add(1, new KeyValuePair<string, object?>("channel", "web")); // clean precision-about
        Quotes.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeLearnercoverCustomerId(request.LicenceNumber))); // leak TC1003 precision-pseudonym
        try
        {
            var quote = await underwriter.QuoteAsync(request, cancellationToken);
            logger.LogInformation("Quoted {Quote}", quote); // clean logging-objects
            Quoted(logger, quote.QuoteId, request.FullName); // leak TC1001 logging-objects
            QuotedFor(logger, quote.QuoteId, request.Email); // clean logging-objects
            span.SetLearnercoverOutcome("quoted"); // clean generated-api
            meter.CreateLearnercoverQuotesCounter().Add(1, "web", learnercoverOutcome: quote.Product); // clean generated-api
            meter.CreateLearnercoverQuoteDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "web"); // clean generated-api
            return Ok(quote);
        }
        catch (PostcodeDeclinedException ex)
        {
            logger.LogWarning(ex, "Declined"); // leak TC1001 exceptions
            logger.LogLearnercoverOperationFailedEvent("web", "postcode-declined", learnercoverCustomerId: pseudonymizer.PseudonymizeLearnercoverCustomerId(request.LicenceNumber)); // clean generated-api
            return BadRequest("declined");
        }
        catch (UnderwriterTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.SetLearnercoverNote($"underwriter timeout for {request.FullName}"); // leak TC1001 generated-api
            return BadRequest("timeout");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote {QuoteId} for {FullName}")]
    private static partial void Quoted(ILogger logger, string quoteId, string fullName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote {QuoteId} sent to {Email}")]
    private static partial void QuotedFor(ILogger logger, string quoteId, [PrivateData] string email);
}
