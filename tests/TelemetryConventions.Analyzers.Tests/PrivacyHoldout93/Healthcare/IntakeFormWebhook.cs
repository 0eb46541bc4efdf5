namespace PrivacyHoldout93.Healthcare;

/// <summary>
/// Receives the pre-appointment intake form's webhook: the patient fills it in from the appointment letter's
/// link (hospital number, date of birth, mobile, email, allergies, current medicines), the service validates it
/// against the published definition and stores it for the clinic.
/// </summary>
public sealed class IntakeFormWebhook(
    IFormRegistry forms,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FormTelemetry telemetry,
    ILogger<IntakeFormWebhook> logger)
{
    private const string HospitalNumberField = "fld_hospital_number";
    private const string DateOfBirthField = "fld_dob";
    private const string EmailField = "fld_email";
    private const string AllergiesField = "fld_allergies";

    private readonly IntakeSubmissionsCounter _submitted = telemetry.Meter.CreateIntakeSubmissionsCounter();
    private readonly IntakeCompletionDurationHistogram _duration = telemetry.Meter.CreateIntakeCompletionDurationHistogram();
    private readonly Counter<long> _bySite = telemetry.Meter.CreateCounter<long>("intake.submissions.by_site");

    public async Task<ActionResult> HandleAsync(FormSubmission submission, string clinic, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(submission.FormId, cancellationToken);
        using var span = telemetry.Source.StartIntakeSubmit(form.Id)
            .SetIntakeFormVersion(form.Version)
            .SetIntakeSubmissionId(submission.SubmissionId) // clean precision-names
            .SetIntakeClinic(clinic) // clean precision-names
            .SetIntakeAnswerCount(submission.Answers.Count);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["FormId"] = form.Id, ["SubmissionId"] = submission.SubmissionId, ["Clinic"] = clinic }); // clean logging-objects

        var hospitalNumber = submission.Answer(HospitalNumberField) ?? submission.RespondentId;
        if (hospitalNumber is not null)
        {
            span.SetIntakeRespondentId(pseudonymizer.PseudonymizeIntakeRespondentId(hospitalNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("intake.patient", pseudonymizer.ComputeIntakeRespondentId(hospitalNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("intake.hospital_number", hospitalNumber); // leak TC1001 direct
        }

        var errors = Validation.ValidateAll(form, submission);
        if (errors.Count > 0)
        {
            span.SetIntakeErrorCount(errors.Count).SetIntakeOutcome("invalid");
            foreach (var error in errors)
            {
                logger.LogWarning("Intake field {FieldId} failed validation: {Code}", error.FieldId, error.Code); // clean precision-names
                logger.LogDebug("Validation detail for {FieldId}: {Detail}", error.FieldId, error.Message); // leak TC1001 cross-member
            }
            logger.LogIntakeSubmissionRejectedEvent(form.Id, "invalid", errors[0].FieldId, intakeNote: string.Join("; ", errors.Select(e => e.Message))); // leak TC1001 generated-api
            var invalid = new FormValidationException(form.Id, errors);
            span.RecordException(invalid, includeMessage: true); // clean exceptions
            _submitted.Add(1, form.Id, submission.Channel, "invalid"); // clean generated-api
            return new BadRequestResult(invalid.Message);
        }

        var dateOfBirth = submission.Answer(DateOfBirthField);
        if (DateOnly.TryParse(dateOfBirth, CultureInfo.InvariantCulture, out var born))
        {
            span.Activity?.SetTag("intake.patient.age_band", AgeBand(born)); // clean precision-about
            logger.LogDebug("Intake for patient born {DateOfBirth} at {Clinic}", born, clinic); // leak TC1001 direct
        }

        var email = submission.Answer(EmailField);
        span.Activity?.SetTag("intake.email.domain", email?.Split('@').LastOrDefault()); // clean precision-about
        span.Activity?.SetTag(IntakeAttributes.RespondentContact, email); // leak TC1001 generated-api
        span.Activity.TagAnswer(submission, "fld_preferred_language"); // clean cross-member
        span.Activity.TagAnswer(submission, "fld_mobile"); // leak TC1001 cross-member
        span.Activity?.SetTag("intake.allergies.declared", !string.IsNullOrWhiteSpace(submission.Answer(AllergiesField))); // clean precision-about
        logger.LogDebug("Intake answers {@Answers}", submission.Answers); // leak TC1001 logging-objects
        logger.LogInformation("Storing intake submission {Submission}", submission); // clean logging-objects

        try
        {
            await submissions.SaveAsync(submission, cancellationToken);
        }
        catch (DuplicateSubmissionException duplicate)
        {
            logger.LogInformation(duplicate, "Intake webhook redelivered"); // clean exceptions
            return new OkResult(null);
        }

        if (hospitalNumber is not null)
        {
            var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber)))[..2]; // clean hashes
            span.Activity?.SetTag("intake.patient.shard", shard); // clean hashes
            _bySite.Add(1, new KeyValuePair<string, object?>("clinic", clinic), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeIntakeRespondentId(hospitalNumber))); // leak TC1003 precision-pseudonym
        }
        _duration.Record(submission.TimeToComplete.TotalSeconds, form.Id, submission.Channel); // clean generated-api
        _submitted.Add(1, form.Id, submission.Channel, "submitted"); // clean generated-api
        span.SetIntakeOutcome("submitted");
        return new OkResult(submission.SubmissionId);
    }

    private static string AgeBand(DateOnly born)
    {
        var years = DateTime.UtcNow.Year - born.Year;
        return years < 18 ? "0-17" : years < 65 ? "18-64" : "65+";
    }
}
