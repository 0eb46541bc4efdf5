namespace PrivacyHoldout116.Energy;

public sealed record TopUp(string AccountNumber, string MeterSerial, decimal Amount, string CardFingerprint, string CardBin, string CardLast4, string Email, string IpAddress);

public sealed class TopUpVelocityExceededException(string accountNumber, int count)
    : Exception($"Account {accountNumber} made {count} top-ups in an hour.");

/// <summary>
/// Screens prepayment top-ups before they are sent to the meter: the networks and cards the fraud team has
/// blocked, a velocity limit per account and a score from the risk vendor.
/// </summary>
public sealed class TopUpFraudScreen(
    ILogger<TopUpFraudScreen> logger,
    IAccessListStore lists,
    ICounterStore counters,
    IRiskClient risk,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AbuseOptions options)
{
    private static readonly ActivitySource Source = new("Prepay.Fraud");

    public async Task<bool> ScreenAsync(TopUp topUp, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeterguardCheck("blocklist");
        span.SetMeterguardList("prepay-blocked-cards");
        var cardHit = await lists.MatchAsync("prepay-blocked-cards", EntryKind.Card, topUp.CardFingerprint, cancellationToken);
        if (cardHit is not null)
        {
            span.SetMeterguardOutcome("blocked");
            logger.LogWarning("Top-up blocked by entry {Entry}", cardHit); // leak TC1001 logging-objects
            logger.LogWarning("Blocked card entry {EntryId} ({Reason}) on list {List}", cardHit.EntryId, cardHit.Reason, cardHit.List); // clean precision-names
            logger.LogInformation("Blocked card {Bin}******{Last4}", topUp.CardBin, topUp.CardLast4); // clean precision-about
            return false;
        }

        var networkHit = await lists.MatchAsync("blocked-networks", EntryKind.Network, topUp.IpAddress, cancellationToken);
        if (networkHit is not null)
        {
            span.Activity?.SetTag("blocklist.network", networkHit.Value); // clean precision-names
            span.Activity?.SetTag("client.address", topUp.IpAddress); // leak TC1001 direct
            return false;
        }

        var count = await counters.IncrementAsync($"topup:{topUp.AccountNumber}:1h", TimeSpan.FromHours(1));
        try
        {
            if (count > 6)
            {
                throw new TopUpVelocityExceededException(topUp.AccountNumber, (int)count);
            }
        }
        catch (TopUpVelocityExceededException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Velocity check {Type} tripped after {Count} top-ups", ex.GetType().Name, count); // clean exceptions
            return false;
        }

        var assessment = await risk.ScoreAsync(new RiskEvent("prepay_topup", topUp.AccountNumber, topUp.Email, topUp.IpAddress, topUp.CardFingerprint), cancellationToken);
        span.SetMeterguardRiskScore(assessment.Score).SetMeterguardSubjectId(pseudonymizer.PseudonymizeMeterguardSubjectId(topUp.AccountNumber)); // clean precision-pseudonym
        meter.CreateMeterguardCheckScoreHistogram().Record(assessment.Score, "risk", assessment.Action.ToString().ToLowerInvariant()); // clean generated-api
        logger.LogInformation("Top-up of {Amount} scored {Score} ({Model})", topUp.Amount, assessment.Score, assessment.ModelVersion); // clean precision-about

        if (assessment.Action == RiskAction.Deny)
        {
            var reasons = string.Join("; ", assessment.Signals.Select(s => $"{s.Name}={s.Detail}"));
            logger.LogWarning("Top-up denied: {Reasons}", reasons); // leak TC1001 strings
            logger.LogWarning("Top-up denied by {Signals}", string.Join(",", assessment.Signals.Select(s => s.Name))); // clean precision-names
            var fingerprintTag = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(topUp.CardFingerprint)))[..12];
            span.Activity?.SetTag("card.fp_digest", fingerprintTag); // leak TC1002 hashes
            span.SetMeterguardNote($"denied, meter {topUp.MeterSerial}"); // leak TC1001 generated-api
            return false;
        }
        return assessment.Score < options.RiskDenyScore;
    }
}
