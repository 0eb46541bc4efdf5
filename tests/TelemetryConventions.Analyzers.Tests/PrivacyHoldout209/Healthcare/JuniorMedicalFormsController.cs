namespace PrivacyHoldout209.Healthcare;

/// <summary>A children's hospital sports clinic: junior club members' medical forms and injury reviews.</summary>
[ApiController]
[Route("api/junior-medical")]
public sealed partial class JuniorMedicalFormsController(
    IMedicalFormStore forms,
    IMemberStore members,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<JuniorMedicalFormsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Healthcare.MedicalForms");
    private static readonly Meter Meter = new("PrivacyHoldout209.Healthcare.MedicalForms");
    private static readonly Counter<long> FormsReviewed = Meter.CreateCounter<long>("clinic.medical_forms.reviewed");

    private string? _lastIncompleteMemberRef;
    private int _incompleteForms;

    [HttpGet("{memberRef}/form")]
    public async Task<ActionResult> GetForm(string memberRef, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("medical-form.get");
        activity?.SetTag("junior.member_ref", memberRef); // leak TC1001 direct
        activity?.SetTag("junior.member_ref.length", memberRef.Length); // clean precision-about

        var form = await forms.LatestAsync(memberRef, cancellationToken);
        if (form is null)
        {
            logger.LogInformation("No medical form for {MemberRef}", memberRef); // leak TC1001 direct
            return NotFound();
        }

        activity?.SetTag("medical_form.id", form.FormId); // clean precision-names
        activity?.SetTag("medical_form.has_allergies", form.Allergies.Length > 0); // clean precision-about
        activity?.SetTag("medical_form.allergies", form.Allergies); // leak TC1001 direct
        activity?.SetTag("medical_form.emergency_phone", form.EmergencyPhone); // leak TC1001 direct
        activity?.SetTag("medical_form.child_name_length", form.ChildName.Length); // clean precision-about
        logger.LogDebug("Form returned: {@Form}", form); // leak TC1001 logging-objects
        logger.LogDebug("Form summary: {@Summary}", new MedicalSummary(form.FormId, "u11", form.Allergies.Length > 0, form.Conditions.Split(',').Length)); // clean logging-objects
        return Ok(form);
    }

    [HttpPost("{memberRef}/form")]
    public async Task<ActionResult> SubmitForm(string memberRef, [FromBody] MedicalForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubmedicOperation("junior-clinic");
        span.SetClubmedicMemberId(pseudonymizer.PseudonymizeClubmedicMemberId(memberRef)); // clean precision-pseudonym
        span.SetClubmedicKind("medical-form"); // clean generated-api
        span.SetClubmedicCount(form.Conditions.Split(',', StringSplitOptions.RemoveEmptyEntries).Length); // clean generated-api

        var member = await members.FindAsync(memberRef, cancellationToken);
        if (member is null)
        {
            var notFound = new MemberNotFoundException(memberRef);
            span.SetClubmedicNote(notFound.Message); // leak TC1001 generated-api
            span.RecordException(notFound); // clean exceptions
            return NotFound();
        }

        span.SetClubmedicTeam(member.AgeGroup); // clean generated-api
        span.SetClubmedicNote($"form for {member.FirstName} {member.LastName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("junior.birth_year", member.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("junior.date_of_birth", member.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct

        if (string.IsNullOrWhiteSpace(form.EmergencyPhone))
        {
            _incompleteForms++;
            _lastIncompleteMemberRef = memberRef;
            span.SetClubmedicOutcome("missing"); // clean generated-api
            return BadRequest("An emergency contact is required");
        }

        await forms.SaveAsync(form, cancellationToken);
        FormsReviewed.Add(1, new KeyValuePair<string, object?>("age_group", member.AgeGroup)); // clean precision-about
        FormsReviewed.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeClubmedicMemberId(memberRef))); // leak TC1003 precision-pseudonym
        Meter.CreateClubmedicOperationsCounter().Add(1, "junior-clinic", "accepted"); // clean generated-api
        LogFormSaved(logger, form.FormId, memberRef); // clean logging-objects
        LogFormSavedForChild(logger, form.FormId, member.FirstName); // leak TC1001 logging-objects
        return Ok(new { form.FormId });
    }

    [HttpGet("incomplete")]
    public ActionResult Incomplete()
    {
        Activity.Current?.SetTag("medical_forms.incomplete", _incompleteForms); // clean cross-member
        Activity.Current?.SetTag("medical_forms.last_incomplete", _lastIncompleteMemberRef); // leak TC1001 cross-member
        logger.LogInformation("Last incomplete form was for {Member}", _lastIncompleteMemberRef); // leak TC1001 cross-member
        return Ok(_incompleteForms);
    }

    [HttpPost("injury-review")]
    public ActionResult ReviewInjury([FromBody] InjuryReview review)
    {
        using var activity = Source.StartActivity("injury-review");
        activity?.SetTag("injury.review_id", review.ReviewId); // clean precision-names
        activity?.SetTag("injury.site", review.InjurySite); // clean precision-about
        activity?.SetTag("injury.days_out", review.DaysOut); // clean precision-about
        activity?.SetTag("patient.hospital_number", review.HospitalNumber); // leak TC1001 direct
        activity?.SetTag("injury.clinician_notes", review.ClinicianNotes); // leak TC1001 direct
        activity?.SetTag("injury.clinician_notes.words", review.ClinicianNotes.Split(' ').Length); // clean precision-about

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(review.HospitalNumber)))[..12];
        activity?.SetTag("patient.hospital_number.sha", digest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(review.HospitalNumber))[0] % 16;
        activity?.SetTag("patient.shard", shard); // clean hashes
        FormsReviewed.Add(1, new KeyValuePair<string, object?>("patient.shard", shard)); // clean hashes

        var reviewCopy = review with { HospitalNumber = "", ClinicianNotes = "" };
        logger.LogInformation("Review stored {Review}", reviewCopy); // leak TC1001 logging-objects
        logger.LogInformation("Review {ReviewId} at {Site} for {DaysOut} days", review.ReviewId, review.InjurySite, review.DaysOut); // clean logging-objects

        using (logger.BeginScope(new Dictionary<string, object> { ["ReviewId"] = review.ReviewId, ["InjurySite"] = review.InjurySite })) // clean logging-objects
        {
            logger.LogInformation("Return to play stage assessed"); // clean logging-objects
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["HospitalNumber"] = review.HospitalNumber })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Review filed");
        }

        Activity.Current?.AddEvent(new ActivityEvent("injury.reviewed", tags: new ActivityTagsCollection { ["days_out"] = review.DaysOut })); // clean precision-about
        Activity.Current?.AddBaggage("junior.member", pseudonymizer.ComputeClubmedicMemberId(review.MemberRef)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("junior.member_ref", review.MemberRef); // leak TC1001 direct
        return Ok(review.ReviewId);
    }

    [HttpGet("{memberRef}/clearance")]
    public async Task<ActionResult> Clearance(string memberRef, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var form = await forms.LatestAsync(memberRef, cancellationToken) ?? throw new MemberNotFoundException(memberRef);
            var tag = (HashCode.Combine(form.MemberRef) & 0xFFFF).ToString("x4");
            Activity.Current?.SetTag("clearance.member_hash", tag); // leak TC1002 hashes
            Activity.Current?.SetTag("clearance.form_id", form.FormId); // clean precision-names
            return Ok(form.FormId);
        }
        catch (MemberNotFoundException ex)
        {
            logger.LogWarning(ex, "Clearance failed"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogClubmedicOperationFailedEvent("junior-clinic", "missing", pseudonymizer.PseudonymizeClubmedicMemberId(memberRef), "no form on file"); // clean generated-api
            return NotFound();
        }
        finally
        {
            Meter.CreateClubmedicOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "junior-clinic"); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Medical form {FormId} saved for {MemberRef}")]
    private static partial void LogFormSaved(ILogger logger, string formId, [PrivateData] string memberRef);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Medical form {FormId} saved for {FirstName}")]
    private static partial void LogFormSavedForChild(ILogger logger, string formId, string firstName);
}
