namespace PrivacyHoldout93.Education;

/// <summary>The application form for admission: applicant details, qualifications, a personal statement and transcript uploads.</summary>
[ApiController]
[Route("admissions/forms")]
public sealed class AdmissionFormController(
    IFormRegistry forms,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    FormTelemetry telemetry,
    ILogger<AdmissionFormController> logger) : ControllerBase
{
    private const string ApplicantIdField = "fld_ucas_personal_id";
    private const string FullNameField = "fld_full_name";
    private const string EmailField = "fld_email";
    private const string PhoneField = "fld_phone";
    private const string StatementField = "fld_personal_statement";
    private const string ProgrammeField = "fld_programme";

    [HttpPost("{formId}/submit")]
    public async Task<ActionResult> Submit(string formId, [FromBody] FormSubmission submission, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(formId, cancellationToken);
        using var span = telemetry.Source.StartCourseevalSubmit(formId, spanName: "admissions.submit")
            .SetCourseevalFormVersion(form.Version)
            .SetCourseevalCourse(submission.Answer(ProgrammeField) ?? "undeclared"); // clean precision-names
        var applicantId = submission.Answer(ApplicantIdField);
        Activity.Current?.SetBaggage("applicant.id", applicantId); // leak TC1001 direct
        span.Activity?.SetTag("admissions.applicant.ref", applicantId is null ? null : pseudonymizer.ComputeCourseevalRespondentId(applicantId)); // clean precision-pseudonym

        var errors = Validation.ValidateAll(form, submission);
        if (errors.Count > 0)
        {
            span.SetCourseevalErrorCount(errors.Count);
            logger.LogWarning("Application failed validation: {@Errors}", errors); // leak TC1001 logging-objects
            logger.LogWarning("Application failed validation on {Fields}", errors.Select(e => $"{e.FieldId}:{e.Code}").ToList()); // clean precision-names
            var invalid = new FormValidationException(formId, errors);
            logger.LogCourseevalSubmissionRejectedEvent(formId, "invalid", errors[0].FieldId, courseevalNote: invalid.Message); // clean generated-api
            span.RecordException(invalid, description: errors[0].Message); // leak TC1001 exceptions
            return BadRequest(invalid.Message);
        }

        try
        {
            var born = DateOnly.ParseExact(submission.Answer("fld_dob") ?? string.Empty, "dd/MM/yyyy", CultureInfo.InvariantCulture);
            span.Activity?.SetTag("admissions.mature_applicant", born.AddYears(21) <= DateOnly.FromDateTime(DateTime.UtcNow)); // clean precision-about
        }
        catch (FormatException badDate)
        {
            logger.LogWarning(badDate, "Date of birth on application {SubmissionId} could not be read", submission.SubmissionId); // leak TC1001 exceptions
        }

        var name = submission.Answer(FullNameField);
        var email = submission.Answer(EmailField);
        span.Activity?.SetTag("admissions.applicant", $"{name} <{email}>"); // leak TC1001 strings
        span.Activity?.SetTag("admissions.has_phone", !string.IsNullOrEmpty(submission.Answer(PhoneField))); // clean precision-about
        var statement = submission.Answer(StatementField) ?? string.Empty;
        span.Activity?.SetTag("admissions.statement.words", statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        logger.LogDebug("Personal statement opens: {Opening}", statement.Length > 120 ? statement[..120] : statement); // leak TC1001 strings
        span.Activity?.SetTag("admissions.transcripts", submission.Files.Count);
        span.Activity?.SetTag("admissions.transcript.files", string.Join(";", submission.Files.Select(f => f.FileName))); // leak TC1001 strings
        span.Activity?.SetTag("admissions.transcript.types", string.Join(";", submission.Files.Select(f => f.ContentType).Distinct())); // clean precision-about

        try
        {
            await submissions.SaveAsync(submission, cancellationToken);
        }
        catch (DuplicateSubmissionException duplicate)
        {
            span.SetStatus(ActivityStatusCode.Error, duplicate.Message); // clean exceptions
            return Ok(submission.SubmissionId);
        }
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email ?? string.Empty)));
        logger.LogInformation("Application {SubmissionId} stored for applicant {ApplicantDigest}", submission.SubmissionId, digest); // leak TC1002 hashes
        logger.LogInformation("Application {SubmissionId} stored, hash {SubmissionHash}", submission.SubmissionId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(submission.SubmissionId)))[..12]); // clean hashes
        return Ok(submission.SubmissionId);
    }
}
