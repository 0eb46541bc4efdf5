namespace PrivacyHoldout168.Gaming;

/// <summary>Players who spend over a threshold on pay later get an affordability review before their limit rises.</summary>
public sealed partial class AffordabilityReviewService(
    IAffordabilityEngine engine,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<AffordabilityReviewService> logger)
{
    private static readonly ActivitySource Source = new("Store.AffordabilityReview");
    private static readonly Meter OwnMeter = new("Store.AffordabilityReview");
    private static readonly Histogram<double> Disposable = OwnMeter.CreateHistogram<double>("review.disposable_income", "GBP");

    public async Task<decimal> ReviewAsync(PlayerWallet wallet, decimal monthlySpend, decimal declaredIncome, string agentStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartPlaypayOperation("all-titles");
        span.SetPlaypayPlayerId(pseudonymizer.PseudonymizePlaypayPlayerId(wallet.PlayerId.ToString())); // clean generated-api
        span.SetPlaypayAgentId(pseudonymizer.PseudonymizePlaypayAgentId(agentStaffNumber)); // clean generated-api
        var playerKey = wallet.PlayerId.ToString("N");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlayerId"] = playerKey }); // leak TC1001 direct
        LogReview(logger, wallet.Gamertag, monthlySpend); // clean logging-objects
        LogReviewUnclassified(logger, wallet.Gamertag, monthlySpend); // leak TC1001 direct
        Activity.Current?.AddBaggage("review.player", pseudonymizer.ComputePlaypayPlayerId(wallet.PlayerId.ToString())); // clean precision-pseudonym

        logger.LogDebug("Wallet {Wallet}", wallet); // leak TC1001 logging-objects
        var input = new AffordabilityInput(playerKey, declaredIncome * 12, monthlySpend, 0);
        logger.LogDebug("Affordability input {Input}", input); // leak TC1001 logging-objects
        var result = await engine.AssessAsync(input, ct);
        Disposable.Record((double)result.DisposableIncome, new KeyValuePair<string, object?>("outcome", result.Outcome)); // clean precision-about
        Disposable.Record((double)result.DisposableIncome, new KeyValuePair<string, object?>("gamertag", wallet.Gamertag)); // leak TC1003 direct
        meter.CreatePlaypayChecksCounter().Add(1, "all-titles", result.Outcome); // clean generated-api
        meter.CreatePlaypayChecksCounter().Add(1, "all-titles", pseudonymizer.ComputePlaypayPlayerId(wallet.PlayerId.ToString())); // leak TC1003 precision-pseudonym

        var cohort = HashCode.Combine(wallet.PlayerId) % 10;
        Activity.Current?.SetTag("review.cohort", cohort); // leak TC1002 hashes
        var keyedCohort = HMACSHA256.HashData(secrets.ShardKey, wallet.PlayerId.ToByteArray())[0] % 10;
        Activity.Current?.SetTag("review.keyed_cohort", keyedCohort); // clean hashes
        Activity.Current?.SetTag("review.player_count", 1); // clean precision-names
        Activity.Current?.SetTag("review.customer_tier", result.MaximumLoan > 500m ? "gold" : "standard"); // clean precision-names
        return result.MaximumLoan;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Affordability review for {Gamertag}, spending {Spend} a month")]
    private static partial void LogReview(ILogger logger, [PrivateData] string gamertag, decimal spend);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Review started for {Gamertag} ({Spend})")]
    private static partial void LogReviewUnclassified(ILogger logger, string gamertag, decimal spend);
}
