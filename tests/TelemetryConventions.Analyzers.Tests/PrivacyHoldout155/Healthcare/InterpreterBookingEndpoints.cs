namespace PrivacyHoldout155.Healthcare;

/// <summary>
/// Minimal API for booking interpreters for outpatients who do not speak English, with the agency's booking
/// number sent back to the clinic.
/// </summary>
public static class InterpreterBookingEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/interpreters/bookings", BookAsync);
        routes.MapGet("/interpreters/bookings/{bookingId}", Describe);
    }

    private static async Task<ActionResult> BookAsync(
        InterpreterRequest request,
        IInterpreterAgency agency,
        Pseudonymizer pseudonymizer,
        ILoggerFactory loggers,
        Meter meter,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Interpreters");
        var activity = Activity.Current;
        activity?.SetTag("interpreter.language", request.LanguageCode); // clean precision-about
        activity?.SetTag("interpreter.patient_mrn", request.PatientMrn); // leak TC1001 direct
        activity?.SetBaggage("interpreter.patient", pseudonymizer.ComputeChargingPatientId(request.PatientMrn)); // clean precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object> { ["Language"] = request.LanguageCode, ["Clinic"] = request.ClinicCode })) // clean logging-objects
        {
            try
            {
                var booking = await agency.BookAsync(request.LanguageCode, request.PatientMrn, request.Start, cancellationToken);
                activity?.SetTag("interpreter.booking", booking.BookingId); // clean precision-about
                logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
                logger.LogInformation("Interpreter {Interpreter} confirmed for {Start}", booking.InterpreterNumber, booking.Start); // leak TC1001 direct
                activity?.EnrichChargingOperation("rj1-st-thomas").SetChargingInterpreterId(pseudonymizer.PseudonymizeChargingInterpreterId(booking.InterpreterNumber)); // clean generated-api
                meter.CreateChargingChecksCounter().Add(1, chargingTrust: "rj1-st-thomas", chargingOutcome: "interpreter-booked"); // clean generated-api
                return new OkResult(booking.BookingId);
            }
            catch (NoInterpreterAvailableException ex)
            {
                logger.LogWarning(ex, "No interpreter for the clinic"); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                activity?.SetTag("interpreter.unmet_request", $"{request.LanguageCode} for {request.PatientMrn}"); // leak TC1001 strings
                logger.LogChargingOperationFailedEvent("rj1-st-thomas", "no-interpreter", chargingNote: $"No interpreter for MRN {request.PatientMrn}"); // leak TC1001 generated-api
                return new BadRequestResult("no interpreter");
            }
        }
    }

    private static ActionResult Describe(string bookingId, ILoggerFactory loggers)
    {
        loggers.CreateLogger("Interpreters").LogInformation("Booking {BookingId} looked up", bookingId); // clean precision-about
        return new OkResult(bookingId);
    }
}

/// <summary>What the clinic sends.</summary>
public sealed record InterpreterRequest(string LanguageCode, string PatientMrn, string ClinicCode, DateTimeOffset Start);
