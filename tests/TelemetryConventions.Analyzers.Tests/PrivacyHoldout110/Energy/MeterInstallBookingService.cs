namespace PrivacyHoldout110.Energy;

public sealed record InstallRequest(string AccountNumber, string Mpan, string MeterSerial, string Postcode, string ContactPhone, bool Vulnerable, string? AccessNotes);

public sealed record VisitSlot(string VisitSlotId, string Patch, string Band, DateOnly Day, int Capacity, int Booked);

/// <summary>
/// Books smart meter installs into AM and PM bands per patch, overbooking each band by a tenth since
/// about one visit in ten ends with no access.
/// </summary>
public sealed class MeterInstallBookingService(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MeterInstallBookingService> logger)
{
    private const double Overbooking = 1.1;
    private static readonly ActivitySource Source = new("Supplier.FieldVisits");
    private static readonly Meter Meter = new("Supplier.FieldVisits");
    private static readonly UpDownCounter<int> BandLoad = Meter.CreateUpDownCounter<int>("field_visits.band.load");

    public async Task<IReadOnlyList<VisitSlot>> AvailabilityAsync(InstallRequest request, DateOnly from, CancellationToken cancellationToken)
    {
        var patch = request.Postcode.Split(' ')[0];
        using var span = Source.StartVisitbookBooking(patch); // clean precision-about
        span.Activity?.SetTag("visit.postcode", request.Postcode); // leak TC1001 direct
        var result = await engine.SearchAsync(new AvailabilityQuery("smart-install", patch, from, from.AddDays(14), TimeSpan.FromHours(4)), cancellationToken);
        var slots = result.Slots
            .Select(s => new VisitSlot(s.SlotId, patch, s.Start.Hour < 12 ? "AM" : "PM", DateOnly.FromDateTime(s.Start.Date), (int)(s.Capacity * Overbooking), s.Booked))
            .Where(s => s.Booked < s.Capacity)
            .ToList();
        span.SetVisitbookSlotsAvailable(slots.Count).SetVisitbookAccountId(pseudonymizer.PseudonymizeVisitbookAccountId(request.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Install availability in {Patch}: {Slots}", patch, slots); // clean logging-objects
        logger.LogDebug("Availability asked for {Request}", request); // leak TC1001 logging-objects
        Meter.CreateVisitbookSearchDurationHistogram().Record(result.Elapsed.TotalSeconds, patch, result.FromCache ? "cached" : "live"); // clean generated-api
        return slots;
    }

    public async Task<string> BookAsync(InstallRequest request, VisitSlot slot, CancellationToken cancellationToken)
    {
        using var span = Source.StartVisitbookBooking(slot.Patch).SetVisitbookBand(slot.Band); // clean generated-api
        span.Activity?.SetTag("visit.mpan.prefix", request.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("visit.meter.model", request.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("visit.meter", request.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("visit.priority", request.Vulnerable ? "psr" : "standard"); // clean precision-about
        if (!string.IsNullOrWhiteSpace(request.AccessNotes))
        {
            span.SetVisitbookNote(request.AccessNotes); // leak TC1001 generated-api
        }

        try
        {
            var hold = await engine.HoldAsync(slot.VisitSlotId, 1, TimeSpan.FromMinutes(10), cancellationToken);
            var booking = await engine.ConfirmAsync(hold.HoldId, request.AccountNumber, cancellationToken);
            span.SetVisitbookVisitId(booking.BookingId).SetVisitbookOutcome("booked"); // clean precision-names
            BandLoad.Add(1, new KeyValuePair<string, object?>("patch", slot.Patch), new("band", slot.Band)); // clean precision-names
            Meter.CreateVisitbookBookingsCounter().Add(1, slot.Patch, "web", booking.BookerRef); // leak TC1003 generated-api
            var reminderKey = $"visit-reminder-{request.AccountNumber}-{slot.Day:yyyyMMdd}";
            logger.LogInformation("Reminder job key {Key}", reminderKey); // leak TC1001 strings
            var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.Mpan))) % 32;
            span.Activity?.SetTag("visit.shard", shard); // clean hashes
            span.Activity?.SetTag("visit.mpan.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Mpan)))); // leak TC1002 hashes
            return booking.BookingId;
        }
        catch (DoubleBookingException ex)
        {
            logger.LogWarning(ex, "Account already has visit {Existing} in slot {SlotId}", ex.ExistingBookingId, ex.SlotId); // leak TC1001 exceptions
            span.SetVisitbookOutcome("duplicate").RecordException(ex); // clean exceptions
            throw;
        }
    }
}
