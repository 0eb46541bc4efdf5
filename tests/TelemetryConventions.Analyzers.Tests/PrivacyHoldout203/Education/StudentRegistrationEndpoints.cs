namespace PrivacyHoldout203.Education;

/// <summary>A university's minimal API that registers students in halls to vote, through the government's verification service.</summary>
public static partial class StudentRegistrationEndpoints
{
    private static readonly ActivitySource Source = new("University.VoterRegistration");
    private static readonly Meter Meter = new("University.VoterRegistration");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("university.voter_registrations");
    private static readonly Histogram<double> VerifyTime = Meter.CreateHistogram<double>("university.voter_verification.duration", "s");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/halls/{hallId}/register", RegisterAsync);
        routes.MapGet("/halls/{hallId}/progress", Progress);
    }

    private static async Task<ActionResult> RegisterAsync(
        string hallId,
        StudentRegistration registration,
        IIdentityVerification verification,
        ISectorStore store,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        ILogger<StudentRegistration> logger,
        CancellationToken ct)
    {
        using var activity = Source.StartActivity("student.register_to_vote");
        activity?.SetTag("hall.id", hallId); // clean precision-about
        activity?.SetTag("student.hall_id", registration.HallId); // clean precision-names
        activity?.SetTag("student.number", registration.StudentNumber); // leak TC1001 direct
        activity?.SetTag("student.ni_number", registration.NationalInsuranceNumber); // leak TC1001 direct
        activity?.SetTag("student.email", registration.UniversityEmail); // leak TC1001 direct
        activity?.SetTag("student.email_domain", registration.UniversityEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("student.term_address", registration.TermAddress); // leak TC1001 direct
        activity?.SetTag("student.date_of_birth", registration.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("student.ni_number.present", registration.NationalInsuranceNumber.Length > 0); // clean precision-about
        activity?.SetTag("student.pseudonym", pseudonymizer.ComputeCampusvoteElectorId(registration.StudentNumber)); // clean precision-pseudonym

        var started = Stopwatch.GetTimestamp();
        var verified = await verification.VerifyAsync(registration.NationalInsuranceNumber, registration.FullName, registration.DateOfBirth, ct);
        VerifyTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("hall", hallId)); // clean precision-about
        activity?.SetTag("student.verified", verified); // clean precision-about

        var span = Activity.Current.EnrichCampusvoteOperation(hallId)
            .SetCampusvoteElectorId(pseudonymizer.PseudonymizeCampusvoteElectorId(registration.StudentNumber)) // clean generated-api
            .SetCampusvoteChannel("online") // clean generated-api
            .SetCampusvoteOutcome(verified ? "accepted" : "pending"); // clean generated-api
        span.SetCampusvoteNote("registered " + registration.FullName); // leak TC1001 generated-api
        span.SetCampusvoteElectorId(Pseudonym.FromComputed(registration.StudentNumber)); // leak TC1001 generated-api

        var line = new StringBuilder().Append(registration.FullName).Append(" / ").Append(registration.StudentNumber).ToString();
        logger.LogInformation("Registration line {Line}", line); // leak TC1001 strings
        logger.LogInformation("Registration for hall {HallId} verified={Verified}", hallId, verified); // clean precision-about
        logger.LogInformation("Registration {@Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Registration {Registration}", new { registration.HallId, registration.StudentNumber }); // leak TC1001 logging-objects
        logger.LogInformation("Registration {Registration}", new { registration.HallId, NameLength = registration.FullName.Length }); // clean logging-objects
        LogRegistered(logger, hallId, registration.StudentNumber); // clean logging-objects

        Registrations.Add(1, new KeyValuePair<string, object?>("hall", registration.HallId), new KeyValuePair<string, object?>("verified", verified)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCampusvoteElectorId(registration.StudentNumber))); // leak TC1003 precision-pseudonym
        Meter.CreateCampusvoteOperationsCounter().Add(1, hallId, campusvoteOutcome: registration.StudentNumber); // leak TC1003 generated-api

        var digest = MD5.HashData(Encoding.UTF8.GetBytes(registration.NationalInsuranceNumber));
        activity?.SetTag("student.ni_digest", Convert.ToBase64String(digest)); // leak TC1002 hashes
        activity?.SetTag("student.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(registration.StudentNumber)))[..4]); // clean hashes

        if (!verified)
        {
            var ex = new CertificateRefusedException(registration.StudentNumber, registration.FullName);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogCampusvoteOperationFailedEvent(hallId, "rejected", campusvoteNote: ex.Message); // leak TC1001 generated-api
            span.RecordException(ex); // clean generated-api
            return new BadRequestResult("Identity could not be verified");
        }

        await store.SaveAsync(registration, ct);
        return new OkResult(new { registration.HallId });
    }

    private static ActionResult Progress(string hallId, ISectorStore store)
    {
        using var activity = Source.StartActivity("student.registration_progress");
        var studentsRegisteredCount = 412;
        activity?.SetTag("hall.students_registered", studentsRegisteredCount); // clean precision-names
        activity?.SetTag("hall.registration_form_version", "ier-3.2"); // clean precision-names
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Student {StudentNumber} registered from hall {HallId}")]
    private static partial void LogRegistered(ILogger logger, string hallId, [PrivateData] string studentNumber);
}
