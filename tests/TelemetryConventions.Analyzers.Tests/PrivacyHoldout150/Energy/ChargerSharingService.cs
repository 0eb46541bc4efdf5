namespace PrivacyHoldout150.Energy;

/// <summary>Neighbours rent out their home chargers by the hour: books a slot, unlocks the charger and settles the kWh.</summary>
public sealed partial class ChargerSharingService(
    IChargerNetwork network,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ChargerSharingService> logger)
{
    private readonly Histogram<double> _kwhDelivered = meter.CreateHistogram<double>("chargeshare.kwh");
    private readonly Counter<long> _unlocks = meter.CreateCounter<long>("chargeshare.unlocks");
    private ChargeBooking? _lastFailedBooking;

    public async Task<bool> StartAsync(ChargeBooking booking, CancellationToken cancellationToken)
    {
        using var span = source.StartChargeshareOperation("south-east");
        span.SetChargeshareHostId(pseudonymizer.PseudonymizeChargeshareHostId(booking.HostId.ToString())); // clean precision-pseudonym
        span.SetChargeshareSessionCount(1); // clean generated-api
        var host = await network.HostAsync(booking.HostId, cancellationToken);
        if (host is null)
        {
            span.SetChargeshareOutcome("host_missing"); // clean generated-api
            return false;
        }

        Activity.Current?.SetTag("chargeshare.booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("chargeshare.host.postcode_district", host.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("chargeshare.host.postcode", host.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("chargeshare.charger", host.ChargerSerial); // leak TC1001 direct
        Activity.Current?.SetTag("chargeshare.guest.plate", booking.GuestPlate); // leak TC1001 direct
        Activity.Current?.SetTag("chargeshare.price_per_kwh", (double)host.PricePerKwh); // clean precision-about
        logger.LogInformation("Unlocking for guest {GuestId} at {HostName}'s", booking.GuestId, host.Name); // leak TC1001 direct
        try
        {
            await network.UnlockAsync(host.ChargerSerial, booking.BookingId, cancellationToken);
            _unlocks.Add(1, new KeyValuePair<string, object?>("chargeshare.charger_model", host.ChargerSerial[..3])); // clean precision-about
            LogUnlocked(logger, booking.BookingId, host.ChargerSerial); // clean logging-objects
            LogUnlockedForSupport(logger, booking.BookingId, host.ChargerSerial, booking.GuestPlate); // leak TC1001 logging-objects
            return true;
        }
        catch (ChargerOfflineException ex)
        {
            _lastFailedBooking = booking;
            span.RecordException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogChargeshareOperationFailedEvent("south-east", ex.GetType().Name, chargeshareNote: "charger offline"); // clean exceptions
            _unlocks.Add(1, new KeyValuePair<string, object?>("chargeshare.charger", host.ChargerSerial)); // leak TC1003 direct
            return false;
        }
    }

    public void Settle(ChargeBooking booking, TimeSpan duration)
    {
        _kwhDelivered.Record(booking.Kwh, new KeyValuePair<string, object?>("chargeshare.region", "south-east")); // clean precision-about
        meter.CreateChargeshareChargeDurationHistogram().Record(duration.TotalSeconds, "south-east"); // clean generated-api
        logger.LogInformation("Settled {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Settled {Kwh} kWh for {Price}", booking.Kwh, booking.Price); // clean precision-about
        Activity.Current?.SetTag("chargeshare.guest.hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(booking.GuestPlate)))); // leak TC1002 hashes
        Activity.Current?.SetTag("chargeshare.guest.sample", SampleOf(booking.GuestId)); // clean hashes
    }

    /// <summary>The support desk's morning check.</summary>
    public void ReportLastFailure()
    {
        Activity.Current?.SetTag("chargeshare.last_failure.kwh", _lastFailedBooking?.Kwh); // clean cross-member
        Activity.Current?.SetTag("chargeshare.last_failure.guest", _lastFailedBooking?.GuestId); // leak TC1001 cross-member
    }

    private bool SampleOf(Guid guestId)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return hmac.ComputeHash(guestId.ToByteArray())[0] < 26;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Booking {BookingId} unlocked charger {ChargerSerial}")]
    private static partial void LogUnlocked(ILogger logger, string bookingId, [PrivateData] string chargerSerial);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Support: booking {BookingId} unlocked charger {ChargerSerial} for {Plate}")]
    private static partial void LogUnlockedForSupport(ILogger logger, string bookingId, string chargerSerial, string plate);
}
