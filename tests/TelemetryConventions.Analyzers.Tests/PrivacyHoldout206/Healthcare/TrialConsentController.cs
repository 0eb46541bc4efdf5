namespace PrivacyHoldout206.Healthcare;

public sealed record EnrolRequest(string NhsNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string FormVersion);

public sealed record SampleArrival(string SampleId, string StudyNumber, string Matrix, string FreezerPosition);

/// <summary>The clinical trials unit's consent, enrolment and biobank intake.</summary>
[ApiController]
[Route("api/trials")]
public sealed partial class TrialConsentController(
    IParticipantRegistry registry,
    IConsentStore consents,
    IBiobankLims lims,
    IStudyMailer mailer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    StudyServiceOptions options,
    ILogger<TrialConsentController> logger) : ControllerBase
{
    private static readonly Counter<long> Enrolments = StudyTelemetry.Meter.CreateCounter<long>("trials.enrolments");
    private static readonly Counter<long> SamplesReceived = StudyTelemetry.Meter.CreateCounter<long>("trials.samples.received");

    private string? _lastStudyNumber;
    private string? _lastEmail;

    [HttpPost("{studyCode}/participants")]
    public async Task<ActionResult> Enrol(string studyCode, [FromBody] EnrolRequest request, CancellationToken ct)
    {
        using var activity = StudyTelemetry.Source.StartActivity("trials.enrol");
        activity?.SetTag("trials.study", studyCode); // clean precision-names
        activity?.SetTag("trials.patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("trials.consent_form.version", request.FormVersion); // clean precision-names
        activity?.SetTag("trials.participant.email_domain", request.Email.Split('@').Last()); // clean precision-about
        activity?.SetTag("trials.participant.has_mobile", !string.IsNullOrEmpty(request.Mobile)); // clean precision-about
        activity?.SetTag("trials.participant.age", DateTime.Today.Year - request.DateOfBirth.Year); // clean precision-about

        var studyNumber = NextStudyNumber(studyCode);
        _lastStudyNumber = studyNumber;
        _lastEmail = request.Email;

        var participant = await registry.EnrolAsync(new Participant(studyNumber, request.NhsNumber, request.FullName, request.Email, request.Mobile, request.DateOfBirth, options.SiteCode), ct);
        activity?.SetTag("trials.participant.study_number", participant.StudyNumber); // leak TC1001 direct
        activity?.SetTag("trials.participant.pseudonym", pseudonymizer.ComputeCohortlineParticipantId(participant.StudyNumber)); // clean precision-pseudonym
        logger.LogInformation("Enrolled {FullName} at {Site}", participant.FullName, options.SiteCode); // leak TC1001 direct
        logger.LogInformation("Enrolled participant {Participant}", participant); // leak TC1001 logging-objects
        logger.LogInformation("Enrolment at {Site} for {Study}, form {FormVersion}", options.SiteCode, studyCode, request.FormVersion); // clean precision-names
        Enrolments.Add(1, new KeyValuePair<string, object?>("trials.site", options.SiteCode)); // clean precision-names
        Enrolments.Add(1, new KeyValuePair<string, object?>("trials.participant", pseudonymizer.ComputeCohortlineParticipantId(studyNumber))); // leak TC1003 precision-pseudonym

        await mailer.SendAsync(request.Email, "welcome-pack", ct);
        LogWelcomeSent(logger, request.Email, studyCode); // clean logging-objects
        LogWelcomeQueued(logger, request.Mobile, studyCode); // leak TC1001 logging-objects
        return Ok(new { studyNumber });
    }

    [HttpPost("{studyCode}/participants/{studyNumber}/consent")]
    public async Task<ActionResult> RecordConsent(string studyCode, string studyNumber, [FromBody] ConsentForm form, CancellationToken ct)
    {
        using var span = StudyTelemetry.Source.StartCohortlineOperation(options.SiteCode) // clean generated-api
            .SetCohortlineStudy(studyCode) // clean generated-api
            .SetCohortlineParticipantId(pseudonymizer.PseudonymizeCohortlineParticipantId(studyNumber)); // clean generated-api
        try
        {
            var latest = await consents.LatestAsync(studyNumber, ct);
            if (latest is not null && string.CompareOrdinal(latest.FormVersion, form.FormVersion) > 0)
            {
                throw new FormVersionOutdatedException(form.FormVersion, latest.FormVersion);
            }

            await consents.SaveAsync(form, ct);
            span.SetCohortlineOutcome("accepted"); // clean generated-api
            span.SetCohortlineItems(form.OptionalSamplesAgreed ? 2 : 1); // clean generated-api
            span.SetCohortlineNote($"consent {form.ConsentId} taken by {form.TakenByStaffId}"); // leak TC1001 generated-api
            logger.LogInformation("Consent saved {@Consent}", form); // leak TC1001 logging-objects
            var summary = new ConsentSummary(form.ConsentId, form.FormVersion, form.OptionalSamplesAgreed, options.SiteCode);
            logger.LogInformation("Consent saved {@Summary}", summary); // clean logging-objects
            logger.LogInformation("Consent copy {Consent}", form with { TakenByStaffId = "redacted" }); // leak TC1001 logging-objects
            return Ok();
        }
        catch (FormVersionOutdatedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Outdated consent form for {Study}, current {Current}", studyCode, ex.CurrentVersion); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpPost("{studyCode}/participants/{studyNumber}/withdraw")]
    public async Task<ActionResult> Withdraw(string studyCode, string studyNumber, string reason, CancellationToken ct)
    {
        var activity = Activity.Current;
        try
        {
            var participant = await registry.FindAsync(studyNumber, ct) ?? throw new ParticipantNotFoundException(studyNumber);
            await registry.WithdrawAsync(participant.StudyNumber, reason, ct);
            activity?.SetTag("trials.withdrawal.reason_length", reason.Length); // clean precision-about
            activity?.SetTag("trials.withdrawal.reason", reason); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("trials.withdrawn", tags: new ActivityTagsCollection { ["trials.study"] = studyCode, ["trials.site"] = participant.SiteCode })); // clean precision-names
            return Ok();
        }
        catch (ParticipantNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Withdrawal failed: {ExceptionType}", ex.GetType().Name); // clean exceptions
            return NotFound();
        }
    }

    [HttpPost("biobank/arrivals")]
    public async Task<ActionResult> ReceiveSample([FromBody] SampleArrival arrival, CancellationToken ct)
    {
        using var activity = StudyTelemetry.Source.StartActivity("biobank.receive");
        activity?.SetTag("biobank.sample.id", arrival.SampleId); // clean precision-names
        activity?.SetTag("biobank.sample.matrix", arrival.Matrix); // clean precision-names
        activity?.SetTag("biobank.freezer.position", arrival.FreezerPosition); // clean precision-names
        var receipt = new SampleReceipt(arrival.SampleId, arrival.StudyNumber, arrival.Matrix, arrival.FreezerPosition, DateTimeOffset.UtcNow);
        try
        {
            var aliquot = await lims.AccessionAsync(receipt, ct);
            logger.LogInformation("Accessioned {Aliquot}", aliquot); // clean logging-objects
            logger.LogInformation("Received {Receipt}", receipt); // leak TC1001 logging-objects
            var tubeLabel = $"{arrival.StudyNumber}-{arrival.Matrix}-{aliquot.Aliquots}";
            activity?.SetTag("biobank.tube.label", tubeLabel); // leak TC1001 strings
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(arrival.StudyNumber)));
            activity?.SetTag("biobank.participant.digest", digest[..12]); // leak TC1002 hashes
            var rack = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(arrival.StudyNumber))[0] % 40;
            activity?.SetTag("biobank.rack", rack); // clean hashes
            SamplesReceived.Add(1, new KeyValuePair<string, object?>("biobank.matrix", arrival.Matrix), new KeyValuePair<string, object?>("biobank.aliquots", aliquot.Aliquots)); // clean precision-names
            SamplesReceived.Add(1, new KeyValuePair<string, object?>("biobank.participant", arrival.StudyNumber)); // leak TC1003 direct
            return Ok(aliquot);
        }
        catch (SampleMismatchException ex)
        {
            logger.LogError(ex, "Sample {SampleId} does not match its manifest", ex.SampleId); // leak TC1001 exceptions
            activity?.SetTag("biobank.mismatch.sample", ex.SampleId); // clean exceptions
            return BadRequest("sample does not match manifest");
        }
        catch (FreezerUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Freezer {FreezerId} unavailable", ex.FreezerId); // clean exceptions
            return BadRequest("freezer unavailable");
        }
    }

    [HttpGet("last")]
    public ActionResult ReportLast()
    {
        Activity.Current?.SetTag("trials.last.study_number", _lastStudyNumber); // leak TC1001 cross-member
        logger.LogDebug("Last welcome went to {Email}", _lastEmail); // leak TC1001 cross-member
        logger.LogDebug("Last enrolment had an email: {HasEmail}", _lastEmail is not null); // clean cross-member
        Baggage.SetBaggage("trials.participant", _lastStudyNumber); // leak TC1001 cross-member
        Baggage.SetBaggage("trials.site", options.SiteCode); // clean cross-member
        return Ok();
    }

    [HttpGet("{studyCode}/participants/{studyNumber}/summary")]
    public async Task<ActionResult> Summary(string studyCode, string studyNumber, CancellationToken ct)
    {
        var participant = await registry.FindAsync(studyNumber, ct);
        if (participant is null)
        {
            return NotFound();
        }

        var line = new StringBuilder().Append(studyCode).Append(':').Append(participant.FullName).ToString();
        logger.LogInformation("Summary line {Line}", line); // leak TC1001 strings
        var header = string.Join("/", studyCode, participant.SiteCode, options.StudyCode);
        logger.LogInformation("Summary header {Header}", header); // clean strings
        using (logger.BeginScope(new Dictionary<string, object> { ["StudyNumber"] = participant.StudyNumber, ["Site"] = participant.SiteCode })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Summary built");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Study"] = studyCode, ["Site"] = participant.SiteCode })) // clean logging-objects
        {
            logger.LogInformation("Summary served");
        }

        logger.LogInformation("Participant {Details}", new { participant.Email, participant.SiteCode }); // leak TC1001 logging-objects
        logger.LogInformation("Participant {Details}", new { participant.SiteCode, Study = studyCode }); // clean logging-objects
        var bucket = participant.NhsNumber.GetHashCode() & 0xF;
        Activity.Current?.SetTag("trials.cache.bucket", bucket); // leak TC1002 hashes
        var metric = StudyTelemetry.Meter.CreateCohortlineOperationsCounter();
        metric.Add(1, options.SiteCode, "summary"); // clean generated-api
        metric.Add(1, options.SiteCode, participant.StudyNumber); // leak TC1003 generated-api
        StudyTelemetry.Meter.CreateCohortlineOperationDurationHistogram().Record(0.2, participant.SiteCode); // clean generated-api
        logger.LogCohortlineOperationFailedEvent(options.SiteCode, "summary", pseudonymizer.PseudonymizeCohortlineParticipantId(studyNumber)); // clean generated-api
        logger.LogCohortlineOperationFailedEvent(options.SiteCode, "summary", cohortlineNote: participant.Mobile); // leak TC1001 generated-api
        return Ok();
    }

    private static string NextStudyNumber(string studyCode) => $"{studyCode}-{Random.Shared.Next(1000, 9999)}";

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Welcome pack sent to {Email} for {Study}")]
    private static partial void LogWelcomeSent(ILogger logger, [PrivateData] string email, string study);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Welcome text queued to {Mobile} for {Study}")]
    private static partial void LogWelcomeQueued(ILogger logger, string mobile, string study);
}
