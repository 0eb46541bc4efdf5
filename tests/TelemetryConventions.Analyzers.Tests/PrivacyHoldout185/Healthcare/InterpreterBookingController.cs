namespace PrivacyHoldout185.Healthcare;

/// <summary>The trust's interpreting service: clinics book interpreters for patients' appointments.</summary>
[ApiController]
[Route("api/interpreting/bookings")]
public sealed partial class InterpreterBookingController(
    IBookingStore store,
    IInterpretingAgency agency,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LanguageServiceOptions options,
    ILogger<InterpreterBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Interpreting");
    private static readonly Meter Meter = new("Trust.Interpreting");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("interpreting.requests");
    private static readonly LanglineOperationsCounter Operations = Meter.CreateLanglineOperationsCounter();
    private static readonly LanglineOperationDurationHistogram Duration = Meter.CreateLanglineOperationDurationHistogram();

    private string? _lastPatientName;
    private string _lastClinic = "";

    [HttpPost]
    public async Task<ActionResult> BookAsync([FromBody] PatientInterpreterRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLanglineOperation(request.Clinic);
        span.SetLanglineLanguage(request.Language); // clean precision-names
        span.SetLanglineMode("face-to-face"); // clean precision-names
        span.SetLanglineClientId(pseudonymizer.PseudonymizeLanglineClientId(request.NhsNumber)); // clean precision-pseudonym
        span.SetLanglineNote($"Interpreter for {request.PatientName} at {request.Clinic}"); // leak TC1001 generated-api
        span.SetLanglineNote($"{request.Language}/{request.Dialect} at {request.Clinic}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("interpreting.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("interpreting.dialect", request.Dialect); // clean precision-names
        activity?.SetTag("interpreting.same_gender", request.SameGender); // clean precision-about
        activity?.SetTag("interpreting.patient_name_length", request.PatientName.Length); // clean precision-about
        activity?.SetTag("interpreting.appointment_hour", request.AppointmentAt.Hour); // clean precision-about
        activity?.SetTag("interpreting.patient", request.PatientName); // leak TC1001 direct

        _lastPatientName = request.PatientName;
        _lastClinic = request.Clinic;

        Requests.Add(1, new KeyValuePair<string, object?>("clinic", request.Clinic), new KeyValuePair<string, object?>("language", request.Language)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("nhs_number", request.NhsNumber)); // leak TC1003 direct

        logger.LogInformation("Interpreter requested in {Language} for clinic {Clinic}", request.Language, request.Clinic); // clean precision-names
        logger.LogInformation("Interpreter requested for patient {NhsNumber}", request.NhsNumber); // leak TC1001 direct
        logger.LogInformation("Interpreter request {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Interpreter request received: {Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Request without the patient: {Request}", request with { NhsNumber = "", PatientName = "" }); // clean logging-objects
        logger.LogDebug("Request moved clinic: {Request}", request with { Clinic = "OPD-2" }); // leak TC1001 logging-objects

        var booking = new InterpreterBooking(Guid.NewGuid().ToString("N"), request.NhsNumber, request.PatientName, request.Language, request.Dialect, "face-to-face", request.Clinic, request.AppointmentAt, options.MinimumBookingMinutes, null);
        await store.SaveAsync(booking);
        logger.LogInformation("Booking {BookingId} saved for {Site}", booking.BookingId, booking.Site); // clean precision-names
        logger.LogInformation("Booking saved: {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking summary: {Summary}", new BookingSummary(booking.BookingId, booking.Site, booking.Language, booking.Mode, booking.Minutes)); // clean logging-objects

        using (logger.BeginScope(new Dictionary<string, object> { ["BookingId"] = booking.BookingId, ["Clinic"] = request.Clinic })) // clean precision-names
        using (logger.BeginScope("Patient {NhsNumber}", request.NhsNumber)) // leak TC1001 direct
        {
            try
            {
                var match = await agency.FindInterpreterAsync(booking);
                logger.LogInformation("Agency match {Match}", match); // clean logging-objects
                activity?.SetTag("interpreting.candidates", match.Candidates); // clean precision-about
            }
            catch (NoInterpreterAvailableException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "No interpreter for booking {BookingId}", booking.BookingId); // clean exceptions
                Operations.Add(1, request.Clinic, "no-interpreter"); // clean generated-api
                return NotFound();
            }
            catch (ClientNotFoundException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Patient lookup failed"); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("lookup.failed", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().Name })); // clean exceptions
                return NotFound();
            }
        }

        Operations.Add(1, request.Clinic, "booked"); // clean generated-api
        Operations.Add(1, request.Clinic, request.NhsNumber); // leak TC1003 generated-api
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Clinic); // clean generated-api
        return Ok(booking.BookingId);
    }

    [HttpGet("{bookingId}")]
    public async Task<ActionResult> FindAsync(string bookingId)
    {
        using var activity = Source.StartActivity("interpreting.find");
        activity?.SetTag("interpreting.booking_id", bookingId); // clean precision-names
        activity?.SetTag("interpreting.last_patient", _lastPatientName); // leak TC1001 cross-member
        activity?.SetTag("interpreting.last_clinic", _lastClinic); // clean cross-member
        var booking = await store.FindAsync(bookingId);
        if (booking is null)
        {
            var ex = new BookingNotFoundException(bookingId);
            activity?.AddException(ex); // clean exceptions
            return NotFound();
        }

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.ClientId))[0] % 16;
        activity?.SetTag("interpreting.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.ClientId)))[..16];
        activity?.SetTag("interpreting.patient_digest", digest); // leak TC1002 hashes
        activity?.SetTag("interpreting.patient_bucket", booking.ClientId.GetHashCode() % 32); // leak TC1002 hashes
        Baggage.SetBaggage("patient.pseudonym", pseudonymizer.ComputeLanglineClientId(booking.ClientId)); // clean precision-pseudonym
        Baggage.SetBaggage("nhs.number", booking.ClientId); // leak TC1001 direct
        Requests.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeLanglineClientId(booking.ClientId))); // leak TC1003 precision-pseudonym
        LogBookingOpened(logger, booking.BookingId, booking.ClientName); // clean logging-objects
        LogBookingOpenedPlain(logger, booking.BookingId, booking.ClientName); // leak TC1001 logging-objects
        return Ok(new BookingSummary(booking.BookingId, booking.Site, booking.Language, booking.Mode, booking.Minutes));
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Booking {BookingId} opened for {PatientName}")]
    private static partial void LogBookingOpened(ILogger logger, string bookingId, [PrivateData] string patientName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Booking {BookingId} opened for {PatientName}")]
    private static partial void LogBookingOpenedPlain(ILogger logger, string bookingId, string patientName);
}
