namespace PrivacyHoldout147.Education;

/// <summary>The minimal API behind "open a student account": UCAS and enrolment checks, then the account.</summary>
public static class StudentApplicationEndpoints
{
    private static readonly ActivitySource Source = new("Bank.StudentAccounts");

    public static EndpointRoutes MapStudentApplications(this EndpointRoutes routes) =>
        routes.MapPost("/student-accounts", ApplyAsync)
              .MapGet("/student-accounts/{applicationId}", (string applicationId, ILogger<StudentApplication> logger) =>
              {
                  logger.LogInformation("Application {ApplicationId} looked up", applicationId); // clean direct
                  return applicationId;
              });

    private static async Task<ActionResult> ApplyAsync(
        StudentApplication application,
        IEnrolmentService enrolments,
        IAccountLedger ledger,
        Meter meter,
        Pseudonymizer pseudonymizer,
        ILogger<StudentApplication> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartStudentacctOperation(application.University);
        span.SetStudentacctProduct("student-account"); // clean generated-api
        Activity.Current?.SetTag("studentacct.ucas_personal_id", application.UcasPersonalId); // leak TC1001 direct
        Activity.Current?.SetTag("studentacct.course_year", application.CourseYear); // clean direct
        Activity.Current?.SetTag("studentacct.has_slc_reference", !string.IsNullOrEmpty(application.SlcReference)); // clean precision-about
        Activity.Current?.SetTag("studentacct.slc_reference", application.SlcReference); // leak TC1001 direct
        logger.LogInformation("Student application received: {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Student application {ApplicationId} for {University}, year {CourseYear}", application.ApplicationId, application.University, application.CourseYear); // clean logging-objects

        EnrolmentConfirmation confirmation;
        try
        {
            confirmation = await enrolments.ConfirmAsync(application.University, application.StudentNumber, cancellationToken);
        }
        catch (EnrolmentNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogStudentacctOperationFailedEvent(application.University, "not-enrolled", studentacctNote: ex.Message); // leak TC1001 generated-api
            meter.CreateStudentacctApplicationsCounter().Add(1, studentacctUniversity: application.University, studentacctOutcome: "not-enrolled"); // clean generated-api
            return NotFound();
        }
        catch (IntakeClosedException ex)
        {
            logger.LogWarning(ex, "Intake closed for {University}", application.University); // clean exceptions
            return BadRequest();
        }

        logger.LogInformation("Enrolment {@Confirmation}", confirmation); // clean logging-objects
        var accountNumber = await ledger.OpenAsync(application.StudentNumber, "student-2025", cancellationToken);
        span.SetStudentacctCustomerId(pseudonymizer.PseudonymizeStudentacctCustomerId(application.StudentNumber)); // clean generated-api
        span.SetStudentacctOutcome($"opened {accountNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(StudentacctAttributes.Contact, application.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag("studentacct.email_domain", application.Email[(application.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Welcome pack for {Student}", WelcomeLine(application)); // leak TC1001 strings
        logger.LogInformation("Welcome pack for {Course}", CourseLine(application)); // clean strings
        return Ok(accountNumber);
    }

    private static string WelcomeLine(StudentApplication application) => $"student {application.StudentNumber} at {application.University}";

    private static string CourseLine(StudentApplication application) => $"{application.University} year {application.CourseYear}, ends after {4 - application.CourseYear} more years";

    private static ActionResult Ok(object? value) => new OkResult(value);

    private static ActionResult NotFound() => new NotFoundResult(null);

    private static ActionResult BadRequest() => new BadRequestResult(null);
}
