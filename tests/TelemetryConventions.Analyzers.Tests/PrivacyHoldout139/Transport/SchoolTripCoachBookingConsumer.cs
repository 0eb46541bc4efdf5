namespace PrivacyHoldout139.Transport;

public sealed record CoachBookingRequested(string BookingId, string TripId, string SchoolUrn, DateOnly Date, int Pupils, int Adults, bool WheelchairLift, IReadOnlyList<string> ManifestNames, string LeadTeacherMobile);

public sealed class NoCoachAvailableException(string depot, DateOnly date, int seats) : Exception($"No {seats}-seat coach at {depot} on {date:yyyy-MM-dd}");

/// <summary>Coach hire for school trips: the booking comes off the bookings queue with the trip's passenger manifest; the depot allocates a coach.</summary>
public sealed class SchoolTripCoachBookingConsumer(
    IQueueReceiver<CoachBookingRequested> queue,
    Pseudonymizer pseudonymizer,
    ILogger<SchoolTripCoachBookingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Coaches.SchoolTrips");
    private static readonly Meter Meter = new("Coaches.SchoolTrips");
    private static readonly Counter<long> Allocated = Meter.CreateCounter<long>("coaches.allocated");

    private string? _currentLeadTeacher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } booking)
        {
            using var activity = Source.StartActivity("coaches.booking", ActivityKind.Consumer);
            activity?.SetTag("booking.id", booking.BookingId); // clean precision-names
            activity?.SetTag("booking.trip", booking.TripId); // clean precision-names
            activity?.SetTag("booking.seats", booking.Pupils + booking.Adults); // clean precision-about
            activity?.SetTag("booking.lift", booking.WheelchairLift); // clean precision-about
            activity?.SetTag("booking.manifest.count", booking.ManifestNames.Count); // clean precision-about
            _currentLeadTeacher = booking.LeadTeacherMobile;
            try
            {
                var depot = booking.WheelchairLift ? "depot-east" : "depot-central";
                if (booking.Pupils + booking.Adults > 70)
                {
                    throw new NoCoachAvailableException(depot, booking.Date, booking.Pupils + booking.Adults);
                }
                Allocated.Add(1, new KeyValuePair<string, object?>("depot", depot), new KeyValuePair<string, object?>("school.urn", booking.SchoolUrn)); // clean precision-names
                logger.LogInformation("Manifest for {Booking}: {Names}", booking.BookingId, booking.ManifestNames); // leak TC1001 logging-objects
                logger.LogInformation("Booking {@Booking}", booking); // leak TC1001 logging-objects
            }
            catch (NoCoachAvailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning(ex, "No coach for trip {Trip}", booking.TripId); // clean exceptions
                NotifyLead(activity);
            }
        }
    }

    private void NotifyLead(Activity? activity)
    {
        activity?.AddEvent(new ActivityEvent("coaches.lead_notified", tags: new ActivityTagsCollection { ["mobile"] = _currentLeadTeacher })); // leak TC1001 cross-member
        activity?.SetBaggage("coaches.lead", pseudonymizer.Compute("lead-teacher", _currentLeadTeacher ?? "")); // clean precision-pseudonym
    }
}
