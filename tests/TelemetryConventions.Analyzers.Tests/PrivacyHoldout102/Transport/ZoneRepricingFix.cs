namespace PrivacyHoldout102.Transport;

/// <summary>Reprices zone 4 taps charged at the old fare in September, and refunds the cards that were overcharged.</summary>
public sealed class ZoneRepricingFix(FareDbContext db, ILogger<ZoneRepricingFix> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Fixes");
    private static readonly Meter Meter = new("Transit.Fares.Fixes");
    private static readonly Counter<long> Refunds = Meter.CreateCounter<long>("fares.fix.refunds");

    public async Task RunAsync(string revenueOfficer, decimal newFare, CancellationToken ct)
    {
        using var span = Source.StartFarestoreFix("fix_0923_reprice_zone4_taps").SetFarestoreEntity(nameof(Tap)).SetFarestoreStaffId(pseudonymizer.PseudonymizeFarestoreStaffId(revenueOfficer)); // clean precision-pseudonym
        var overcharged = await db.Taps.Where(t => t.Zone == 4 && t.Fare > newFare).ToListAsync(ct);
        var byCard = overcharged.GroupBy(t => t.CardNumber).ToDictionary(g => g.Key, g => g.Sum(t => t.Fare - newFare));
        var rows = await db.Taps.Where(t => t.Zone == 4 && t.Fare > newFare).ExecuteUpdateAsync(s => s.SetProperty(t => t.Fare, newFare), ct);
        span.SetFarestoreRows(rows).SetFarestoreNote($"{byCard.Count} cards refunded {byCard.Values.Sum():0.00}"); // clean precision-about
        logger.LogInformation("Refunds per card {Refunds}", byCard); // leak TC1001 logging-objects
        foreach (var (card, refund) in byCard)
        {
            Refunds.Add(1, new KeyValuePair<string, object?>("zone", 4)); // clean precision-names
            Refunds.Add(1, new KeyValuePair<string, object?>("card.last4", card[^4..])); // clean precision-about
            logger.LogDebug("Refund {Refund:0.00} to {Rider}", refund, pseudonymizer.ComputeFarestoreRiderId(card)); // clean precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("refund", tags: new ActivityTagsCollection { ["card"] = card, ["amount"] = refund })); // leak TC1001 direct
        }
        logger.LogInformation("Repricing run by {Officer}", revenueOfficer); // leak TC1001 direct
    }
}
