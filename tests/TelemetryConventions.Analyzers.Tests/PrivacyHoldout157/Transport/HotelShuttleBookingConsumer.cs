namespace PrivacyHoldout157.Transport;

/// <summary>A shuttle pick-up booked from a hotel. Prints booking id, hotel, the passenger's name and mobile, seats and time.</summary>
public sealed record ShuttlePickup(string BookingId, string HotelCode, string PassengerName, string Mobile, int Seats, DateTimeOffset At);

/// <summary>Reads shuttle bookings from hotel concierges (queue <c>shuttle-pickups</c>) and assigns them to runs.</summary>
public sealed class HotelShuttleBookingConsumer(IQueueReceiver<ShuttlePickup> queue, ILogger<HotelShuttleBookingConsumer> logger, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Airport.Shuttles");
    private readonly Histogram<int> _seats = meter.CreateHistogram<int>("shuttle.seats");
    private ShuttlePickup? _lastOverflow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pickup = await queue.ReceiveAsync(stoppingToken);
            if (pickup is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("shuttle.assign");
            activity?.SetTag("shuttle.booking_id", pickup.BookingId); // clean precision-names
            activity?.SetTag("shuttle.hotel", pickup.HotelCode); // clean direct
            activity?.SetTag("shuttle.passenger_count", pickup.Seats); // clean precision-names
            activity?.SetTag("shuttle.passenger", pickup.PassengerName); // leak TC1001 direct
            _seats.Record(pickup.Seats, new KeyValuePair<string, object?>("hotel", pickup.HotelCode)); // clean direct

            var run = $"{pickup.HotelCode}-{pickup.At:HHmm}";
            if (pickup.Seats > 8)
            {
                _lastOverflow = pickup;
                logger.LogWarning("Run {Run} overflows with {Pickup}", run, pickup); // leak TC1001 logging-objects
                continue;
            }

            activity?.SetTag("shuttle.run", run); // clean strings
            logger.LogInformation("Pick-up {BookingId} on run {Run}, driver will call {Mobile}", pickup.BookingId, run, pickup.Mobile); // leak TC1001 direct
        }
    }

    public void ReportOverflow()
    {
        logger.LogInformation("Last overflow passenger's mobile {Mobile}", _lastOverflow?.Mobile); // leak TC1001 cross-member
        logger.LogInformation("Last overflow at {Hotel} with {Seats} seats", _lastOverflow?.HotelCode, _lastOverflow?.Seats); // clean cross-member
    }
}
