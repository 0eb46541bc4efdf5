namespace PrivacyHoldout124.Transport;

/// <summary>A licensed taxi in the airport's holding area: the driver's badge, the plate and where it sits in the feeder queue.</summary>
public sealed record RankSlot(string BadgeNumber, string DriverName, string Plate, string VehicleClass, int Position, DateTimeOffset EnteredAt);

/// <summary>
/// The airport's taxi feeder park: licensed drivers check in at the barrier with their badge, wait in the
/// holding area in order, and are called forward to the terminal ranks as the ranks empty.
/// </summary>
public sealed class TaxiRankQueue(ActivitySource source, ILogger<TaxiRankQueue> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private readonly RailliveWaitDurationHistogram _wait = meter.CreateRailliveWaitDurationHistogram();
    private readonly Counter<long> _called = meter.CreateCounter<long>("rank.called");
    private readonly List<RankSlot> _feeder = new();

    public RankSlot CheckIn(string badgeNumber, string driverName, string plate, string vehicleClass)
    {
        using var span = source.StartRailliveLive("feeder-park");
        var slot = new RankSlot(badgeNumber, driverName, plate, vehicleClass, _feeder.Count + 1, DateTimeOffset.UtcNow);
        _feeder.Add(slot);
        span.SetRailliveQueuePosition(slot.Position).SetRailliveItem(vehicleClass); // clean precision-about
        span.SetRailliveStaffId(pseudonymizer.PseudonymizeRailliveStaffId(badgeNumber)); // clean precision-pseudonym
        logger.LogInformation("Check-in {Slot}", slot); // leak TC1001 logging-objects
        logger.LogDebug("Feeder park holds {Count} cabs, {Accessible} accessible", _feeder.Count, _feeder.Count(s => s.VehicleClass == "wav")); // clean precision-about
        return slot;
    }

    public void CallForward(string terminal, int count)
    {
        using var span = source.StartRailliveLive(terminal);
        var called = _feeder.Take(count).ToList();
        _feeder.RemoveRange(0, called.Count);

        foreach (var slot in called)
        {
            _wait.Record((DateTimeOffset.UtcNow - slot.EnteredAt).TotalSeconds, terminal, "called"); // clean precision-about
            _called.Add(1, new("terminal", terminal), new("badge", slot.BadgeNumber)); // leak TC1003 direct
        }
        span.SetRailliveNote($"called {string.Join(", ", called.Select(s => s.Plate))}"); // leak TC1001 generated-api
        logger.LogInformation("Called {Count} cabs to {Terminal}", called.Count, terminal); // clean precision-about
        logger.LogDebug("Called drivers {Drivers}", called.Select(s => s.DriverName).ToArray()); // leak TC1001 logging-objects
    }

    public void Skipped(string terminal, RankSlot slot, string reason)
    {
        var ex = new InvalidOperationException($"Driver {slot.BadgeNumber} left the feeder park before being called");
        Activity.Current?.AddException(ex); // leak TC1001 exceptions
        logger.LogWarning("Skipped a cab at {Terminal}: {Reason}", terminal, reason); // clean precision-about
        using var hmac = new HMACSHA256(secrets.ShardKey);
        Activity.Current?.SetTag("rank.driver.bucket", hmac.ComputeHash(Encoding.UTF8.GetBytes(slot.BadgeNumber))[0] % 8); // clean hashes
        Activity.Current?.SetTag("rank.driver.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(slot.BadgeNumber)))[..12]); // leak TC1002 hashes
    }
}
