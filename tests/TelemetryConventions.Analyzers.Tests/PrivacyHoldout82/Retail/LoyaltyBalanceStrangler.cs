namespace PrivacyHoldout82.Retail;

public sealed record BalanceAnswer(string MemberNumber, string Email, int Points, string Tier, string? Message);

public interface IBalanceSource
{
    Task<BalanceAnswer> GetAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>
/// The strangler facade for the app's "my points" page: cards issued since the new loyalty platform went
/// live (prefix 6331) go to it; older cards (6330) still to the AS/400 programme LOYBAL through the
/// integration layer. Answers of both are compared for a keyed sample of the older cards.
/// </summary>
public sealed class LoyaltyBalanceStrangler(IBalanceSource as400, IBalanceSource platform, ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<LoyaltyBalanceStrangler> logger)
{
    private readonly Counter<long> _routed = meter.CreateCounter<long>("loyalty.balance.routed");
    private BalanceAnswer? _lastMismatch;

    public async Task<BalanceAnswer> GetAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var prefix = cardNumber[..4];
        var target = prefix == "6331" ? RouteTarget.Modern : RouteTarget.Legacy;
        _routed.Add(1, new KeyValuePair<string, object?>("card_prefix", prefix), new KeyValuePair<string, object?>("target", target.ToString())); // clean precision-about
        Activity.Current?.SetTag("loyalty.card", cardNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("loyalty.member", pseudonymizer.ComputeStockbridgeMemberId(cardNumber)); // clean precision-pseudonym

        var answer = await (target == RouteTarget.Modern ? platform : as400).GetAsync(cardNumber, cancellationToken);
        meter.CreateStockbridgeRecordsTranslatedCounter().Add(1, "LOYBAL", answer.Tier, stockbridgeLegacySystem: target == RouteTarget.Legacy ? "as400-loy" : null); // clean precision-about
        if (target == RouteTarget.Legacy && shardKey.ShardOf(cardNumber, 20) == 0)
        {
            var shadow = await platform.GetAsync(cardNumber, cancellationToken);
            if (shadow.Points != answer.Points || shadow.Tier != answer.Tier)
            {
                _lastMismatch = answer;
                logger.LogWarning("Balance mismatch: AS/400 {Legacy} points vs {Modern}, tiers {LegacyTier}/{ModernTier}", answer.Points, shadow.Points, answer.Tier, shadow.Tier); // clean precision-about
                logger.LogWarning("AS/400 said {Message}", answer.Message); // leak TC1001 direct
                logger.LogWarning("Mismatching answers {Legacy} / {Modern}", answer, shadow); // leak TC1001 logging-objects
            }
        }
        Activity.Current?.SetTag("loyalty.email.present", !string.IsNullOrEmpty(answer.Email)); // clean precision-about
        Activity.Current?.SetTag(StockbridgeAttributes.MemberContact, answer.Email); // leak TC1001 generated-api
        return answer;
    }

    public void Report() =>
        logger.LogInformation("Last mismatch was for {Member}", _lastMismatch?.MemberNumber); // leak TC1001 cross-member
}
