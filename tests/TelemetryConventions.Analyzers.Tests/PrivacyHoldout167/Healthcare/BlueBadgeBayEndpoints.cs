namespace PrivacyHoldout167.Healthcare;

/// <summary>Minimal API for the outpatient blue badge bays: a patient registers a badge and plate for free parking on clinic days.</summary>
public static class BlueBadgeBayEndpoints
{
    private static readonly ActivitySource Source = new("Hospital.BlueBadgeBays");
    private static readonly Meter Meter = new("Hospital.BlueBadgeBays");
    private static readonly Histogram<double> CheckDuration = Meter.CreateHistogram<double>("badge.check.duration", "s");

    public sealed record BayRegistration(string HospitalNumber, string BadgeNumber, string Vrm, string ClinicCode, DateOnly AppointmentDate);

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/blue-badge-bays", RegisterAsync);

    public static async Task<ActionResult> RegisterAsync(BayRegistration registration, IBadgeRegister register, Pseudonymizer pseudonymizer, ILogger<BayRegistration> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartWardparkOperation(registration.ClinicCode);
        var patient = pseudonymizer.PseudonymizeWardparkVisitorId(registration.HospitalNumber);
        span.SetWardparkVisitorId(patient); // clean generated-api
        Activity.Current?.AddBaggage("patient.hospital_number", registration.HospitalNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("patient.pseudonym", patient.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("badge.last4", registration.BadgeNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("badge.number", registration.BadgeNumber); // leak TC1001 direct
        logger.LogInformation("Bay registration for badge {Badge} on {Date}", registration.BadgeNumber, registration.AppointmentDate); // leak TC1001 direct
        logger.LogInformation("Bay registration for clinic {Clinic} on {Date}", registration.ClinicCode, registration.AppointmentDate); // clean precision-about

        try
        {
            var verdict = await register.CheckAsync(registration.BadgeNumber);
            logger.LogInformation("Badge verdict {@Verdict}", verdict); // clean logging-objects
            if (!verdict.Valid)
            {
                throw new BadgeInvalidException(registration.BadgeNumber);
            }
        }
        catch (BadgeInvalidException ex)
        {
            span.RecordException(ex, "badge rejected"); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "Badge rejected for clinic {Clinic}", registration.ClinicCode); // leak TC1001 exceptions
            logger.LogWardparkOperationFailedEvent(registration.ClinicCode, "badge-invalid", patient, ex.Message); // leak TC1001 generated-api
            return new BadRequestResult("badge not valid");
        }

        var vrmSpaceless = registration.Vrm.Replace(" ", "");
        logger.LogInformation($"Bay booked for {vrmSpaceless}"); // leak TC1001 strings
        logger.LogInformation("Bay booked, plate length {Length}", vrmSpaceless.Length); // clean precision-about
        CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("clinic", registration.ClinicCode)); // clean precision-about
        CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym
        return new OkResult(null);
    }
}
