namespace PrivacyHoldout159.Education;

// Minimal APIs behind the university's "register to vote" drive in halls: students apply, the council verifies with DWP.
public static class HallsRegistrationDriveEndpoints
{
    private static readonly ActivitySource Source = new("Council.Elections.StudentDrive");
    private static readonly Meter DriveMeter = new("Council.Elections.StudentDrive");
    private static readonly Counter<long> Applications = DriveMeter.CreateCounter<long>("studentvote.applications");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/drive/apply", ApplyAsync);
        routes.MapGet("/drive/blocks/{block}", BlockSummary);
    }

    private static async Task<ActionResult> ApplyAsync(HallsStudent student, RegistrationApplication application, IDwpVerifier dwp, ILogger<HallsStudent> logger, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("drive.apply");
        activity?.SetTag("studentvote.block", student.Block); // clean precision-about
        activity?.SetTag("studentvote.student_number", student.StudentNumber); // leak TC1001 direct
        activity?.SetTag("studentvote.email_domain", student.UniversityEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("studentvote.application.id", application.ApplicationId); // clean precision-names
        activity?.SetTag("studentvote.application.channel", application.Channel); // clean precision-about
        activity?.SetTag("studentvote.postcode", application.Postcode); // leak TC1001 direct
        activity?.SetTag("studentvote.postcode_district", application.Postcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Application {@Application} received from halls", application); // leak TC1001 logging-objects
        logger.LogInformation("Application {ApplicationId} received from block {Block}", application.ApplicationId, student.Block); // clean precision-names

        try
        {
            var verification = await dwp.VerifyAsync(application, cancellationToken);
            logger.LogInformation("DWP match {@Verification}", verification); // clean logging-objects
            if (!verification.Matched)
            {
                throw new NinoMismatchException(application.NationalInsuranceNumber);
            }
        }
        catch (NinoMismatchException ex)
        {
            logger.LogWarning(ex, "Verification failed for application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            Applications.Add(1, new KeyValuePair<string, object?>("outcome", "nino_mismatch"), new KeyValuePair<string, object?>("block", student.Block)); // clean precision-about
            return BadRequestFor("verification");
        }

        Applications.Add(1, new KeyValuePair<string, object?>("student", student.StudentNumber)); // leak TC1003 direct
        activity?.SetTag("studentvote.student", pseudonymizer.ComputeStudentvoteElectorId(student.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Student {StudentName} registered from {Block}", student.FullName, student.Block); // leak TC1001 direct
        logger.LogInformation("Student registered, name has {Words} words", student.FullName.Split(' ').Length); // clean precision-about
        return new OkResult(null);
    }

    private static ActionResult BlockSummary(string block, ILogger<HallsStudent> logger)
    {
        logger.LogInformation("Summary requested for block {Block}", block); // clean precision-about
        return new OkResult(block);
    }

    private static ActionResult BadRequestFor(string stage) => new BadRequestResult(stage);
}
