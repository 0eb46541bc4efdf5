namespace PrivacyHoldout140.Healthcare;

/// <summary>What the research nurse's screening form posts.</summary>
public sealed record ScreeningForm(
    string ScreeningNumber, string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth,
    string Email, string Mobile, string SiteCode, string[] CriteriaAnswers);

/// <summary>A re-consent taken on the ward after an amendment.</summary>
public sealed record ReconsentForm(string StudyNumber, string Version, string SignedName, string TakenByStaffId, bool OptionalSamples);

/// <summary>
/// The research facility's screening and enrolment API: screens a patient against the protocol's criteria,
/// enrols them in the CTMS and records consent and re-consent when the information sheet is amended.
/// </summary>
[ApiController]
[Route("api/studies/{studyCode}/participants")]
public sealed partial class ScreeningEnrolmentController(
    ICtmsClient ctms,
    EligibilityRules rules,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    StudyPlatformOptions options,
    ILogger<ScreeningEnrolmentController> logger) : ControllerBase
{
    private readonly Counter<long> _screened = meter.CreateCounter<long>("trialsite.screening.completed", "{screen}");
    private string? _lastScreenFailure;

    [HttpPost("screen")]
    public async Task<ActionResult> Screen(string studyCode, [FromBody] ScreeningForm form)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        span.SetTrialsiteSite(form.SiteCode);
        Activity.Current?.SetTag("trialsite.screening.number", form.ScreeningNumber); // leak TC1001 direct

        var age = AgeOn(form.DateOfBirth, DateOnly.FromDateTime(DateTime.UtcNow));
        span.Activity?.SetTag("trialsite.screening.age", age); // clean precision-about
        logger.LogInformation("Screening {ScreeningNumber} for {Study} at {Site}", form.ScreeningNumber, studyCode, form.SiteCode); // leak TC1001 direct

        var verdict = rules.Check(studyCode, form.SiteCode, age, form.CriteriaAnswers);
        logger.LogInformation("Eligibility checked: {@Verdict}", verdict); // clean logging-objects
        span.Activity?.SetTag("trialsite.screening.failed_criteria", string.Join(",", verdict.FailedCriteria)); // clean precision-about
        _screened.Add(1, new("study", studyCode), new("site", form.SiteCode), new("eligible", verdict.Eligible)); // clean precision-about

        if (!verdict.Eligible)
        {
            _lastScreenFailure = form.ScreeningNumber;
            span.SetTrialsiteOutcome("screen-failed");
            return Ok(new { eligible = false, criteria = verdict.FailedCriteria });
        }

        try
        {
            var participant = new Participant("", form.NhsNumber, form.GivenName, form.FamilyName, form.DateOfBirth, form.Email, form.Mobile, form.SiteCode);
            var studyNumber = await ctms.EnrolAsync(studyCode, form.ScreeningNumber, participant);
            span.SetTrialsiteParticipantId(pseudonymizer.PseudonymizeTrialsiteParticipantId(studyNumber)); // clean precision-pseudonym
            logger.LogInformation("Enrolled {StudyNumber} from screening {ScreeningNumber}", studyNumber, form.ScreeningNumber); // leak TC1001 direct
            span.Activity?.SetTag("trialsite.participant.email_domain", form.Email[(form.Email.IndexOf('@') + 1)..]); // clean precision-about
            span.Activity?.SetTag("trialsite.participant.has_mobile", !string.IsNullOrWhiteSpace(form.Mobile)); // clean precision-about
            span.SetTrialsiteOutcome("enrolled");
            return Ok(new { studyNumber });
        }
        catch (DuplicateParticipantException ex)
        {
            logger.LogWarning(ex, "Duplicate enrolment attempt for {Study} at {Site}", studyCode, form.SiteCode); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(DuplicateParticipantException)); // clean exceptions
            span.Activity?.SetTag(TrialsiteAttributes.Contact, form.Mobile); // leak TC1001 generated-api
            return BadRequest("Already enrolled");
        }
    }

    [HttpGet("screen/last-failure")]
    public ActionResult LastScreenFailure()
    {
        logger.LogInformation("Most recent screen failure: {ScreeningNumber}", _lastScreenFailure); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("reconsent")]
    public async Task<ActionResult> Reconsent(string studyCode, [FromBody] ReconsentForm form)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        span.SetTrialsiteConsentVersion(form.Version); // clean precision-names
        span.SetTrialsiteStaffId(pseudonymizer.PseudonymizeTrialsiteStaffId(form.TakenByStaffId)); // clean precision-pseudonym

        var consent = new ConsentRecord(form.StudyNumber, form.Version, DateOnly.FromDateTime(DateTime.UtcNow), form.SignedName, form.TakenByStaffId, form.OptionalSamples);
        try
        {
            if (form.Version != options.CurrentConsentVersion)
            {
                throw new ConsentOutdatedException(studyCode, form.Version, options.CurrentConsentVersion);
            }

            await ctms.SaveConsentAsync(consent);
            LogConsentTaken(logger, form.StudyNumber, form.Version); // clean logging-objects
            LogConsentTakenBy(logger, form.TakenByStaffId, form.Version); // leak TC1001 logging-objects
            logger.LogDebug("Consent saved {Consent}", consent); // leak TC1001 logging-objects
            span.Activity?.SetTag("trialsite.consent.optional_samples", form.OptionalSamples); // clean precision-about
            span.SetTrialsiteOutcome("reconsented");
        }
        catch (ConsentOutdatedException ex)
        {
            span.RecordException(ex, ex.Message, includeMessage: true); // clean exceptions
            logger.LogWarning("Re-consent on {Signed} refused, {Current} is current", form.Version, ex.CurrentVersion); // clean precision-names
            return BadRequest(ex.Message);
        }

        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {StudyNumber} re-consented on {Version}")]
    private static partial void LogConsentTaken(ILogger logger, [PrivateData] string studyNumber, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent taken by {StaffId} on {Version}")]
    private static partial void LogConsentTakenBy(ILogger logger, string staffId, string version);

    private static int AgeOn(DateOnly dateOfBirth, DateOnly today) =>
        today.Year - dateOfBirth.Year - (today < dateOfBirth.AddYears(today.Year - dateOfBirth.Year) ? 1 : 0);
}

/// <summary>The protocol's inclusion and exclusion criteria.</summary>
public sealed class EligibilityRules
{
    public EligibilityVerdict Check(string studyCode, string siteCode, int age, string[] answers)
    {
        var failed = new List<string>();
        if (age < 18)
        {
            failed.Add("IN-01");
        }

        failed.AddRange(answers.Select((a, i) => (a, i)).Where(x => x.a == "no").Select(x => $"IN-{x.i + 2:00}"));
        return new EligibilityVerdict(studyCode, siteCode, failed.Count == 0, failed.ToArray());
    }
}
