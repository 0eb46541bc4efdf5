namespace PrivacyHoldout120.Energy;

public sealed record BoilerQuoteRequest(string AccountNumber, string MeterSerial, string Postcode, string BoilerMake, int BoilerAgeYears, bool HasServiceHistory, string Tier);

/// <summary>Prices boiler and home emergency cover for the supplier's account holders, from the account page and the contact centre.</summary>
public sealed class BoilerCoverQuoteService(
    IRatingEngine engine,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BoilerCoverQuoteService> logger)
{
    private static readonly ActivitySource Source = new("Energy.HomeCover.Quotes");
    private static readonly Meter Meter = new("Energy.HomeCover.Quotes");
    private static readonly HomecoverQuotesCounter Quotes = Meter.CreateHomecoverQuotesCounter();
    private static readonly Histogram<double> Premiums = Meter.CreateHistogram<double>("homecover.premium", "GBP");

    private string? _lastAccount;

    public async Task<RatingResponse> QuoteAsync(BoilerQuoteRequest request, CancellationToken ct)
    {
        _lastAccount = request.AccountNumber;
        using var span = Source.StartHomecoverQuote(request.Tier);
        span.SetHomecoverAccountId(pseudonymizer.PseudonymizeHomecoverAccountId(request.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("boiler.make", request.BoilerMake); // clean precision-about
        span.Activity?.SetTag("boiler.age_years", request.BoilerAgeYears); // clean precision-about
        span.Activity?.SetTag("meter.model", request.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("meter.serial", request.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("postcode.district", request.Postcode.Split(' ')[0]); // clean precision-about

        var rating = new RatingRequest { Product = request.Tier, Channel = "account-page" };
        rating.Factors["postcode"] = request.Postcode;
        rating.Factors["boilerMake"] = request.BoilerMake;
        rating.Factors["boilerAge"] = request.BoilerAgeYears.ToString(CultureInfo.InvariantCulture);
        rating.Factors["serviceHistory"] = request.HasServiceHistory ? "Y" : "N";

        RatingResponse response;
        try
        {
            response = await engine.RateAsync(rating, ct);
        }
        catch (RatingTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Rating timed out for {Tier}", request.Tier); // clean exceptions
            Quotes.Add(1, request.Tier, null, "timeout"); // clean generated-api
            throw;
        }

        span.SetHomecoverQuoteRef(response.QuoteReference); // clean generated-api
        span.SetHomecoverPremium((double)response.Premium); // clean generated-api
        Premiums.Record((double)response.Premium, new KeyValuePair<string, object?>("tier", request.Tier), new KeyValuePair<string, object?>("boiler_make", request.BoilerMake)); // clean precision-names
        Premiums.Record((double)response.Premium, new KeyValuePair<string, object?>("account", request.AccountNumber)); // leak TC1003 direct
        logger.LogInformation("Quote {QuoteRef} for account {Account} at {Postcode}", response.QuoteReference, request.AccountNumber, request.Postcode); // leak TC1001 direct
        logger.LogDebug("Breakdown {Breakdown}", string.Join(", ", response.Breakdown.Select(b => $"{b.Code}:{b.Amount}"))); // clean strings
        Quotes.Add(1, request.Tier, response.Decision == QuoteDecision.Accept ? HomecoverDecision.Accept : HomecoverDecision.Refer, "quoted"); // clean generated-api

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.AccountNumber)))[..8];
        span.Activity?.SetTag("quote.cache.shard", shard); // clean hashes
        span.Activity?.SetTag("quote.dedupe", request.AccountNumber.GetHashCode().ToString("x8")); // leak TC1002 hashes
        return response;
    }

    public void LogAbandoned(string quoteReference, string stage)
    {
        logger.LogInformation("Quote {QuoteRef} abandoned at {Stage} by {Account}", quoteReference, stage, _lastAccount); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("quote.abandoned", tags: new ActivityTagsCollection { ["quote.ref"] = quoteReference, ["stage"] = stage })); // clean precision-names
    }
}
