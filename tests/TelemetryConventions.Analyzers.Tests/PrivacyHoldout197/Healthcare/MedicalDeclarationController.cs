namespace PrivacyHoldout197.Healthcare;

public sealed record DeclarationForm(string LicenceNumber, string ConditionCode, string Statement, bool InsulinTreated, string GpPracticeCode, string ContactEmail);

public sealed record FitnessDecision(string DeclarationId, string Decision, int LicenceYears, string ReviewerStaffNumber);

/// <summary>A trust's fitness-to-drive clinic: licence holders declare conditions, clinicians decide how long a licence may run.</summary>
[ApiController]
[Route("api/fitness-to-drive")]
public sealed partial class MedicalDeclarationController(LicenceRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets,
    Meter meter, ILogger<MedicalDeclarationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.FitnessToDrive");
    private static readonly Meter ClinicMeter = new("Trust.FitnessToDrive");
    private static readonly Counter<long> Declarations = ClinicMeter.CreateCounter<long>("fitness.declarations");

    private string? _currentReviewer;

    [HttpPost("declarations")]
    public async Task<ActionResult> Declare([FromBody] DeclarationForm form, CancellationToken ct)
    {
        using var span = Source.StartMedfitOperation("fitness-clinic");
        var holder = pseudonymizer.PseudonymizeMedfitCandidateId(form.LicenceNumber);
        span.SetMedfitCandidateId(holder); // clean generated-api
        span.SetMedfitOutcome("declared"); // clean generated-api
        span.SetMedfitNote($"condition {form.ConditionCode}, insulin {form.InsulinTreated}"); // clean generated-api
        Activity.Current?.SetTag("fitness.condition_code", form.ConditionCode); // clean precision-about
        Activity.Current?.SetTag("fitness.gp_practice", form.GpPracticeCode); // clean precision-names
        Activity.Current?.SetTag("fitness.statement_length", form.Statement.Length); // clean precision-about
        Activity.Current?.SetTag("fitness.holder", holder); // clean precision-pseudonym
        Activity.Current?.SetTag("fitness.contact", form.ContactEmail); // leak TC1001 direct
        Activity.Current?.SetTag("fitness.statement", form.Statement); // leak TC1001 direct

        var licence = await register.FindAsync(form.LicenceNumber, ct);
        if (licence is null)
        {
            var ex = new LicenceNotFoundException(form.LicenceNumber);
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Declaration for a licence not on the register"); // leak TC1001 exceptions
            logger.LogMedfitOperationFailedEvent("fitness-clinic", "no-licence", holder, ex.Message); // leak TC1001 generated-api
            meter.CreateMedfitOperationsCounter().Add(1, "fitness-clinic", "no-licence"); // clean generated-api
            return NotFound("no such licence");
        }

        var declaration = new MedicalDeclaration(Guid.NewGuid().ToString("N"), form.LicenceNumber, form.ConditionCode, form.Statement, DateOnly.FromDateTime(DateTime.Today), form.InsulinTreated);
        await register.RecordDeclarationAsync(declaration, ct);
        logger.LogInformation("Declaration recorded {Declaration}", declaration); // leak TC1001 logging-objects
        logger.LogInformation("Declaration recorded {DeclarationId} for condition {Condition}", declaration.DeclarationId, declaration.ConditionCode); // clean precision-names
        logger.LogInformation("Declaration recorded {@Declaration}", new { declaration.DeclarationId, declaration.ConditionCode, declaration.InsulinTreated }); // clean logging-objects
        logger.LogInformation("Declaration recorded {@Declaration}", new { declaration.DeclarationId, Holder = licence.FullName }); // leak TC1001 logging-objects
        Log.DeclarationReceived(logger, form.LicenceNumber, declaration.ConditionCode); // clean logging-objects
        Log.DeclarationReceivedUnclassified(logger, form.LicenceNumber, declaration.ConditionCode); // leak TC1001 direct
        Declarations.Add(1, new KeyValuePair<string, object?>("condition", form.ConditionCode)); // clean precision-about
        Declarations.Add(1, new KeyValuePair<string, object?>("holder", holder.ToString())); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("fitness.holder_age", DateTime.Today.Year - licence.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("fitness.holder_name", licence.FullName); // leak TC1001 direct
        Activity.Current?.SetTag("fitness.dedupe", HashCode.Combine(form.LicenceNumber, form.ConditionCode)); // leak TC1002 hashes
        Activity.Current?.SetTag("fitness.case_key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(form.LicenceNumber)))[..12]); // clean hashes
        meter.CreateMedfitOperationDurationHistogram().Record(0.4, "fitness-clinic"); // clean generated-api
        return Ok(new { declaration.DeclarationId });
    }

    [HttpPost("decisions")]
    public ActionResult Decide([FromBody] FitnessDecision decision)
    {
        _currentReviewer = decision.ReviewerStaffNumber;
        using var activity = Source.StartActivity("fitness.decide");
        activity?.SetTag("fitness.declaration_id", decision.DeclarationId); // clean precision-names
        activity?.SetTag("fitness.decision", decision.Decision); // clean precision-about
        activity?.SetTag("fitness.licence_years", decision.LicenceYears); // clean precision-about
        activity?.SetTag("fitness.reviewer", decision.ReviewerStaffNumber); // leak TC1001 direct
        logger.LogInformation("Decision {@Decision}", decision); // leak TC1001 logging-objects
        logger.LogInformation("Decision {Decision}", decision with { ReviewerStaffNumber = "redacted" }); // clean logging-objects
        Audit(activity, decision.Decision);
        return Ok();
    }

    private void Audit(Activity? activity, string outcome)
    {
        activity?.AddEvent(new ActivityEvent("fitness.audited", tags: new ActivityTagsCollection { ["outcome"] = outcome, ["reviewer"] = _currentReviewer })); // leak TC1001 cross-member
        activity?.SetTag("fitness.reviewed", _currentReviewer is not null); // clean cross-member
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Declaration from {LicenceNumber} for {ConditionCode}")]
        public static partial void DeclarationReceived(ILogger logger, [PrivateData] string licenceNumber, string conditionCode);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Declaration (unclassified) from {LicenceNumber} for {ConditionCode}")]
        public static partial void DeclarationReceivedUnclassified(ILogger logger, string licenceNumber, string conditionCode);
    }
}
