namespace PrivacyHoldout202.Healthcare;

public sealed record ReferralIntake(string NhsNumber, string PatientName, string Email, string Pathway, string LessonId, string? Precautions);

/// <summary>A trust's exercise-on-referral desk: GP referrals booked into partner leisure centres and the hydrotherapy pool.</summary>
[ApiController]
[Route("api/referrals")]
public sealed partial class ExerciseReferralController(
    IMemberDirectory directory,
    ISwimSchool pool,
    IQuestionnaireStore questionnaires,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<ExerciseReferralController> logger) : ControllerBase
{
    private static readonly Counter<long> Intakes = new Meter("activerx.desk").CreateCounter<long>("activerx.intakes");
    private string? _lastDeclinedNhsNumber;
    private readonly Dictionary<string, string> _pathwayByPatient = new();

    [HttpPost("")]
    public async Task<ActionResult> Refer([FromBody] ReferralIntake intake, CancellationToken cancellationToken)
    {
        using var span = source.StartActiverxOperation("hydro-pool");
        span.SetActiverxMemberId(pseudonymizer.PseudonymizeActiverxMemberId(intake.NhsNumber)); // clean precision-pseudonym
        span.SetActiverxActivity(intake.Pathway); // clean precision-about
        var activity = Activity.Current;
        activity?.SetTag("referral.pathway", intake.Pathway); // clean precision-about
        activity?.SetTag("referral.nhs_number", intake.NhsNumber); // leak TC1001 direct
        activity?.SetTag("referral.patient_name", intake.PatientName); // leak TC1001 direct
        activity?.SetTag("referral.has_precautions", intake.Precautions is not null); // clean precision-about
        activity?.SetTag("referral.precautions", intake.Precautions); // leak TC1001 direct
        activity?.SetTag("referral.email_domain", intake.Email[(intake.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("referral.lesson_id", intake.LessonId); // clean precision-names
        _pathwayByPatient[intake.NhsNumber] = intake.Pathway;

        try
        {
            var lesson = await pool.LessonAsync(intake.LessonId, cancellationToken);
            activity?.SetTag("pool.name", lesson.Pool); // clean precision-names
            activity?.SetTag("pool.places", lesson.Places); // clean precision-about
            logger.LogInformation("Referral on {Pathway} booked into {LessonId} at {Pool}", intake.Pathway, lesson.LessonId, lesson.Pool); // clean precision-names
            logger.LogInformation("Referral for {PatientName} booked into {LessonId}", intake.PatientName, lesson.LessonId); // leak TC1001 direct
            Intakes.Add(1, new KeyValuePair<string, object?>("pathway", intake.Pathway)); // clean precision-about
            Intakes.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeActiverxMemberId(intake.NhsNumber))); // leak TC1003 precision-pseudonym
            meter.CreateActiverxOperationsCounter().Add(1, "hydro-pool", "booked"); // clean generated-api
            return Ok(lesson.LessonId);
        }
        catch (LessonFullException ex)
        {
            _lastDeclinedNhsNumber = intake.NhsNumber;
            logger.LogWarning(ex, "No hydrotherapy place for lesson {LessonId}", intake.LessonId); // clean exceptions
            span.SetActiverxNote(ex.Message); // clean exceptions
            logger.LogActiverxOperationFailedEvent("hydro-pool", "full", pseudonymizer.PseudonymizeActiverxMemberId(intake.NhsNumber), $"lesson {intake.LessonId} full"); // clean generated-api
            return BadRequest("full");
        }
        catch (MemberNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            span.SetActiverxNote($"no member for {intake.PatientName}"); // leak TC1001 generated-api
            return NotFound();
        }
    }

    [HttpGet("declined/last")]
    public ActionResult LastDeclined()
    {
        logger.LogInformation("Last declined referral was {NhsNumber}", _lastDeclinedNhsNumber); // leak TC1001 cross-member
        logger.LogInformation("Declined referrals waiting: {Count}", _pathwayByPatient.Count); // clean cross-member
        logger.LogInformation("Pathways waiting: {Pathways}", string.Join(",", _pathwayByPatient.Values.Distinct())); // clean cross-member
        logger.LogInformation("Patients waiting: {Patients}", string.Join(",", _pathwayByPatient.Keys)); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("questionnaire")]
    public async Task<ActionResult> Questionnaire([FromBody] HealthQuestionnaire form, CancellationToken cancellationToken)
    {
        await questionnaires.SaveAsync(form, cancellationToken);
        var yes = form.Answers.Count(a => a);
        var summary = new QuestionnaireSummary(form.QuestionnaireId, yes, yes > 0);
        logger.LogInformation("PAR-Q stored: {@Summary}", summary); // clean logging-objects
        logger.LogInformation("PAR-Q stored: {Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("PAR-Q stored: {@Form}", form with { Conditions = null, Medication = null }); // leak TC1001 logging-objects
        logger.LogInformation("PAR-Q conditions: {Conditions}", form.Conditions); // leak TC1001 direct
        logger.LogInformation("PAR-Q conditions length {Length}, medication given {HasMedication}", form.Conditions?.Length ?? 0, form.Medication is not null); // clean precision-about
        logger.LogInformation("PAR-Q answers {Answers}", new { form.QuestionnaireId, Yes = yes, summary.NeedsGpClearance }); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("parq.stored", tags: new ActivityTagsCollection { ["parq.id"] = form.QuestionnaireId, ["parq.yes"] = yes })); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("parq.medication", tags: new ActivityTagsCollection { ["parq.medication"] = form.Medication })); // leak TC1001 direct
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(form.MembershipNumber)));
        Activity.Current?.SetTag("parq.member_hash", digest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(form.MembershipNumber))[0] % 16;
        Activity.Current?.SetTag("parq.shard", shard); // clean hashes
        Log.ClearanceNeeded(logger, form.MembershipNumber, yes); // clean logging-objects
        Log.ClearanceNeededPlain(logger, form.MembershipNumber, yes); // leak TC1001 logging-objects
        return Ok(summary);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Member {MembershipNumber} needs GP clearance ({Yes} yes answers)")]
        public static partial void ClearanceNeeded(ILogger logger, [PrivateData] string membershipNumber, int yes);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Member {MembershipNumber} needs GP clearance ({Yes} yes answers)")]
        public static partial void ClearanceNeededPlain(ILogger logger, string membershipNumber, int yes);
    }
}
