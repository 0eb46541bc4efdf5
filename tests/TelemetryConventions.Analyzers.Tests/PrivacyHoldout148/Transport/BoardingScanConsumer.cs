namespace PrivacyHoldout148.Transport;

/// <summary>Consumes boarding scans from the validators (topic keyed by stop id) and checks them against bookings.</summary>
public sealed class BoardingScanConsumer(
    IConsumer<string, TicketScan> consumer,
    IBookingStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<BoardingScanConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Shuttles.Boarding");
    private readonly Counter<long> _scans = meter.CreateCounter<long>("shuttle.scans");
    private readonly List<string> _unknownBarcodes = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var scan = result.Message.Value;
            using var span = Source.StartShuttleOperation("stadium-p1");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("shuttle.scan", scan.ScanId); // clean precision-about
            Activity.Current?.SetTag("shuttle.scan.barcode", scan.TicketBarcode); // leak TC1001 direct
            Activity.Current?.SetTag("shuttle.scan.barcode_length", scan.TicketBarcode.Length); // clean precision-about

            var booking = await store.FindByBarcodeAsync(scan.TicketBarcode, stoppingToken);
            if (booking is null)
            {
                _unknownBarcodes.Add(scan.TicketBarcode);
                var ex = new BookingNotFoundException(scan.ScanId);
                logger.LogWarning(ex, "No booking for scan at {Stop}", scan.StopId); // clean exceptions
                _scans.Add(1, new KeyValuePair<string, object?>("stop", scan.StopId), new KeyValuePair<string, object?>("result", "unknown")); // clean precision-names
                continue;
            }

            span.SetShuttlePassengerId(pseudonymizer.PseudonymizeShuttlePassengerId(booking.PassengerId)); // clean generated-api
            span.SetShuttleOutcome($"boarded:{booking.Mobile}"); // leak TC1001 generated-api
            span.SetShuttleOutcome("boarded"); // clean generated-api
            Activity.Current?.SetTag(ShuttleAttributes.Contact, booking.Mobile); // leak TC1001 generated-api
            logger.LogInformation("Boarded {Passenger} at {Stop}", Describe(booking), scan.StopId); // leak TC1001 strings
            logger.LogInformation("Boarded at {Stop} for {MatchId}", scan.StopId, booking.MatchId); // clean precision-about
            _scans.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.ComputeShuttlePassengerId(booking.PassengerId))); // leak TC1003 precision-pseudonym
            meter.CreateShuttleRunDurationHistogram().Record((DateTimeOffset.UtcNow - scan.At).TotalSeconds, shuttleRoute: "stadium-p1"); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void ReportUnknown()
    {
        logger.LogWarning("{Count} unknown barcodes this match", _unknownBarcodes.Count); // clean cross-member
        logger.LogWarning("Unknown barcodes: {Barcodes}", string.Join(",", _unknownBarcodes)); // leak TC1001 cross-member
    }

    private static string Describe(ShuttleBooking booking) => $"{booking.PassengerEmail} x{booking.Seats}";
}
