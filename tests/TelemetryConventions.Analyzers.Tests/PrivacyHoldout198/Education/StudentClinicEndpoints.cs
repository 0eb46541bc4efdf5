namespace PrivacyHoldout198.Education;

/// <summary>A dental school's student clinic (students treat patients under a tutor) and the school screening programme.</summary>
public static partial class StudentClinicEndpoints
{
    private static readonly ActivitySource Source = new("DentalSchool.Clinic");
    private static readonly Meter ClinicMeter = new("DentalSchool.Clinic");
    private static readonly Counter<long> SessionsGraded = ClinicMeter.CreateCounter<long>("clinic.sessions.graded");
    private static readonly Counter<long> PupilsScreened = ClinicMeter.CreateCounter<long>("screening.pupils");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/clinic/sessions/{sessionId}/grade", GradeSession);
        routes.MapPost("/screening/{school}/results", RecordScreening);
        routes.MapGet("/screening/{school}/summary", Summary);
    }

    private static string CurrentStudent(HttpContextInfo http) => http.User.SubjectId ?? "anonymous";

    private static object GradeSession(StudentClinicSession session, HttpContextInfo http, Pseudonymizer pseudonymizer, ILogger<StudentClinicSession> logger, TelemetrySecrets secrets)
    {
        using var activity = Source.StartActivity("clinic.session.grade");
        activity?.SetTag("clinic.session.id", session.SessionId); // clean precision-names
        activity?.SetTag("clinic.session.procedure", session.Procedure); // clean precision-names
        activity?.SetTag("clinic.session.grade", session.Grade); // clean precision-about
        activity?.SetTag("clinic.student.number", session.StudentNumber); // leak TC1001 direct
        activity?.SetTag("clinic.signed_in", CurrentStudent(http)); // leak TC1001 cross-member
        activity?.SetTag("clinic.tutor.staff_number", session.TutorStaffNumber); // leak TC1001 direct
        activity?.SetTag("clinic.student.ref", pseudonymizer.Pseudonymize(Spaces.Student, session.StudentNumber).Value); // clean precision-pseudonym
        activity?.SetTag("clinic.patient.ref", pseudonymizer.PseudonymizeChairsidePatientId(session.PatientNumber).Value); // clean precision-pseudonym
        SessionsGraded.Add(1, new KeyValuePair<string, object?>("clinic.procedure", session.Procedure)); // clean precision-names
        SessionsGraded.Add(1, new KeyValuePair<string, object?>("clinic.student", pseudonymizer.Pseudonymize(Spaces.Student, session.StudentNumber).Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Session {SessionId} graded {Grade} for {Procedure}", session.SessionId, session.Grade, session.Procedure); // clean precision-names
        logger.LogInformation("Session graded {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session graded {Session}", session with { StudentName = "", StudentNumber = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Student {StudentName} graded by tutor", session.StudentName); // leak TC1001 direct
        ChairsideLog.Graded(logger, session.SessionId, session.StudentNumber, session.StudentName); // clean logging-objects
        logger.LogInformation("Graded {Summary}", new { session.SessionId, session.Procedure, session.Grade }); // clean logging-objects
        var feedback = string.Format(CultureInfo.InvariantCulture, "{0} completed {1} on patient {2}", session.StudentName, session.Procedure, session.PatientNumber);
        logger.LogDebug("Feedback {Feedback}", feedback); // leak TC1001 strings
        var studentKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(session.StudentNumber)));
        activity?.SetTag("clinic.student.key", studentKey); // leak TC1002 hashes
        var studentBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(session.StudentNumber))[0] % 8;
        activity?.SetTag("clinic.student.bucket", studentBucket); // clean hashes
        return new { session.SessionId, graded = true };
    }

    private static object RecordScreening(string school, ScreeningResult result, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<ScreeningResult> logger)
    {
        using var span = source.StartChairsideOperation(school);
        span.SetChairsidePatientId(pseudonymizer.PseudonymizeChairsidePatientId(result.Upn)); // clean generated-api
        span.SetChairsideProcedure("screening"); // clean generated-api
        span.SetChairsideOutcome(result.ReferralNeeded ? "referred" : "completed"); // clean generated-api
        span.SetChairsideNote($"{result.PupilName} has {result.DecayedTeeth} decayed teeth"); // leak TC1001 generated-api
        span.SetChairsideNote($"{result.DecayedTeeth} decayed teeth, referral {result.ReferralNeeded}"); // clean generated-api
        span.SetChairsidePatientId(Pseudonym.FromComputed(result.Upn)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("screening.school", school); // clean precision-names
        Activity.Current?.SetTag("screening.pupil.upn", result.Upn); // leak TC1001 direct
        Activity.Current?.SetTag("screening.parent.mobile_on_file", !string.IsNullOrEmpty(result.ParentMobile)); // clean precision-about
        PupilsScreened.Add(1, new KeyValuePair<string, object?>("screening.school", school), new KeyValuePair<string, object?>("screening.referred", result.ReferralNeeded)); // clean precision-about
        PupilsScreened.Add(1, new KeyValuePair<string, object?>("screening.pupil", result.Upn)); // leak TC1003 direct
        meter.CreateChairsideOperationsCounter().Add(1, school, result.ReferralNeeded ? "referred" : "completed"); // clean generated-api
        meter.CreateChairsideOperationsCounter().Add(1, school, result.Upn); // leak TC1003 generated-api
        logger.LogInformation("Screened pupil {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Referral text goes to {ParentMobile}", result.ParentMobile); // leak TC1001 direct
        logger.LogInformation("Referral text queued for pupil count {PupilCount} at {School}", 1, school); // clean precision-names
        return new { school, result.ReferralNeeded };
    }

    private static object Summary(string school, IReadOnlyList<ScreeningResult> results, ILogger<CohortSummary> logger)
    {
        var summary = new CohortSummary(school, "Y1", results.Count, results.Count(r => r.ReferralNeeded));
        logger.LogInformation("Cohort {@Summary}", summary); // clean logging-objects
        Activity.Current?.SetTag("screening.referred_count", summary.Referred); // clean precision-about
        var referred = string.Join(", ", results.Where(r => r.ReferralNeeded).Select(r => r.PupilName));
        Activity.Current?.SetTag("screening.referred_pupils", referred); // leak TC1001 strings
        Activity.Current?.SetTag("screening.referred_names_length", referred.Length); // clean precision-about
        var line = $"school {school}: {summary.Screened} screened, {summary.Referred} referred";
        logger.LogInformation("Summary line {Line}", line); // clean strings
        return summary;
    }
}

internal static partial class ChairsideLog
{
    [LoggerMessage(EventId = 19811, Level = LogLevel.Information, Message = "Session {SessionId} graded for student {StudentNumber} ({StudentName})")]
    public static partial void Graded(ILogger logger, Guid sessionId, [PrivateData] string studentNumber, [PrivateData] string studentName);
}
