namespace PrivacyHoldout120.Education;

public sealed record FeeProtectionEnrolment(string StudentNumber, string FullName, string Email, string CourseCode, string PolicyNumber, decimal TuitionFee, bool SponsorPays, string? SponsorOrganisation);

/// <summary>Issues the tuition fee protection certificate at enrolment and emails it to the student.</summary>
public sealed partial class FeeProtectionDocuments(
    IPolicyDocumentService documents,
    Pseudonymizer pseudonymizer,
    ILogger<FeeProtectionDocuments> logger)
{
    private const string CertificateTemplate = "tpl-fee-protection-cert-v4";
    private static readonly ActivitySource Source = new("University.Cover.Documents");
    private static readonly Meter Meter = new("University.Cover.Documents");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("fee_protection.certificates");

    public async Task IssueAsync(FeeProtectionEnrolment enrolment, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fee_protection.certificate");
        activity?.SetTag("document.template", CertificateTemplate); // clean precision-names
        activity?.SetTag("course.code", enrolment.CourseCode); // clean precision-names
        activity?.SetTag("fee.sponsor", enrolment.SponsorOrganisation); // clean precision-names
        activity?.SetTag("fee.amount", (double)enrolment.TuitionFee); // clean precision-about
        activity?.SetTag("student.email.domain", enrolment.Email[(enrolment.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(TuitioncoverAttributes.StudentContact, enrolment.Email); // leak TC1001 generated-api
        activity?.SetTag(TuitioncoverAttributes.StudentId, pseudonymizer.ComputeTuitioncoverStudentId(enrolment.StudentNumber)); // clean precision-pseudonym

        var request = new PolicyDocumentRequest(enrolment.PolicyNumber, CertificateTemplate, "certificate", enrolment.FullName, enrolment.Email);
        PolicyDocument document;
        try
        {
            document = await documents.RenderAsync(request, ct);
        }
        catch (TemplateNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            LogTemplateMissing(logger, ex.TemplateId, enrolment.CourseCode); // clean exceptions
            throw;
        }

        activity?.SetTag("document.id", document.DocumentId); // clean precision-names
        activity?.SetTag("document.pages", document.Pages); // clean precision-about
        activity?.SetTag("document.file", document.FileName); // leak TC1001 cross-member
        logger.LogInformation("Rendered {Document}", document); // leak TC1001 logging-objects
        LogIssued(logger, document.DocumentId, enrolment.StudentNumber); // leak TC1001 logging-objects
        LogIssuedRedacted(logger, document.DocumentId, enrolment.StudentNumber); // clean logging-objects

        try
        {
            await documents.SendAsync(document, enrolment.Email, ct);
            Issued.Add(1, new KeyValuePair<string, object?>("course", enrolment.CourseCode), new KeyValuePair<string, object?>("sponsored", enrolment.SponsorPays)); // clean precision-names
        }
        catch (DocumentDeliveryException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Certificate {DocumentId} not delivered: {Reason}", document.DocumentId, ex.Reason); // clean exceptions
            Issued.Add(1, new KeyValuePair<string, object?>("course", enrolment.CourseCode), new KeyValuePair<string, object?>("student", pseudonymizer.ComputeTuitioncoverStudentId(enrolment.StudentNumber))); // leak TC1003 precision-pseudonym
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {DocumentId} issued to {StudentNumber}")]
    private static partial void LogIssued(ILogger logger, string documentId, string studentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {DocumentId} issued to {StudentNumber}")]
    private static partial void LogIssuedRedacted(ILogger logger, string documentId, [PrivateData] string studentNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Certificate template {TemplateId} missing for course {Course}")]
    private static partial void LogTemplateMissing(ILogger logger, string templateId, string course);
}
