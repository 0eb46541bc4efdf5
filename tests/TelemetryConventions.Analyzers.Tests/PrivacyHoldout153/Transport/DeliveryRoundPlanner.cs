namespace PrivacyHoldout153.Transport;

/// <summary>Plans the morning's medicine delivery rounds from each depot and texts patients their delivery window.</summary>
public sealed partial class DeliveryRoundPlanner(
    IRoundStore rounds,
    IDeliveryNotifier notifier,
    HighStreetOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DeliveryRoundPlanner> logger)
{
    private static readonly ActivitySource Source = new("HighStreet.Delivery.Planning");
    private static readonly Meter Meter = new("HighStreet.Delivery.Planning");
    private static readonly Histogram<int> DropsPerRound = Meter.CreateHistogram<int>("delivery.round.drops");
    private static readonly Counter<long> Unplanned = Meter.CreateCounter<long>("delivery.round.unplanned");

    private readonly List<DeliveryDrop> _unplanned = [];

    public async Task PlanAsync(string depot, string round, Van van, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeddeliveryOperation(depot);
        span.SetMeddeliveryRound(round); // clean precision-about
        Activity.Current?.SetTag("delivery.van.registration", van.Registration); // clean precision-about
        var driver = await rounds.DriverForAsync(round, cancellationToken);
        span.SetMeddeliveryDriverId(pseudonymizer.PseudonymizeMeddeliveryDriverId(driver.StaffId)); // clean generated-api
        Activity.Current?.SetTag("delivery.driver.name", driver.Name); // leak TC1001 direct
        Activity.Current?.SetBaggage("delivery.driver", pseudonymizer.ComputeMeddeliveryDriverId(driver.StaffId)); // clean precision-pseudonym
        DropsPerRound.Record(0, new KeyValuePair<string, object?>("delivery.driver", driver.StaffId)); // leak TC1003 direct

        var drops = await rounds.DropsAsync(round, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        var planned = drops.Take(van.Capacity).ToList();
        _unplanned.AddRange(drops.Skip(van.Capacity));
        span.SetMeddeliveryParcelCount(planned.Count); // clean precision-about
        DropsPerRound.Record(planned.Count, new KeyValuePair<string, object?>("delivery.depot", depot), new KeyValuePair<string, object?>("delivery.round", round)); // clean precision-about
        Activity.Current?.SetTag("delivery.controlled_drugs", planned.Count(d => d.ControlledDrug)); // clean precision-about

        foreach (var drop in planned)
        {
            Activity.Current?.AddEvent(new ActivityEvent("delivery.drop.planned", tags: new ActivityTagsCollection { ["drop.id"] = drop.DropId, ["postcode.district"] = drop.Postcode.Split(' ')[0] })); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("delivery.drop.address", tags: new ActivityTagsCollection { ["address"] = AddressOf(drop) })); // leak TC1001 strings
            logger.LogDebug("Drop {DropId} in slot {Slot}", drop.DropId, SlotLabel(drop, options.DeliveryWindow)); // clean strings
            logger.LogDebug("Planned {Drop}", drop); // leak TC1001 logging-objects
            LogPlanned(logger, drop.PatientRecord, drop.Round); // clean logging-objects
            var sample = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(drop.PatientRecord))[0] < 26;
            Activity.Current?.SetTag("delivery.drop.sampled", sample); // clean hashes
            Activity.Current?.SetTag("delivery.drop.patient_ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(drop.PatientRecord)))[..10]); // leak TC1002 hashes
        }
    }

    private static string AddressOf(DeliveryDrop drop) => $"{drop.AddressLine}, {drop.Postcode}";

    private static string SlotLabel(DeliveryDrop drop, TimeSpan window) => $"{drop.Round}-{window.TotalHours:F0}h";

    public void ReportUnplanned(string depot)
    {
        Unplanned.Add(_unplanned.Count, new KeyValuePair<string, object?>("delivery.depot", depot)); // clean cross-member
        logger.LogWarning("Unplanned patients: {Patients}", string.Join(",", _unplanned.Select(d => d.PatientRecord))); // leak TC1001 cross-member
        logger.LogWarning("Unplanned rounds: {Rounds}", string.Join(",", _unplanned.Select(d => d.Round).Distinct())); // clean cross-member
        _unplanned.Clear();
    }

    [LoggerMessage(EventId = 10101, Level = LogLevel.Debug, Message = "Planned patient {PatientRecord} on {Round}")]
    private static partial void LogPlanned(ILogger logger, [PrivateData] string patientRecord, string round);
}
