namespace PrivacyHoldout93.Energy;

/// <summary>
/// The "I'm moving in" form: the new occupant's name, email, phone and move-in date, the meter's serial and a reading
/// with a photo of the meter. Conditional logic asks for the previous supplier only when the occupant is switching.
/// </summary>
public sealed partial class MoveInFormHandler(
    IFormRegistry forms,
    ISubmissionStore submissions,
    IUploadStore uploads,
    Pseudonymizer pseudonymizer,
    FormTelemetry telemetry,
    ILogger<MoveInFormHandler> logger)
{
    private const string MeterSerialField = "fld_meter_serial";
    private const string ReadingField = "fld_reading";
    private const string MoveInDateField = "fld_move_in_date";
    private const string EmailField = "fld_email";
    private const string SwitchingField = "fld_switching";

    public async Task<ActionResult> HandleAsync(FormSubmission submission, string region, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(submission.FormId, cancellationToken);
        using var span = telemetry.Source.StartVisitcsatSubmit(form.Id, spanName: "movein.submit")
            .SetVisitcsatRegion(region)
            .SetVisitcsatFormVersion(form.Version);
        var meterSerial = submission.Answer(MeterSerialField);
        span.Activity?.SetTag("movein.meter.model", meterSerial?.Length >= 3 ? meterSerial[..3] : null); // clean precision-about
        span.Activity?.SetTag("movein.meter.serial", meterSerial); // leak TC1001 direct

        var branch = Branching.Match(form, submission, SwitchingField);
        span.Activity.TagAnswer(submission, SwitchingField); // clean cross-member
        span.Activity.TagAnswer(submission, MeterSerialField); // leak TC1001 cross-member
        span.Activity?.SetTag("movein.branch", branch?.JumpToFieldId ?? "end"); // clean precision-names
        logger.LogDebug("Branch rule {Rule} matched after {FieldId}", branch, SwitchingField); // clean logging-objects

        foreach (var field in form.Fields)
        {
            var error = Validation.Validate(field, submission.Answer(field.Id));
            if (error is null)
            {
                continue;
            }
            LogFieldInvalid(logger, field.Id, FieldTypes.Code(field.Type), error.Code); // clean precision-names
            if (field.Type == FieldType.Email)
            {
                logger.LogVisitcsatSubmissionRejectedEvent(form.Id, "invalid", field.Id, visitcsatNote: error.Message); // leak TC1001 generated-api
            }
        }

        var reading = submission.Answer(ReadingField);
        logger.LogInformation("Opening reading {Reading} for meter {MeterSerial} on {MoveIn}", reading, meterSerial, submission.Answer(MoveInDateField)); // leak TC1001 direct
        span.Activity?.SetTag("movein.reading.digits", reading?.Length ?? 0); // clean precision-about

        foreach (var photo in submission.Files)
        {
            var key = await uploads.PutAsync($"movein/{submission.SubmissionId}/{Guid.NewGuid():N}{photo.Extension}", System.IO.Stream.Null, photo.ContentType, cancellationToken);
            span.Activity?.AddEvent(new ActivityEvent("movein.photo.stored", tags: new ActivityTagsCollection { ["key"] = key, ["bytes"] = photo.Length })); // clean precision-names
        }

        var email = submission.Answer(EmailField);
        var contactRef = email is null ? null : pseudonymizer.ComputeVisitcsatRespondentId(email);
        span.Activity?.SetTag(VisitcsatAttributes.RespondentContact, contactRef); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("movein.contact.ref", contactRef); // clean precision-pseudonym
        var emailDigest = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(email?.Trim().ToLowerInvariant() ?? string.Empty)));
        logger.LogInformation("Move-in contact digest {Digest}", emailDigest); // leak TC1002 hashes

        await submissions.SaveAsync(submission, cancellationToken);
        LogMoveIn(logger, submission.SubmissionId, meterSerial ?? "none"); // leak TC1001 logging-objects
        return new OkResult(submission.SubmissionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Field {FieldId} ({FieldType}) failed {Code}")]
    private static partial void LogFieldInvalid(ILogger logger, string fieldId, string fieldType, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Move-in {SubmissionId} stored for meter {MeterSerial}")]
    private static partial void LogMoveIn(ILogger logger, string submissionId, string meterSerial);
}
