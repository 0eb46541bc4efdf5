namespace PrivacyHoldout199.Retail;

/// <summary>A retailer's seasonal hiring through a job board: applications, CV uploads and store shifts for temps.</summary>
[ApiController]
[Route("api/seasonal")]
public sealed partial class SeasonalHiringController(
    ILogger<SeasonalHiringController> logger,
    Pseudonymizer pseudonymizer,
    CandidateStore candidates,
    CvParser parser,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("TalentBridge.SeasonHire");

    private static string CandidateKey(JobApplication application) => application.CandidateId;

    [HttpPost("applications")]
    public ActionResult Apply([FromBody] JobApplication application)
    {
        using var span = Source.StartSeasonhireOperation("job-board");
        span.SetSeasonhireStage("applied"); // clean generated-api
        span.SetSeasonhireClientId(pseudonymizer.PseudonymizeSeasonhireClientId(CandidateKey(application))); // clean precision-pseudonym
        var activity = span.Activity;
        activity?.SetTag("seasonhire.application.id", application.ApplicationId); // clean precision-names
        activity?.SetTag("seasonhire.vacancy.id", application.VacancyId); // clean precision-names
        activity?.SetTag("seasonhire.candidate.id", CandidateKey(application)); // leak TC1001 direct
        activity?.SetTag("seasonhire.cv.file", application.CvFileName); // leak TC1001 direct
        activity?.SetTag("seasonhire.cv.extension", System.IO.Path.GetExtension(application.CvFileName)); // clean precision-about
        activity?.SetTag("seasonhire.cover_letter.words", application.CoverLetter.Split(' ').Length); // clean precision-about
        activity?.SetTag("seasonhire.cover_letter", application.CoverLetter); // leak TC1001 direct
        activity?.SetTag("seasonhire.candidate_email_template_id", "seasonal-ack-v3"); // clean precision-names
        activity?.SetTag("http.request.header.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : ""); // clean precision-names
        activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct

        logger.LogInformation("Application received {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application received {Application}", application with { CandidateId = "", CandidateEmail = "", CoverLetter = "", CvFileName = "" }); // clean logging-objects
        logger.LogInformation("Application received {ApplicationId} for {VacancyId}", application.ApplicationId, application.VacancyId); // clean logging-objects

        if (candidates.FindByEmail(application.CandidateEmail) is not null)
        {
            var duplicate = new DuplicateApplicationException(application.CandidateEmail);
            span.RecordException(duplicate); // clean exceptions
            span.SetSeasonhireNote(duplicate.Message); // leak TC1001 generated-api
            logger.LogSeasonhireOperationFailedEvent("job-board", "duplicate", seasonhireNote: "duplicate application"); // clean generated-api
            return BadRequest("duplicate");
        }

        try
        {
            throw new VacancyClosedException(application.VacancyId);
        }
        catch (VacancyClosedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogInformation("Vacancy closed: {Message}", ex.Message); // clean exceptions
        }

        meter.CreateSeasonhireOperationsCounter().Add(1, "job-board", seasonhireOutcome: "applied"); // clean generated-api
        var applications = meter.CreateCounter<long>("seasonhire.applications");
        applications.Add(1, new KeyValuePair<string, object?>("vacancy", application.VacancyId)); // clean precision-names
        applications.Add(1, new KeyValuePair<string, object?>("email", application.CandidateEmail)); // leak TC1003 direct
        return Ok(application.ApplicationId);
    }

    [HttpPost("cv")]
    public ActionResult UploadCv([FromBody] byte[] document)
    {
        var activity = Activity.Current;
        var cv = parser.Parse(document);
        activity?.SetTag("seasonhire.cv.bytes", document.Length); // clean precision-about
        activity?.SetTag("seasonhire.cv.skills", cv.Skills.Count); // clean precision-about
        activity?.SetTag("seasonhire.cv.years", cv.YearsExperience); // clean precision-about
        activity?.SetTag("seasonhire.cv.linkedin", cv.LinkedInUrl); // leak TC1001 direct
        activity?.SetTag("seasonhire.cv.phone", cv.Phone); // leak TC1001 direct
        logger.LogInformation("CV parsed {@Cv}", cv); // leak TC1001 logging-objects
        logger.LogInformation("CV parsed with skills {Skills}", string.Join(",", cv.Skills)); // clean strings
        logger.LogInformation("CV parsed for " + cv.FullName + " <" + cv.Email + ">"); // leak TC1001 strings
        LogCvParsed(logger, cv.Email, cv.Skills.Count); // clean logging-objects
        LogCvOwner(logger, cv.FullName); // leak TC1001 logging-objects
        var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cv.Email.ToLowerInvariant())))[..16];
        activity?.SetTag("seasonhire.cv.email_key", emailKey); // leak TC1002 hashes
        var hmacKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(cv.Email.ToLowerInvariant())))[..16];
        activity?.SetTag("seasonhire.cv.email_key", hmacKey); // clean hashes
        return Ok(cv.Skills.Count);
    }

    [HttpPost("shifts")]
    public ActionResult BookShift([FromBody] SeasonalShift shift)
    {
        var activity = Activity.Current;
        activity?.SetTag("seasonhire.shift.id", shift.ShiftId); // clean precision-names
        activity?.SetTag("seasonhire.store", shift.StoreCode); // clean precision-names
        activity?.SetTag("seasonhire.shift.hours", shift.Hours); // clean precision-about
        activity?.SetTag("seasonhire.worker.id", shift.WorkerId); // leak TC1001 direct
        activity?.SetTag(SeasonhireAttributes.ClientId, pseudonymizer.ComputeSeasonhireClientId(shift.WorkerId)); // clean precision-pseudonym
        meter.CreateSeasonhireOperationDurationHistogram().Record(0.05, shift.StoreCode); // clean generated-api
        meter.CreateHistogram<int>("seasonhire.shift.hours").Record(shift.Hours, new KeyValuePair<string, object?>("worker", pseudonymizer.ComputeSeasonhireClientId(shift.WorkerId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Shift booked {Shift}", shift); // leak TC1001 logging-objects
        var profile = new CandidateProfile { CandidateId = shift.WorkerId, DisplayName = "", Email = "" };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        return Ok(shift.ShiftId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CV parsed for {Email} with {SkillCount} skills")]
    private static partial void LogCvParsed(ILogger logger, [PrivateData] string email, int skillCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "CV belongs to {FullName}")]
    private static partial void LogCvOwner(ILogger logger, string fullName);
}
