namespace PrivacyHoldout76.Retail;

/// <summary>The acquirer's published test cards: they never belong to a cardholder.</summary>
public static class TestCards
{
    public const string Visa = "4111111111111111";

    public const string MastercardDeclined = "5105105105105100";
}

/// <summary>
/// The loyalty probe needs an account with years of points history, which no synthetic account has,
/// so it signs in as a long-standing customer who agreed to lend their account to the probe.
/// </summary>
public sealed class LoyaltyProbeOptions
{
    public string CustomerNumber { get; init; } = "C-00418823";

    public string CustomerEmail { get; init; } = "helen.price64@btinternet.com";

    public string LoyaltyCardNumber { get; init; } = "6339 0041 8823 7710";
}

public sealed partial class CheckoutProbes(ProbeHttpClient http, ISecretReader secrets, LoyaltyProbeOptions loyalty, Pseudonymizer pseudonymizer, Meter meter, ILogger<CheckoutProbes> logger)
{
    private static readonly ActivitySource Source = new("Shop.Probes.Checkout");
    private static readonly SyntheticAccount Shopper = new("syn-shop-03", "syn-shop-03@probes.shop.example", "checkout probe");
    private readonly Counter<long> _runs = meter.CreateCounter<long>("shop.probe.runs");

    public async Task RunCheckoutAsync(string version, CancellationToken ct)
    {
        using var span = Source.StartShopopsProbe("checkout") // clean generated-api
            .SetShopopsSyntheticAccount(Shopper.AccountId) // clean precision-about
            .SetShopopsDeployVersion(version);
        await http.SignInAsync(Shopper.Login, await secrets.ReadAsync("shop-probe-03", ct), ct);
        ProbeStep(logger, "checkout", "signed-in", Shopper.Login); // clean precision-about

        var basket = await http.PostAsync("add-to-basket", "/api/basket/lines", "{\"sku\":\"SKU-20931\",\"qty\":1}", ct);
        var pay = await http.PostAsync("pay", "/api/checkout/pay", $"{{\"card\":\"{TestCards.Visa}\",\"cvv\":\"123\"}}", ct);
        span.Activity?.SetTag("probe.card", TestCards.Visa); // clean precision-about
        span.Activity?.SetTag("probe.basket.status", basket.StatusCode);
        try
        {
            ProbeAssert.Status("checkout", pay, 201);
            span.SetShopopsOutcome("pass");
        }
        catch (ProbeAssertionException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetShopopsOutcome($"fail:{ex.Step}");
        }
        meter.CreateShopopsProbeRunsCounter().Add(1, "checkout", pay.IsSuccess ? "pass" : "fail", version);
    }

    public async Task RunLoyaltyAsync(string version, CancellationToken ct)
    {
        using var span = Source.StartShopopsProbe("loyalty-balance");
        span.SetShopopsSyntheticAccount(loyalty.CustomerNumber); // leak TC1001 generated-api
        span.SetShopopsCustomerId(pseudonymizer.PseudonymizeShopopsCustomerId(loyalty.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(ShopopsAttributes.CustomerEmail, loyalty.CustomerEmail); // leak TC1001 generated-api
        await http.SignInAsync(loyalty.CustomerEmail, await secrets.ReadAsync("shop-probe-loyalty", ct), ct);
        ProbeStep(logger, "loyalty-balance", "signed-in", loyalty.CustomerEmail); // leak TC1001 cross-member

        // The balance page answers with the member's name, card number and points.
        var balance = await http.GetAsync("balance", $"/api/loyalty/cards/{Uri.EscapeDataString(loyalty.LoyaltyCardNumber)}", ct);
        span.Activity?.SetTag("probe.path", balance.Path); // leak TC1001 strings
        logger.LogInformation("Loyalty probe {Step} answered {Status} in {Elapsed}", balance.Step, balance.StatusCode, balance.Elapsed); // clean precision-about
        _runs.Add(1, new KeyValuePair<string, object?>("probe", "loyalty-balance"), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeShopopsCustomerId(loyalty.CustomerNumber))); // leak TC1003 precision-pseudonym
        try
        {
            ProbeAssert.BodyContains("loyalty-balance", balance, "\"points\":");
        }
        catch (ProbeAssertionException ex)
        {
            logger.LogError(ex, "Loyalty probe failed"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, $"{ex.Step}: expected {ex.Expected}"); // clean exceptions
            logger.LogShopopsProbeFailedEvent("loyalty-balance", "fail:assertion", pseudonymizer.PseudonymizeShopopsCustomerId(loyalty.CustomerNumber), "points balance missing"); // clean precision-pseudonym
        }
        logger.LogDebug("Loyalty probe answered {Response}", balance); // leak TC1001 logging-objects
        logger.LogShopopsProbeFailedEvent("loyalty-balance", balance.IsSuccess ? "pass" : "fail", Pseudonym.FromComputed(loyalty.CustomerNumber)); // leak TC1001 precision-pseudonym
    }

    [LoggerMessage(EventId = 7661, Level = LogLevel.Information, Message = "Probe {Probe} {Step} as {Login}")]
    private static partial void ProbeStep(ILogger logger, string probe, string step, string login);
}
