namespace PrivacyHoldout136.Gaming;

public sealed record ParkingPrebook(string BookingRef, Guid PlayerId, string Vrm, string EventCode, DateOnly Day, bool Accessible);

/// <summary>Pre-booked parking for ticket holders at the arena's car park: the ANPR camera opens the barrier for booked plates.</summary>
public sealed class ArenaCarParkPrebookService(
    IBarrierController barrier,
    ILogger<ArenaCarParkPrebookService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Dictionary<string, ParkingPrebook> _bookingsByVrm = new(StringComparer.OrdinalIgnoreCase);
    private readonly ArenagateDwellDurationHistogram _stays = meter.CreateArenagateDwellDurationHistogram();

    public void Load(IEnumerable<ParkingPrebook> bookings)
    {
        foreach (var b in bookings)
        {
            _bookingsByVrm[b.Vrm] = b;
        }

        logger.LogInformation("Loaded {Count} pre-booked plates for today", _bookingsByVrm.Count); // clean precision-about
        logger.LogDebug("Pre-booked plates {Plates}", _bookingsByVrm.Keys); // leak TC1001 logging-objects
    }

    public async Task OnReadAsync(AnprRead read, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartArenagateAccess("arena-car-park");
        span.SetArenagateDevice(read.CameraId).SetArenagateDirection(read.Direction); // clean precision-names
        span.Activity?.SetTag("anpr.confidence", read.Confidence); // clean precision-about
        span.Activity?.SetTag("anpr.lane", read.Lane); // clean precision-names

        if (!_bookingsByVrm.TryGetValue(read.Vrm, out var booking))
        {
            span.SetArenagateNote($"no booking for {read.Vrm} at {read.Lane}"); // leak TC1001 generated-api
            span.SetArenagateOutcome("no-booking"); // clean precision-names
            return;
        }

        span.SetArenagateHolderId(pseudonymizer.PseudonymizeArenagateHolderId(booking.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("arena.booking_ref", booking.BookingRef); // clean precision-names
        span.Activity?.SetTag("arena.accessible_bay", booking.Accessible); // clean precision-about
        span.Activity?.SetTag("arena.vrm_bucket", KeyedBuckets.Shard(secrets.ShardKey, read.Vrm, 8)); // clean hashes
        span.Activity?.SetTag("arena.vrm_key", read.Vrm.GetHashCode()); // leak TC1002 hashes
        await barrier.RaiseAsync("arena-car-park", read.Lane, cancellationToken);
        logger.LogInformation("Barrier raised for booking {BookingRef} ({Vrm})", booking.BookingRef, booking.Vrm); // leak TC1001 cross-member
        _stays.Record(0, "arena-car-park", arenagateZone: booking.Accessible ? "accessible" : "general"); // clean generated-api
    }
}
