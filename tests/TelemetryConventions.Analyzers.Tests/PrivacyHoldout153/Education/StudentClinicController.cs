namespace PrivacyHoldout153.Education;

/// <summary>The dental school's student clinic: checks a student is signed off before a session and logs the session.</summary>
public static class StudentClinicEndpoints
{
    private static readonly ActivitySource Source = new("HighStreet.DentalSchool");
    private static readonly Meter Meter = new("HighStreet.DentalSchool");
    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("dentalschool.sessions");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/clinic/sessions", StartSessionAsync);
        routes.MapGet("/clinic/students/{studentNumber}/signoffs", SignOffsAsync);
    }

    public static async Task<ActionResult> StartSessionAsync(ClinicSession session, IClinicLogbook logbook, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("StudentClinic");
        using var activity = Source.StartActivity("clinic.session");
        activity?.SetTag("clinic.procedure", session.Procedure); // clean precision-about
        activity?.SetTag("clinic.session.id", session.SessionId); // clean precision-names
        activity?.SetTag("clinic.student", session.StudentNumber); // leak TC1001 direct
        activity?.SetTag("clinic.student.pseudonym", pseudonymizer.Pseudonymize("dental.student", session.StudentNumber).Value); // clean precision-pseudonym
        activity?.SetTag("clinic.supervisor.gdc", session.SupervisorGdcNumber); // leak TC1001 direct
        using var scope = logger.BeginScope("Session {SessionId} patient {PatientRecord}", session.SessionId, session.PatientRecord); // leak TC1001 direct

        var signOffs = await logbook.SignOffsAsync(session.StudentNumber, session.Procedure, cancellationToken);
        try
        {
            if (signOffs == 0)
            {
                throw new StudentNotSignedOffException(session.StudentNumber, session.Procedure);
            }
        }
        catch (StudentNotSignedOffException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", nameof(StudentNotSignedOffException)); // clean exceptions
            return BadRequest(ex);
        }

        await logbook.RecordAsync(session, cancellationToken);
        Sessions.Add(1, new KeyValuePair<string, object?>("clinic.procedure", session.Procedure), new KeyValuePair<string, object?>("clinic.signoffs", signOffs)); // clean precision-about
        Sessions.Add(0, new KeyValuePair<string, object?>("clinic.student", pseudonymizer.Pseudonymize("dental.student", session.StudentNumber).Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Session logged {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session logged {@Session}", session with { StudentNumber = "", SupervisorGdcNumber = "", PatientRecord = "" }); // clean logging-objects
        return new OkResult(session.SessionId);
    }

    private static ActionResult BadRequest(Exception ex) => new BadRequestResult(ex.GetType().Name);

    public static async Task<ActionResult> SignOffsAsync(string studentNumber, string procedure, IClinicLogbook logbook, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var count = await logbook.SignOffsAsync(studentNumber, procedure, cancellationToken);
        var logger = loggers.CreateLogger("StudentClinic");
        logger.LogInformation("Sign-off lookup for {StudentNumberLength}-character number: {Count}", studentNumber.Length, count); // clean precision-about
        logger.LogInformation("Sign-off lookup for {Student}", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber)))); // leak TC1002 hashes
        return new OkResult(count);
    }
}
