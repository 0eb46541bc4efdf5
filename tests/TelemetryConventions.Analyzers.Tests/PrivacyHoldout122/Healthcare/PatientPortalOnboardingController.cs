namespace PrivacyHoldout122.Healthcare;

public sealed record StartVerificationRequest(string NhsNumber, string FirstName, string LastName, string Email, DateOnly DateOfBirth, string PracticeCode);

/// <summary>A capture from the vendor's web SDK; <c>FileName</c> is the SDK's own, <c>document_{side}_{capture id}.jpg</c>.</summary>
public sealed record DocumentCaptureRequest(string ApplicantId, string DocumentType, string Side, string FileName, byte[] Image);

/// <summary>The patient portal's "verify your identity" step: the applicant at the vendor, the SDK token, the document scan.</summary>
[ApiController]
[Route("api/onboarding")]
public sealed class PatientPortalOnboardingController(
    IVeriDocClient veriDoc,
    IDocumentReader reader,
    IOnboardingStore store,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    ILogger<PatientPortalOnboardingController> logger) : ControllerBase
{
    [HttpPost("start")]
    public async Task<ActionResult> StartAsync([FromBody] StartVerificationRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("portal.onboarding.start");
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("onboarding.practice", request.PracticeCode); // clean precision-names
        activity?.SetTag(PatientidvAttributes.PatientId, pseudonymizer.ComputePatientidvPatientId(request.NhsNumber)); // clean precision-pseudonym

        var applicant = await veriDoc.CreateApplicantAsync(new ApplicantRequest(request.FirstName, request.LastName, request.Email, request.DateOfBirth, request.NhsNumber), cancellationToken);
        logger.LogInformation("Created applicant {ApplicantId} for portal registration", applicant.Id); // leak TC1001 direct
        logger.LogInformation("Created applicant for practice {Practice}, email domain {Domain}", request.PracticeCode, request.Email.Split('@')[^1]); // clean precision-about

        var token = await veriDoc.CreateSdkTokenAsync(applicant.Id, "https://portal.example-gp.nhs.uk/*", cancellationToken);
        logger.LogDebug("SDK token issued, {Length} characters, expires in 90 minutes", token.Length); // clean precision-about

        await store.SaveAsync(new OnboardingCase(Guid.NewGuid(), request.NhsNumber, request.Email, "portal", DateTimeOffset.UtcNow) { ApplicantId = applicant.Id }, cancellationToken);
        logger.LogInformation("Applicant created: {@Applicant}", applicant); // leak TC1001 logging-objects
        return Ok(new { applicantId = applicant.Id, sdkToken = token });
    }

    [HttpPost("document")]
    public async Task<ActionResult> CaptureDocumentAsync([FromBody] DocumentCaptureRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("portal.onboarding.document");
        activity?.SetTag("document.type", request.DocumentType); // clean precision-names
        activity?.SetTag("document.side", request.Side); // clean precision-names
        activity?.SetTag("document.file_name", request.FileName); // clean strings
        activity?.SetTag("document.bytes", request.Image.Length); // clean precision-about

        OcrResult ocr;
        try
        {
            ocr = await reader.ReadAsync(request.Image, request.DocumentType, cancellationToken);
        }
        catch (ImageQualityException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Document image rejected for applicant {ApplicantRef}", pseudonymizer.ComputePatientidvPatientId(request.ApplicantId)); // clean precision-pseudonym
            return BadRequest(ex.Problem);
        }

        activity?.SetTag("ocr.confidence", ocr.OverallConfidence); // clean precision-about
        activity?.SetTag("ocr.document_country", ocr.IssuingCountry); // clean precision-names
        activity?.SetTag("ocr.fields", string.Join(",", ocr.Fields.Keys)); // clean strings
        if (ocr.OverallConfidence < options.OcrConfidenceFloor)
        {
            logger.LogWarning("Low OCR confidence on {DocumentType}: {Fields}", ocr.DocumentType, string.Join("; ", ocr.Fields.Select(f => $"{f.Key}={f.Value}"))); // leak TC1001 strings
            logger.LogWarning("Low OCR confidence on {DocumentType}: {LowFields}", ocr.DocumentType, string.Join(",", ocr.Confidence.Where(c => c.Value < options.OcrConfidenceFloor).Select(c => c.Key))); // clean strings
        }

        logger.LogInformation("OCR read {DocumentType} number {DocumentNumber}", ocr.DocumentType, ocr.DocumentNumber); // leak TC1001 direct
        activity?.SetTag("ocr.holder", $"{ocr.FirstName} {ocr.LastName}"); // leak TC1001 strings
        activity?.SetTag("ocr.date_of_birth", ocr.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        activity?.SetTag("ocr.age", ocr.DateOfBirth is { } dob ? DateTime.Today.Year - dob.Year : null); // clean precision-about
        activity?.SetTag("ocr.document_expired", ocr.DateOfExpiry < DateOnly.FromDateTime(DateTime.Today)); // clean precision-about
        return Ok(new { ocr.DocumentType, ocr.IssuingCountry });
    }
}
