namespace PrivacyHoldout216.Education;

public sealed record StudentSignup(string StudentNumber, string FullName, string UniversityEmail, DateOnly DateOfBirth, string IdDocumentNumber, string Faculty);

public sealed record BanRequest(string StudentNumber, string StudentName, string Reason, int Days, string IncidentId);

/// <summary>A university's campus bike hire: students sign up with an age check, and misuse ends in a ban.</summary>
public static partial class CampusBikeApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Education.CampusBikes");
    private static readonly Meter Meter = new("PrivacyHoldout216.Education.CampusBikes");
    private static readonly Counter<long> Signups = Meter.CreateCounter<long>("campus_bikes.signups");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/campus-bikes/signup", SignupAsync);
        routes.MapPost("/campus-bikes/bans", BanAsync);
    }

    private static string AccountKey(StudentSignup signup) => $"{signup.Faculty}/{signup.StudentNumber}";

    private static async Task<object> SignupAsync(StudentSignup signup, IAgeVerificationClient ageChecks, RideSchemeOptions options, Pseudonymizer pseudonymizer, ILogger<StudentSignup> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("campus_bikes.signup");
        activity?.SetTag("student.faculty", signup.Faculty); // clean precision-about
        activity?.SetTag("scheme.code", options.SchemeCode); // clean precision-names
        activity?.SetTag("student.email_domain", signup.UniversityEmail[(signup.UniversityEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("student.account_key", AccountKey(signup)); // leak TC1001 cross-member
        activity?.SetTag("student.email", signup.UniversityEmail); // leak TC1001 direct
        var age = DateTime.UtcNow.Year - signup.DateOfBirth.Year;
        activity?.SetTag("student.age", age); // clean precision-about
        activity?.SetTag("student.date_of_birth", signup.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        logger.LogInformation("Signup {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Signup {@Signup}", signup with { IdDocumentNumber = "***" }); // leak TC1001 logging-objects
        logger.LogInformation("Signup at {Faculty}, over minimum age: {Adult}", signup.Faculty, age >= options.MinimumRiderAge); // clean precision-about

        try
        {
            var check = await ageChecks.CheckAsync(signup.StudentNumber, signup.IdDocumentNumber, signup.DateOfBirth, cancellationToken);
            activity?.SetTag("age_check.id", check.CheckId); // clean precision-names
            activity?.SetTag("age_check.document_type", check.DocumentType); // clean precision-about
            activity?.SetTag("age_check.passed", check.Passed); // clean precision-about
            logger.LogInformation("Age check {Check}", check); // leak TC1001 logging-objects
            logger.LogInformation("Age check {CheckId} passed {Passed}", check.CheckId, check.Passed); // clean logging-objects
            if (!check.Passed)
            {
                throw new AgeCheckFailedException(signup.IdDocumentNumber, signup.DateOfBirth);
            }
        }
        catch (AgeCheckFailedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Age check failed at {Faculty}", signup.Faculty); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            Signups.Add(1, new KeyValuePair<string, object?>("outcome", "age_check_failed")); // clean precision-about
            return "declined";
        }

        var student = pseudonymizer.Pseudonymize(RideDomains.Rider, signup.StudentNumber);
        using var span = Source.StartCampusrideOperation(signup.Faculty);
        span.SetCampusrideClientId(student); // clean generated-api
        span.SetCampusrideOutcome("ok"); // clean generated-api
        span.SetCampusrideNote(string.Format("signup of {0} ({1})", signup.FullName, signup.Faculty)); // leak TC1001 generated-api
        Meter.CreateCampusrideOperationsCounter().Add(1, signup.Faculty, "ok"); // clean generated-api
        Signups.Add(1, new KeyValuePair<string, object?>("student", student.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Signed up {Student}", student.Value); // clean precision-pseudonym
        return "ok";
    }

    private static async Task<object> BanAsync(BanRequest request, IRiderStore riders, TelemetrySecrets secrets, ILogger<BanRequest> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("campus_bikes.ban");
        activity?.SetTag("ban.incident_id", request.IncidentId); // clean precision-names
        activity?.SetTag("ban.reason", request.Reason); // clean precision-about
        activity?.SetTag("ban.days", request.Days); // clean precision-about
        activity?.SetTag("ban.student_number", request.StudentNumber); // leak TC1001 direct
        var ban = new Ban(Guid.NewGuid().ToString("N"), request.StudentNumber, request.StudentName, request.Reason, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(request.Days)));
        await riders.SaveBanAsync(ban, cancellationToken);
        activity?.SetTag("ban.id", ban.BanId); // clean precision-names
        activity?.SetTag("ban.until", ban.Until.ToString("O")); // clean precision-about
        logger.LogInformation("Ban issued {Ban}", ban); // leak TC1001 logging-objects
        logger.LogInformation("Ban {BanId} until {Until} for {Reason}", ban.BanId, ban.Until, ban.Reason); // clean logging-objects
        logger.LogInformation("Banned {Who}", new { ban.RiderName, ban.Reason }); // leak TC1001 logging-objects
        var sb = new StringBuilder();
        sb.Append("ban for ").Append(request.StudentName).Append(": ").Append(request.Reason);
        activity?.AddEvent(new ActivityEvent(sb.ToString())); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent($"ban {ban.BanId} for {request.Days} days")); // clean strings
        var keyed = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.StudentNumber));
        activity?.SetTag("ban.student_ref", Convert.ToBase64String(keyed)); // clean hashes
        var unkeyed = MD5.HashData(Encoding.UTF8.GetBytes(request.StudentNumber));
        activity?.SetTag("ban.student_md5", Convert.ToHexString(unkeyed)); // leak TC1002 hashes
        LogBanStudent(logger, request.StudentNumber, request.Days); // clean logging-objects
        return ban.BanId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ban for {StudentNumber}, {Days} days")]
    private static partial void LogBanStudent(ILogger logger, [PrivateData] string studentNumber, int days);
}
