namespace PrivacyHoldout176.Healthcare;

/// <summary>Wards ask for a face-to-face or video interpreter for a patient; the roster books one.</summary>
[ApiController]
[Route("api/wards/{ward}/interpreters")]
public sealed class InterpreterRequestController(
    IInterpreterRoster roster,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InterpreterRequestController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Interpreting");
    private static readonly Meter Meter = new("Trust.Interpreting");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("ward.interpreter.requests");

    [HttpPost("")]
    public async Task<ActionResult> RequestAsync(string ward, [FromBody] WardInterpreterRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("InterpreterRequest");
        activity?.SetTag("ward.code", ward); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("interpreter.language", request.Language); // clean precision-about
        logger.LogInformation("Interpreter requested on {Ward} for {Patient} in {Language}", ward, request.PatientName, request.Language); // leak TC1001 direct

        var patientRef = pseudonymizer.PseudonymizeWardlanguageLearnerId(request.NhsNumber);
        activity?.SetTag("patient.ref", patientRef.Value); // clean precision-pseudonym
        Requests.Add(1, new KeyValuePair<string, object?>("ward", ward), new KeyValuePair<string, object?>("language", request.Language)); // clean precision-about
        Requests.Add(1, new KeyValuePair<string, object?>("patient", patientRef.Value)); // leak TC1003 precision-pseudonym

        InterpreterBooking? booking;
        try
        {
            booking = await roster.BookAsync(request.Language, DateTimeOffset.UtcNow.AddHours(1), cancellationToken);
        }
        catch (NoInterpreterException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return NotFound("No interpreter available");
        }
        catch (InterpreterDeclinedException ex)
        {
            logger.LogWarning(ex, "Booking declined for ward {Ward}", ward); // leak TC1001 exceptions
            return NotFound("Declined");
        }

        if (booking is null)
        {
            return NotFound();
        }

        activity?.SetTag("interpreter.booking_id", booking.BookingId); // clean precision-names
        activity?.SetTag("interpreter.name", booking.InterpreterName); // leak TC1001 direct
        logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking {BookingId} starts {Start:t} in {Language}", booking.BookingId, booking.Start, booking.Language); // clean precision-names
        activity?.SetTag("patient.name_length", request.PatientName.Length); // clean precision-about
        activity?.SetTag("patient.shard", Shard(request.NhsNumber)); // clean hashes
        activity?.SetTag("patient.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)))); // leak TC1002 hashes
        return Ok(new { booking.BookingId });
    }

    [HttpPost("{bookingId}/cancel")]
    public ActionResult Cancel(string ward, string bookingId, [FromBody] WardInterpreterRequest request)
    {
        var reason = CancellationReason(request);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, reason); // leak TC1001 cross-member
        Activity.Current?.SetTag("interpreter.booking_id", bookingId); // clean precision-names
        logger.LogInformation("Cancelled {BookingId} on {Ward}", bookingId, ward); // clean precision-names
        TagPatient(request.NhsNumber); // leak TC1001 cross-member
        TagPatient(pseudonymizer.Compute("learner", request.NhsNumber)); // clean cross-member
        logger.LogInformation(FormattableString.Invariant($"Interpreter cancelled for {request.PatientName}")); // leak TC1001 strings
        logger.LogInformation(string.Concat("Interpreter cancelled on ", ward, " for a ", request.Language, " speaker")); // clean strings
        return Ok();
    }

    private static string CancellationReason(WardInterpreterRequest request) => $"Cancelled for NHS {request.NhsNumber}";

    private static void TagPatient(string patientKey) => Activity.Current?.SetTag("patient.key", patientKey); // leak TC1001 direct

    private string Shard(string nhsNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.UTF8.GetBytes(nhsNumber))[0] % 16).ToString(CultureInfo.InvariantCulture);
    }
}
