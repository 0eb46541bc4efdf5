namespace PrivacyHoldout66.Retail;

public sealed record PointsEarned(string LoyaltyCardNumber, string CustomerNumber, string Tier, string StoreCode, int Points, string TransactionId);

public sealed record PointsRedeemed(string LoyaltyCardNumber, string Tier, string StoreCode, int Points, string RewardCode);

/// <summary>
/// Loyalty KPIs behind the team's own interface, so the handlers do not see the meter. The points
/// liability is observed from the in-memory ledger the service keeps for the day.
/// </summary>
public interface ILoyaltyMetrics
{
    void Earned(PointsEarned earned);

    void Redeemed(PointsRedeemed redeemed);

    void CardScanned(string storeCode, string loyaltyCardNumber);
}

public sealed class LoyaltyMetrics : ILoyaltyMetrics
{
    private readonly Counter<long> _points;
    private readonly Counter<long> _scans;
    private readonly Histogram<int> _redemptions;
    private readonly ConcurrentDictionary<string, long> _liabilityByTier = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _balanceByCard = new(StringComparer.Ordinal);
    private readonly AllowList _stores;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<LoyaltyMetrics> _logger;

    public LoyaltyMetrics(IMeterFactory meterFactory, IEnumerable<string> storeCodes, Pseudonymizer pseudonymizer, ILogger<LoyaltyMetrics> logger)
    {
        var meter = meterFactory.Create("Shop.Loyalty");
        _points = meter.CreateCounter<long>("loyalty.points", "{point}");
        _scans = meter.CreateCounter<long>("loyalty.scans", "{scan}");
        _redemptions = meter.CreateHistogram<int>("loyalty.redemption.size", "{point}");
        _stores = new AllowList(storeCodes);
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        meter.CreateObservableGauge("loyalty.liability", () => _liabilityByTier.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("tier", kv.Key)))); // clean direct
        meter.CreateObservableGauge("loyalty.balance.top", ObserveTopBalances, "{point}");
    }

    public void Earned(PointsEarned earned)
    {
        _liabilityByTier.AddOrUpdate(earned.Tier, earned.Points, (_, v) => v + earned.Points);
        _balanceByCard.AddOrUpdate(earned.LoyaltyCardNumber, earned.Points, (_, v) => v + earned.Points);
        _points.Add(earned.Points, new KeyValuePair<string, object?>("tier", earned.Tier), new KeyValuePair<string, object?>("store", _stores.Limit(earned.StoreCode)), new KeyValuePair<string, object?>("direction", "earn")); // clean direct
        _logger.LogDebug("Transaction {Transaction} earned {Points} points for member {MemberRef}", earned.TransactionId, earned.Points, _pseudonymizer.ComputeBasketLoyaltyId(earned.LoyaltyCardNumber)); // clean precision-pseudonym
    }

    public void Redeemed(PointsRedeemed redeemed)
    {
        _liabilityByTier.AddOrUpdate(redeemed.Tier, -redeemed.Points, (_, v) => v - redeemed.Points);
        _redemptions.Record(redeemed.Points, new KeyValuePair<string, object?>("reward", redeemed.RewardCode), new KeyValuePair<string, object?>("tier", redeemed.Tier));
        _redemptions.Record(redeemed.Points, new KeyValuePair<string, object?>("reward", redeemed.RewardCode), new KeyValuePair<string, object?>("card.last4", redeemed.LoyaltyCardNumber[^4..])); // clean precision-about
        _logger.LogInformation("Redeemed {Points} on card {Card}", redeemed.Points, redeemed.LoyaltyCardNumber); // leak TC1001 direct
    }

    public void CardScanned(string storeCode, string loyaltyCardNumber) =>
        _scans.Add(1, new KeyValuePair<string, object?>("store", storeCode), new KeyValuePair<string, object?>("card", loyaltyCardNumber)); // leak TC1003 direct

    private IEnumerable<Measurement<long>> ObserveTopBalances()
    {
        foreach (var (card, balance) in _balanceByCard.OrderByDescending(kv => kv.Value).Take(10))
        {
            yield return new Measurement<long>(balance, new KeyValuePair<string, object?>("card", card)); // leak TC1003 cross-member
        }
    }
}

/// <summary>The till's scan endpoint.</summary>
public sealed class LoyaltyScanEndpoint(ILoyaltyMetrics metrics, ILogger<LoyaltyScanEndpoint> logger)
{
    public void Scan(string storeCode, string tillId, string scannedCardNumber)
    {
        metrics.CardScanned(storeCode, scannedCardNumber); // leak TC1003 cross-member
        logger.LogInformation("Card scanned at {Store} till {Till}, {Digits} digits", storeCode, tillId, scannedCardNumber.Length); // clean precision-about
    }
}
