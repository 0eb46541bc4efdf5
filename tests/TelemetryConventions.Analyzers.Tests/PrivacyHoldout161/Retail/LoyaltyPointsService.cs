namespace PrivacyHoldout161.Retail;

public static partial class PointsLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Points for {LoyaltyNumber} at {Store}: {Points}")]
    public static partial void PointsEarned(ILogger logger, string loyaltyNumber, string store, int points);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Points for {LoyaltyNumber} at {Store}: {Points}")]
    public static partial void PointsEarnedRedacted(ILogger logger, [PrivateData] string loyaltyNumber, string store, int points);
}

/// <summary>Earns the airline's miles on duty-free purchases.</summary>
public sealed class LoyaltyPointsService(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, ILogger<LoyaltyPointsService> logger)
{
    private static readonly Meter Meter = new("DutyFree.Loyalty");
    private static readonly Counter<long> Points = Meter.CreateCounter<long>("dutyfree.points");

    public static string Receipt(LoyaltyMember member, int points) => $"{member.Name} earned {points} miles ({member.Tier})";

    public static string TierLine(LoyaltyMember member, int points) => $"{member.Tier}: {points} miles";

    public async Task EarnAsync(string loyaltyNumber, TillSale sale, CancellationToken cancellationToken)
    {
        var points = (int)Math.Floor(sale.Amount);
        var member = await ledger.FindAsync(loyaltyNumber, cancellationToken);
        if (member is null)
        {
            logger.LogWarning(new LoyaltyNumberUnknownException(loyaltyNumber), "Points not earned at {Store}", sale.Store); // leak TC1001 exceptions
            return;
        }

        await ledger.CreditAsync(loyaltyNumber, points, cancellationToken);
        PointsLog.PointsEarned(logger, loyaltyNumber, sale.Store, points); // leak TC1001 logging-objects
        PointsLog.PointsEarnedRedacted(logger, loyaltyNumber, sale.Store, points); // clean logging-objects
        Activity.Current?.SetTag("dutyfree.receipt", Receipt(member, points)); // leak TC1001 strings
        Activity.Current?.SetTag("dutyfree.tier_line", TierLine(member, points)); // clean strings
        Activity.Current?.SetTag("dutyfree.shopper", pseudonymizer.ComputeDutyfreeShopperId(loyaltyNumber)); // clean precision-pseudonym
        Points.Add(points, new KeyValuePair<string, object?>("dutyfree.tier", member.Tier)); // clean precision-about
        Points.Add(points, new KeyValuePair<string, object?>("dutyfree.shopper", pseudonymizer.ComputeDutyfreeShopperId(loyaltyNumber))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("dutyfree.member.md5", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(loyaltyNumber)))); // leak TC1002 hashes
        Activity.Current?.SetTag("dutyfree.member.known", true); // clean precision-about
        Activity.Current?.SetTag("dutyfree.sku", sale.Sku); // clean precision-names
    }
}
