namespace PrivacyHoldout120.Gaming;

public sealed record CartLine(string Sku, string Title, decimal Price);

public sealed record ConsoleCareQuoteContext(Guid PlayerId, string Gamertag, string ConsoleSerial, string ConsoleModel, DateOnly PurchasedOn, string Country, string BillingEmail)
{
    public string Platform { get; init; } = "console";
}

/// <summary>Offers ConsoleCare when a console or controller is in the store's cart, priced by the rating engine.</summary>
public sealed class ConsoleCareCheckout(IRatingEngine engine, Pseudonymizer pseudonymizer, ILogger<ConsoleCareCheckout> logger)
{
    private static readonly ActivitySource Source = new("Store.ConsoleCare");
    private static readonly Meter Meter = new("Store.ConsoleCare");
    private static readonly DevicecareQuotesCounter Quotes = Meter.CreateDevicecareQuotesCounter();
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("consolecare.offers");

    private readonly Dictionary<string, RatingResponse> _quotesBySerial = new();

    public async Task<RatingResponse?> OfferAsync(ConsoleCareQuoteContext context, IReadOnlyList<CartLine> cart, CancellationToken ct)
    {
        var hardware = cart.Where(l => l.Sku.StartsWith("HW-", StringComparison.Ordinal)).ToList();
        if (hardware.Count == 0)
        {
            return null;
        }

        using var span = Source.StartDevicecareQuote("consolecare-2y");
        span.SetDevicecarePlayerId(pseudonymizer.PseudonymizeDevicecarePlayerId(context.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("cart.hardware.skus", string.Join(",", hardware.Select(h => h.Sku))); // clean strings
        span.Activity?.SetTag("console.model", context.ConsoleModel); // clean precision-about
        span.Activity?.SetTag("player.country", context.Country); // clean precision-names
        span.Activity?.SetTag("player.gamertag", context.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("console.serial_length", context.ConsoleSerial.Length); // clean precision-about

        var rating = new RatingRequest { Product = "consolecare-2y", Channel = "store" };
        rating.Factors["model"] = context.ConsoleModel;
        rating.Factors["serial"] = context.ConsoleSerial;
        rating.Factors["country"] = context.Country;
        var response = await engine.RateAsync(rating, ct);
        _quotesBySerial[context.ConsoleSerial] = response;

        span.SetDevicecareQuoteRef(response.QuoteReference).SetDevicecarePremium((double)response.Premium); // clean generated-api
        logger.LogInformation("ConsoleCare offered to {Player} for console {Serial}: {QuoteRef}", context.PlayerId, context.ConsoleSerial, response.QuoteReference); // leak TC1001 direct
        logger.LogDebug("Offer context {Context}", context); // leak TC1001 logging-objects
        logger.LogDebug("Rating sent with {FactorCount} factors for {Platform}", rating.Factors.Count, context.Platform); // clean precision-names
        Offers.Add(1, new KeyValuePair<string, object?>("model", context.ConsoleModel), new KeyValuePair<string, object?>("country", context.Country)); // clean precision-names
        Offers.Add(1, new KeyValuePair<string, object?>("gamertag", context.Gamertag)); // leak TC1003 direct
        Quotes.Add(1, "consolecare-2y", DevicecareDecision.Accept, "offered"); // clean generated-api
        return response;
    }

    public void Accepted(string consoleSerial, ConsoleCareQuoteContext context)
    {
        if (!_quotesBySerial.TryGetValue(consoleSerial, out var quote))
        {
            logger.LogWarning("No ConsoleCare quote held for serial {Serial}", consoleSerial); // leak TC1001 direct
            return;
        }

        Activity.Current?.SetBaggage("consolecare.quote", quote.QuoteReference); // clean precision-names
        Activity.Current?.SetTag("consolecare.quotes.held", _quotesBySerial.Count); // clean precision-about
        Activity.Current?.SetTag("consolecare.held.serials", string.Join(",", _quotesBySerial.Keys)); // leak TC1001 cross-member
        Activity.Current?.SetTag(DevicecareAttributes.PlayerContact, pseudonymizer.Compute("player-email", context.BillingEmail)); // leak TC1001 precision-pseudonym
        Quotes.Add(1, "consolecare-2y", DevicecareDecision.Accept, $"accepted:{context.Gamertag}"); // leak TC1003 generated-api
    }
}
