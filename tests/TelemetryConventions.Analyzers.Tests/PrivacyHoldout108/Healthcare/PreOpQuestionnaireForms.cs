namespace PrivacyHoldout108.Healthcare;

/// <summary>The pre-operative questionnaire: patients fill it in online, the service renders the answers into the trust's PDF template and adds it to the consent envelope.</summary>
public sealed class PreOpQuestionnaireForms(
    PdfFormFiller filler,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PreOpQuestionnaireForms> logger)
{
    private static readonly ActivitySource Source = new("Trust.PreOp.Forms");
    private static readonly Histogram<int> FieldsFilled = new Meter("Trust.PreOp.Forms").CreateHistogram<int>("preop.form.fields_filled");

    private static readonly PdfTemplate Template = new("tpl-preop-questionnaire", 5, "en-GB",
        ["NhsNumber", "FullName", "DateOfBirth", "MobilePhone", "Allergies", "Medications", "FastingConfirmed"]);

    public GeneratedPdf Render(FormSubmission submission, string hospitalNumber)
    {
        using var activity = Source.StartActivity("preop.render");
        var values = submission.Values;
        activity?.SetTag("form.id", submission.FormId); // clean precision-names
        activity?.SetTag("form.version", submission.Version); // clean precision-names
        activity?.SetTag("form.submission_id", submission.SubmissionId); // clean precision-names
        activity?.SetTag("form.field_names", string.Join(",", values.Keys)); // clean precision-names
        activity?.SetTag("form.nhs_number", values["NhsNumber"]); // leak TC1001 direct
        activity?.SetTag("form.has_mobile", values.TryGetValue("MobilePhone", out var mobile) && mobile.Length > 0); // clean precision-about
        activity?.SetTag("form.fasting_confirmed", values.GetValueOrDefault("FastingConfirmed")); // clean precision-names
        FieldsFilled.Record(values.Count(v => v.Value.Length > 0), new KeyValuePair<string, object?>("form.id", submission.FormId)); // clean precision-about

        logger.LogInformation("Rendering pre-op submission {Submission}", submission); // clean logging-objects
        logger.LogDebug("Pre-op answers {@Answers}", values); // leak TC1001 logging-objects

        var fileName = $"preop_{values["FullName"].Replace(' ', '_')}_{submission.SubmittedAt:yyyyMMdd}.pdf";
        var pdf = filler.Fill(Template, values, fileName);
        logger.LogInformation("Pre-op PDF {Pdf}", pdf); // leak TC1001 strings
        activity?.SetTag("pdf.pages", pdf.PageCount); // clean precision-about
        activity?.SetTag("pdf.sha256", Convert.ToHexString(SHA256.HashData(pdf.Content))); // clean hashes

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16;
        activity?.SetTag("preop.shard", shard); // clean hashes
        activity?.SetTag("preop.patient", pseudonymizer.ComputeConsentsignSignerId(hospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("preop.patient.key", hospitalNumber.GetHashCode()); // leak TC1002 hashes
        return pdf;
    }

    public void Validate(FormSubmission submission)
    {
        try
        {
            foreach (var field in Template.FieldNames.Where(f => !submission.Values.ContainsKey(f)))
            {
                throw new PdfFieldNotFoundException(field, Template.TemplateId);
            }
            if (submission.Values["NhsNumber"].Length != 10)
            {
                throw new PdfFieldValueException("NhsNumber", submission.Values["NhsNumber"]);
            }
        }
        catch (PdfFieldNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Pre-op form {FormId} is missing field {Field}", submission.FormId, ex.Field); // clean exceptions
            throw;
        }
        catch (PdfFieldValueException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Pre-op field {Field} refused", ex.Field); // clean exceptions
            throw;
        }
    }
}
