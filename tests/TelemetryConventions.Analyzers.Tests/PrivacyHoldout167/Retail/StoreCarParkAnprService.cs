namespace PrivacyHoldout167.Retail;

/// <summary>The retail park's ANPR car park: free for two hours, longer stays matched against loyalty customers' receipts before a parking charge notice is raised.</summary>
public sealed class StoreCarParkAnprService(
    IPenaltyStore notices,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreCarParkAnprService> logger)
{
    private static readonly ActivitySource Source = new("Retail.CarPark");
    private static readonly Meter Meter = new("Retail.CarPark");
    private static readonly Histogram<double> StayMinutes = Meter.CreateHistogram<double>("carpark.stay", "min");
    private readonly StoreparkOperationsCounter _operations = Meter.CreateStoreparkOperationsCounter();

    public sealed record Visit(string VisitId, string StoreCode, PlateRead Entry, PlateRead Exit, string? LoyaltyCard);

    public async Task SettleAsync(Visit visit, CancellationToken cancellationToken)
    {
        using var span = Source.StartStoreparkOperation(visit.StoreCode);
        span.SetStoreparkVisitRef(visit.VisitId); // clean generated-api
        span.SetStoreparkVehiclePlate(pseudonymizer.PseudonymizeStoreparkVehiclePlate(visit.Entry.Vrm)); // clean generated-api
        var stay = (visit.Exit.ReadAt - visit.Entry.ReadAt).TotalMinutes;
        StayMinutes.Record(stay, new KeyValuePair<string, object?>("store", visit.StoreCode)); // clean precision-about
        StayMinutes.Record(stay, new KeyValuePair<string, object?>("plate", pseudonymizer.ComputeStoreparkVehiclePlate(visit.Entry.Vrm))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("visit.entry", visit.Entry); // leak TC1001 logging-objects
        Activity.Current?.SetTag("visit.stay", stay); // clean precision-about
        Activity.Current?.SetTag("visit.exit.vrm", visit.Exit.Vrm); // leak TC1001 direct
        Activity.Current?.SetTag("visit.loyalty", visit.LoyaltyCard); // leak TC1001 direct
        Activity.Current?.SetTag("visit.loyalty.present", visit.LoyaltyCard is not null); // clean precision-about
        Activity.Current?.SetTag("visit.loyalty.last4", visit.LoyaltyCard?[^4..]); // clean precision-about
        if (stay <= 120)
        {
            _operations.Add(1, visit.StoreCode, "free"); // clean generated-api
            return;
        }

        if (visit.LoyaltyCard is { } card)
        {
            span.SetStoreparkCustomerId(pseudonymizer.PseudonymizeStoreparkCustomerId(card)); // clean generated-api
            logger.LogInformation("Long stay by loyalty card {CardKey}", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(card)))); // clean hashes
            logger.LogInformation("Long stay by loyalty card {CardHash}", card.GetHashCode() & 0xFFFF); // leak TC1002 hashes
            return;
        }

        var notice = new PenaltyNotice($"PCN-{visit.StoreCode}-{visit.VisitId}", visit.Entry.Vrm, "OVERSTAY", visit.StoreCode, 85m, "anpr");
        await notices.SaveAsync(notice, cancellationToken);
        span.SetStoreparkNote($"PCN {notice.NoticeNumber} for {stay:F0} min"); // clean generated-api
        span.SetStoreparkNote($"PCN {notice.NoticeNumber} for {notice.Vrm}"); // leak TC1001 generated-api
        logger.LogInformation("Notice raised: {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Notice raised: {Notice} at {Store} stay {Stay:F0}", notice.NoticeNumber, visit.StoreCode, stay); // clean precision-about
        _operations.Add(1, visit.StoreCode, "notice"); // clean generated-api
    }
}
