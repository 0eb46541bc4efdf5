namespace PrivacyHoldout141.Healthcare;

/// <summary>
/// Books non-emergency patient transport with the ride partner for patients the eligibility check passed,
/// outbound to the clinic and home again, and texts the patient the driver's arrival.
/// </summary>
public sealed class PatientTransportBookingService
{
    private readonly IRideDispatchClient _dispatch;
    private readonly IPatientTransportStore _store;
    private readonly IClinicNotifier _notifier;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private readonly RidePlatformOptions _options;
    private readonly ActivitySource _source;
    private readonly Meter _meter;
    private readonly ILogger<PatientTransportBookingService> _logger;
    private readonly Counter<long> _bookingsByMobility;
    private readonly Counter<long> _unplacedByPatient;

    private string? _lastUnplacedNhsNumber;
    private string? _lastUnplacedClinic;

    public PatientTransportBookingService(
        IRideDispatchClient dispatch,
        IPatientTransportStore store,
        IClinicNotifier notifier,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        RidePlatformOptions options,
        ActivitySource source,
        Meter meter,
        ILogger<PatientTransportBookingService> logger)
    {
        _dispatch = dispatch;
        _store = store;
        _notifier = notifier;
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
        _options = options;
        _source = source;
        _meter = meter;
        _logger = logger;
        _bookingsByMobility = meter.CreateCounter<long>("patientride.bookings.by_mobility", "{booking}");
        _unplacedByPatient = meter.CreateCounter<long>("patientride.unplaced", "{booking}");
    }

    public async Task<string?> BookOutboundAsync(PatientTransportBooking booking, CancellationToken cancellationToken)
    {
        using var span = _source.StartPatientrideOperation(booking.ClinicCode, "patientride.book");
        span.SetPatientridePatientId(_pseudonymizer.PseudonymizePatientridePatientId(booking.NhsNumber)); // clean generated-api
        span.SetPatientrideMobility(booking.MobilityCode); // clean precision-about
        span.Activity?.SetTag("patientride.appointment.id", booking.AppointmentId); // clean precision-names
        span.Activity?.SetTag("patientride.pickup.district", booking.PickupPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("patientride.pickup.area", booking.HomePosition.Rounded(1).ToString()); // clean precision-about
        span.Activity?.SetTag("patientride.escort.required", booking.EscortRequired); // clean precision-about

        var request = new RideRequest(
            booking.BookingId,
            booking.NhsNumber,
            booking.Mobile,
            booking.HomePosition,
            ClinicEntrances.For(booking.ClinicCode),
            booking.MobilityCode == "wheelchair" ? "wav" : "standard",
            booking.EscortRequired ? 2 : 1,
            booking.MobilityCode == "wheelchair");
        _logger.LogDebug("Requesting patient ride {@Request}", request); // leak TC1001 logging-objects

        var quote = await _dispatch.QuoteAsync(request, cancellationToken);
        _logger.LogInformation("Quoted {@Quote} for appointment {AppointmentId}", quote, booking.AppointmentId); // clean logging-objects

        try
        {
            var candidates = await _dispatch.FindCandidatesAsync(request, _options.SearchRadiusKm, cancellationToken);
            var match = await _dispatch.MatchAsync(request, candidates[0], cancellationToken);
            await _store.SaveAsync(booking, match.TripId, cancellationToken);

            span.SetPatientrideTripRef(match.TripId);
            span.SetPatientrideDriverId(_pseudonymizer.PseudonymizePatientrideDriverId(match.DriverId)); // clean generated-api
            span.Activity?.SetTag("patientride.driver.eta_minutes", match.EtaMinutes);
            span.SetPatientrideOutcome("booked");
            _bookingsByMobility.Add(1, new KeyValuePair<string, object?>("mobility", booking.MobilityCode), new KeyValuePair<string, object?>("clinic", booking.ClinicCode)); // clean precision-about
            _meter.CreatePatientrideTripsCounter().Add(1, booking.ClinicCode, "booked"); // clean generated-api

            if (booking.EscortRequired && booking.EscortName is not null)
            {
                span.SetPatientrideNote($"Escort {booking.EscortName} travels with the patient"); // leak TC1001 generated-api
            }

            var text = $"Hello {booking.PatientName.Split(' ')[0]}, your car ({match.VehicleRegistration}) arrives in {match.EtaMinutes:F0} minutes";
            await _notifier.TextPatientAsync(booking.Mobile, text, cancellationToken);
            _logger.LogDebug("Arrival text sent: {Text}", text); // leak TC1001 strings
            _logger.LogInformation("Texted the patient of booking {BookingId}; mobile on file: {HasMobile}", booking.BookingId, booking.Mobile.Length > 0); // clean precision-about
            return match.TripId;
        }
        catch (NoDriverAvailableException ex)
        {
            _lastUnplacedNhsNumber = booking.NhsNumber;
            _lastUnplacedClinic = booking.ClinicCode;
            span.RecordException(ex, includeMessage: true); // clean exceptions
            _logger.LogWarning(ex, "No driver for appointment {AppointmentId} at {Clinic}", booking.AppointmentId, booking.ClinicCode); // clean exceptions
            _unplacedByPatient.Add(1, new KeyValuePair<string, object?>("patient", booking.NhsNumber)); // leak TC1003 direct
            _meter.CreatePatientrideTripsCounter().Add(1, booking.ClinicCode, "unplaced");
            return null;
        }
        catch (PickupNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _logger.LogWarning("Pickup not placed for booking {BookingId}: {Reason}", booking.BookingId, ex.Reason); // clean exceptions
            return null;
        }
    }

    public void ReportUnplaced()
    {
        if (_lastUnplacedNhsNumber is null)
        {
            return;
        }

        _logger.LogWarning("Last unplaced patient {NhsNumber} for clinic {Clinic}", _lastUnplacedNhsNumber, _lastUnplacedClinic); // leak TC1001 cross-member
        Activity.Current?.SetTag("patientride.unplaced.clinic", _lastUnplacedClinic);
    }

    public async Task BookReturnsAsync(string clinicCode, CancellationToken cancellationToken)
    {
        using var activity = _source.StartActivity("patientride.returns");
        var due = await _store.DueReturnsAsync(clinicCode, cancellationToken);
        activity?.SetTag("patientride.returns.due", due.Count);

        foreach (var booking in due)
        {
            var sample = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.NhsNumber)))[..12];
            activity?.AddEvent(new ActivityEvent("return.due", tags: new ActivityTagsCollection { ["patient.sample"] = sample })); // leak TC1002 hashes

            using var hmac = new HMACSHA256(_secrets.ShardKey);
            var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(booking.NhsNumber))[0] % 8;
            activity?.AddEvent(new ActivityEvent("return.lane", tags: new ActivityTagsCollection { ["lane"] = lane })); // clean hashes

            activity?.SetTag("patientride.return.pickup", booking.HomePosition.ToString()); // leak TC1001 direct
        }

        _logger.LogInformation("Booked {Count} returns from {Clinic}: {Patients}", due.Count, clinicCode, string.Join(",", due.Select(b => b.PatientName))); // leak TC1001 strings
    }
}

/// <summary>The drop-off points of the trust's clinics (public entrances).</summary>
internal static class ClinicEntrances
{
    public static GeoPoint For(string clinicCode) => clinicCode switch
    {
        "RX1-ortho" => new GeoPoint(52.955312, -1.186471),
        "RX1-renal" => new GeoPoint(52.943960, -1.184303),
        _ => new GeoPoint(52.953800, -1.149100),
    };
}
