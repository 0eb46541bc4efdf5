namespace PrivacyHoldout148.Education;

/// <summary>The student union's minimal API for varsity squad registrations.</summary>
public static class VarsityRegistrationEndpoints
{
    private static readonly ActivitySource Source = new("University.Varsity.Registrations");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/varsity/registrations", Register);
        routes.MapGet("/varsity/registrations/{studentNumber}", Lookup);
    }

    private static async Task<ActionResult> Register(VarsityRegistration registration, IEnrolmentService enrolment, Pseudonymizer pseudonymizer, Meter meter, ILogger<VarsityRegistration> logger)
    {
        using var span = Source.StartVarsityOperation(registration.Sport);
        span.SetVarsityStudentId(pseudonymizer.PseudonymizeVarsityStudentId(registration.StudentNumber)); // clean generated-api
        Activity.Current?.SetTag("varsity.squad", registration.Squad); // clean precision-names
        Activity.Current?.SetTag("varsity.student_number", registration.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("varsity.medical_cleared", registration.MedicalCleared); // clean precision-about

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RegistrationId"] = registration.RegistrationId, ["Sport"] = registration.Sport }); // clean logging-objects
        using var personScope = logger.BeginScope("Registering {StudentEmail}", registration.UniversityEmail); // leak TC1001 logging-objects

        var credits = await enrolment.CreditsAsync(registration.StudentNumber);
        if (credits == 0)
        {
            var ex = new NotEnrolledException(registration.StudentNumber);
            logger.LogWarning(ex, "Registration refused"); // leak TC1001 exceptions
            span.SetVarsityOutcome("not-enrolled"); // clean generated-api
            logger.LogVarsityOperationFailedEvent(registration.Sport, "not-enrolled", varsityNote: $"{registration.FullName} not enrolled"); // leak TC1001 generated-api
            return new BadRequestResult(ex.GetType().Name);
        }

        meter.CreateVarsityRegistrationsCounter().Add(1, varsitySport: registration.Sport, varsityOutcome: "registered"); // clean generated-api
        meter.CreateVarsityRegistrationsCounter().Add(1, varsitySport: registration.Sport, varsityOutcome: registration.StudentNumber); // leak TC1003 generated-api
        logger.LogInformation("Registered {Student} for {Squad}", registration.FullName, registration.Squad); // leak TC1001 direct
        logger.LogInformation("Registered {Student} for {Squad}", pseudonymizer.ComputeVarsityStudentId(registration.StudentNumber), registration.Squad); // clean precision-pseudonym
        logger.LogInformation("Registration {@Registration}", registration with { StudentNumber = "", FullName = "", UniversityEmail = "" }); // clean logging-objects
        return new OkResult(registration.RegistrationId);
    }

    private static ActionResult Lookup(string studentNumber, ILogger<VarsityRegistration> logger)
    {
        logger.LogDebug("Lookup for student {StudentNumber}", studentNumber); // leak TC1001 direct
        logger.LogDebug("Lookup for a student number of {Length} characters", studentNumber.Length); // clean precision-about
        Activity.Current?.SetTag("varsity.lookup.route", "/varsity/registrations/{studentNumber}"); // clean precision-names
        Activity.Current?.SetTag("http.path", $"/varsity/registrations/{studentNumber}"); // leak TC1001 strings
        return new NotFoundResult(null);
    }
}
