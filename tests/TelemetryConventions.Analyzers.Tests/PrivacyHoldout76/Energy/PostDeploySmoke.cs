namespace PrivacyHoldout76.Energy;

public sealed class SmokeTestOptions
{
    /// <summary>The synthetic supply account the platform registered for probes, with its synthetic meter.</summary>
    public string SyntheticAccount { get; init; } = "syn-acct-0042";

    public string SyntheticMeterSerial { get; init; } = "syn-meter-0042";

    /// <summary>
    /// The dogfood check reads a real account: the release manager's own home supply, the only account
    /// with a live smart meter behind the production head end that staff may read.
    /// </summary>
    public string DogfoodAccountNumber { get; init; } = "40098765432";
}

/// <summary>Smoke tests the deploy pipeline runs against production after each release of the account API.</summary>
public sealed class PostDeploySmoke(ProbeHttpClient http, SmokeTestOptions options, Meter meter, ILogger<PostDeploySmoke> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Accounts.Smoke");

    public async Task<bool> RunAsync(string version, CancellationToken ct)
    {
        using var span = Source.StartSupplyopsProbe("smoke:readings") // clean generated-api
            .SetSupplyopsDeployVersion(version);
        span.SetSupplyopsSyntheticAccount(options.SyntheticAccount); // clean precision-about

        var submit = await http.PostAsync("submit-read", $"/accounts/{options.SyntheticAccount}/meters/{options.SyntheticMeterSerial}/reads", "{\"register\":\"1\",\"value\":12345}", ct);
        span.Activity?.SetTag("smoke.path", submit.Path); // clean precision-about
        logger.LogInformation("Smoke {Response}", submit); // clean logging-objects
        meter.CreateSupplyopsProbeRunsCounter().Add(1, "smoke:readings", submit.StatusCode == 202 ? "pass" : "fail", version);
        var passed = true;
        try
        {
            ProbeAssert.Status("smoke:readings", submit, 202);
        }
        catch (ProbeAssertionException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            passed = false;
        }

        // The balance endpoint answers with the account number, the holder's name, the supply address and the balance.
        var dogfood = await http.GetAsync("dogfood-balance", $"/accounts/{options.DogfoodAccountNumber}/balance", ct);
        span.Activity?.SetTag("smoke.dogfood.path", dogfood.Path); // leak TC1001 strings
        span.Activity?.SetTag("smoke.dogfood.status", dogfood.StatusCode);
        logger.LogInformation("Dogfood balance {Body}", dogfood.Body); // leak TC1001 direct
        logger.LogInformation("Dogfood balance answered in {Elapsed} with {Length} chars", dogfood.Elapsed, dogfood.Body.Length); // clean precision-about
        try
        {
            ProbeAssert.BodyContains("smoke:dogfood", dogfood, "\"status\":\"active\"");
        }
        catch (ProbeAssertionException ex)
        {
            logger.LogError(ex, "Dogfood smoke failed at {Step}", ex.Step); // leak TC1001 exceptions
            logger.LogSupplyopsProbeFailedEvent("smoke:dogfood", "fail:assertion", supplyopsNote: $"account {options.DogfoodAccountNumber}"); // leak TC1001 generated-api
            logger.LogSupplyopsProbeFailedEvent("smoke:dogfood", "fail:assertion", supplyopsNote: $"expected {ex.Expected}"); // clean generated-api
            passed = false;
        }
        span.SetSupplyopsOutcome(passed ? "pass" : "fail");
        return passed;
    }
}
