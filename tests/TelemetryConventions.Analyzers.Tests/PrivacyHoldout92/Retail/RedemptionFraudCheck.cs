namespace PrivacyHoldout92.Retail;

/// <summary>A redemption to check before the processor is asked: who, from where, and what.</summary>
public sealed record RedemptionAttempt(string CustomerNumber, string CardNumber, string DeviceFingerprint, string ClientIp, decimal Amount, string Store);

/// <summary>
/// Checks online gift card and voucher redemptions for fraud: card-cracking velocity per device and per card,
/// many cards drained from one account, new devices. Writing to the velocity store is not telemetry.
/// </summary>
public sealed class RedemptionFraudCheck(IVelocityStore velocity, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<RedemptionFraudCheck> logger)
{
    private static readonly ActivitySource Source = new("Retail.Fraud.Redemptions");
    private static readonly Meter Meter = new("Retail.Fraud.Redemptions");
    private static readonly Counter<long> Blocks = Meter.CreateCounter<long>("giftcard.fraud.blocks");

    public async Task<FraudVerdict> CheckAsync(RedemptionAttempt attempt, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("giftcard.fraud.check");
        var signals = new List<FraudSignal>();
        var perDevice = await velocity.IncrementAsync($"gc-device:{attempt.DeviceFingerprint}", TimeSpan.FromMinutes(10), cancellationToken);
        var perCard = await velocity.IncrementAsync($"gc-card:{attempt.CardNumber}", TimeSpan.FromHours(1), cancellationToken);
        if (perDevice > 8)
        {
            signals.Add(new FraudSignal("device-velocity", 0.7, $"{perDevice} cards tried from one device in 10 minutes"));
        }
        if (perCard > 3)
        {
            signals.Add(new FraudSignal("card-velocity", 0.5, $"card {attempt.CardNumber} tried {perCard} times"));
        }
        activity?.SetTag("fraud.device.attempts", perDevice); // clean precision-about
        activity?.SetTag("fraud.device", attempt.DeviceFingerprint); // leak TC1001 direct
        activity?.SetTag("fraud.client.network", string.Join('.', attempt.ClientIp.Split('.').Take(2))); // clean precision-about
        activity?.SetTag("fraud.client.ip", attempt.ClientIp); // leak TC1001 direct

        foreach (var signal in signals)
        {
            logger.LogInformation("Rule {Rule} scored {Score}: {Detail}", signal.Rule, signal.Score, signal.Detail); // leak TC1001 strings
        }
        var verdict = new FraudVerdict(signals.Sum(s => s.Score) >= 0.7, signals.Sum(s => s.Score), signals.Select(s => s.Rule).ToArray());
        logger.LogInformation("Verdict {Verdict}", verdict); // clean logging-objects
        logger.LogInformation("Rules fired: {Rules}", string.Join(",", verdict.Rules)); // clean precision-names
        activity?.SetTag("fraud.rules", string.Join(",", signals.Select(s => s.Rule))); // clean precision-names
        activity?.SetTag("fraud.signals", string.Join(" | ", signals)); // leak TC1001 logging-objects
        if (verdict.Block)
        {
            var sample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attempt.CustomerNumber))[0] % 4;
            Blocks.Add(1, new KeyValuePair<string, object?>("giftcard.store", attempt.Store), new KeyValuePair<string, object?>("fraud.cohort", sample)); // clean hashes
            Blocks.Add(1, new KeyValuePair<string, object?>("fraud.card_cohort", MD5.HashData(Encoding.UTF8.GetBytes(attempt.CardNumber))[0] % 8)); // leak TC1002 hashes
            logger.LogGiftcardRedemptionRefusedEvent(giftcardOutcome: "blocked", giftcardStore: attempt.Store, giftcardCustomerId: pseudonymizer.PseudonymizeGiftcardCustomerId(attempt.CustomerNumber), giftcardNote: string.Join(",", verdict.Rules)); // clean precision-pseudonym
        }
        return verdict;
    }
}
