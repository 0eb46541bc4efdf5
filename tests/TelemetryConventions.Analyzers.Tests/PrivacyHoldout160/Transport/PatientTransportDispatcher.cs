namespace PrivacyHoldout160.Transport;

/// <summary>Dispatches non-emergency patient transport to clinics, with oxygen and stretchers where a patient needs them.</summary>
public sealed partial class PatientTransportDispatcher(
    ILogger<PatientTransportDispatcher> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> journeys = meter.CreateCounter<long>("caretravel.journeys");

    public VehicleStatus? Dispatch(TransportBooking booking, IReadOnlyList<VehicleStatus> fleet, string depot)
    {
        using var span = source.StartCaretravelOperation(depot);
        span.SetCaretravelPassengerId(pseudonymizer.PseudonymizeCaretravelPassengerId(booking.NhsNumber)); // clean generated-api
        span.SetCaretravelNote($"{booking.Mobility} to {booking.Clinic}"); // clean generated-api
        span.SetCaretravelNote($"pickup {booking.PickupAddress}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("booking.clinic", booking.Clinic); // clean precision-about
        Activity.Current?.SetTag("booking.oxygen", booking.OxygenOnBoard); // clean precision-about
        Activity.Current?.SetTag("patient.nhs_number", booking.NhsNumber); // leak TC1001 direct

        var vehicle = fleet.FirstOrDefault(v => v.Stretcher || booking.Mobility != "stretcher");
        if (vehicle is null)
        {
            var ex = new VehicleUnavailableException(depot);
            logger.LogError(ex, "No vehicle for booking {BookingId}", booking.BookingId); // clean exceptions
            logger.LogCaretravelOperationFailedEvent(depot, "no-vehicle", caretravelPassengerId: pseudonymizer.PseudonymizeCaretravelPassengerId(booking.NhsNumber)); // clean generated-api
            return null;
        }

        Activity.Current?.SetTag("vehicle.callsign", vehicle.Callsign); // clean precision-names
        journeys.Add(1, new KeyValuePair<string, object?>("depot", depot), new KeyValuePair<string, object?>("mobility", booking.Mobility)); // clean precision-about
        journeys.Add(1, new KeyValuePair<string, object?>("clinic", booking.Clinic), new KeyValuePair<string, object?>("patient", booking.PatientName)); // leak TC1003 precision-names
        LogDispatched(logger, vehicle.Callsign, booking.PatientName); // leak TC1001 precision-names
        logger.LogInformation("Dispatched {Vehicle}", vehicle); // clean logging-objects
        logger.LogInformation("Dispatched for {Booking}", booking); // leak TC1001 logging-objects
        return vehicle;
    }

    public void Refuse(TransportBooking booking)
    {
        var ex = new PatientNotEligibleException(booking.NhsNumber);
        using var span = source.StartCaretravelOperation("eligibility");
        span.RecordException(ex); // clean exceptions
        span.SetCaretravelNote(ex.Message); // leak TC1001 exceptions
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "{Callsign} dispatched to collect {PatientName}")]
    private static partial void LogDispatched(ILogger logger, string callsign, string patientName);
}
