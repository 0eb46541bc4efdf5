namespace PrivacyHoldout84.Transport;

public sealed record ZoneChange(string SubscriptionId, string CustomerId, string PhotocardNumber, string FromZones, string ToZones, string OriginStation, string DestinationStation, string NewHomePostcode);

public sealed class ZoneChangeRejectedException(string photocardNumber, string reason) : Exception($"Photocard {photocardNumber} cannot change zones: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Moves a season ticket to other zones mid-term (a house move); the origin and destination stations are the ticket's printed validity, prorating the difference.</summary>
public sealed class ZoneChangeService(ILogger<ZoneChangeService> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, BillboxClient billing)
{
    private readonly Histogram<long> _proration = meter.CreateHistogram<long>("season.zone_change.proration", "{minor}");

    public async Task ChangeAsync(ZoneChange change, CancellationToken ct)
    {
        var newPrice = $"season_{change.ToZones.Replace('-', '_')}_annual";
        using var span = source.StartSeasonsubRenewal(newPrice);
        span.SetSeasonsubCustomerId(pseudonymizer.PseudonymizeSeasonsubCustomerId(change.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("season.zones.from", change.FromZones);
        Activity.Current?.SetTag("season.stations", $"{change.OriginStation}>{change.DestinationStation}"); // clean precision-about
        Activity.Current?.SetTag("season.new_home.district", change.NewHomePostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("season.new_home.postcode", change.NewHomePostcode); // leak TC1001 direct

        if (change.FromZones == change.ToZones)
        {
            var rejected = new ZoneChangeRejectedException(change.PhotocardNumber, "same_zones");
            logger.LogWarning(rejected, "Zone change rejected: {Reason}", rejected.Reason); // leak TC1001 exceptions
            span.SetSeasonsubOutcome(rejected.Reason); // clean exceptions
            return;
        }

        var prorationDate = DateTimeOffset.UtcNow;
        var preview = await billing.PreviewInvoiceAsync(change.CustomerId, change.SubscriptionId, new SubscriptionUpdate(newPrice, "create_prorations", prorationDate), ct);
        var delta = preview.Lines.Where(l => l.Proration).Sum(l => l.Amount);
        _proration.Record(delta, new KeyValuePair<string, object?>("from", change.FromZones), new KeyValuePair<string, object?>("to", change.ToZones), new KeyValuePair<string, object?>("direction", delta >= 0 ? "charge" : "credit")); // clean precision-about
        span.SetSeasonsubAmount(delta).SetSeasonsubCurrency(preview.Currency); // clean generated-api
        logger.LogInformation("Zone change {Change}", change); // leak TC1001 logging-objects
        logger.LogInformation("Zone change {From} -> {To} prorated from {ProrationDate:O}: {Delta}", change.FromZones, change.ToZones, prorationDate, Money.Format(delta, preview.Currency)); // clean precision-about
        await billing.UpdateSubscriptionAsync(change.SubscriptionId, new SubscriptionUpdate(newPrice, "create_prorations", prorationDate), ct);
    }
}
