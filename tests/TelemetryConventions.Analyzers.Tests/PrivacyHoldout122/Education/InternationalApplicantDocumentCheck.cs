namespace PrivacyHoldout122.Education;

public sealed record PassportUpload(string StudentNumber, string ApplicantId, string Campus, byte[] Image);

/// <summary>
/// Reads an international applicant's passport for the visa sponsorship file: OCR, the MRZ and its
/// check digits, expiry, and a comparison with the name on the application.
/// </summary>
public sealed class InternationalApplicantDocumentCheck(
    IDocumentReader reader,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<InternationalApplicantDocumentCheck> logger)
{
    private readonly Counter<long> _mrzFailures = meter.CreateCounter<long>("enrol.mrz.failures");

    public async Task<bool> CheckAsync(PassportUpload upload, string applicationSurname, CancellationToken cancellationToken)
    {
        using var span = source.StartEnrolidvVerify(upload.ApplicantId, "in-house-ocr"); // leak TC1001 generated-api
        span.SetEnrolidvCampus(upload.Campus).SetEnrolidvDocumentType("passport"); // clean generated-api
        span.SetEnrolidvStudentId(pseudonymizer.PseudonymizeEnrolidvStudentId(upload.StudentNumber)); // clean generated-api

        var ocr = await reader.ReadAsync(upload.Image, "passport", cancellationToken);
        span.SetEnrolidvDocumentCountry(ocr.IssuingCountry); // clean generated-api
        span.Activity?.SetTag("passport.nationality", ocr.Nationality); // clean precision-about
        span.Activity?.SetTag("passport.number", ocr.DocumentNumber); // leak TC1001 direct
        span.Activity?.SetTag("passport.number_length", ocr.DocumentNumber?.Length); // clean precision-about

        Mrz mrz;
        try
        {
            mrz = reader.ParseMrz(ocr.RawText);
        }
        catch (MrzParseException ex)
        {
            _mrzFailures.Add(1, new KeyValuePair<string, object?>("country", ocr.IssuingCountry)); // clean precision-names
            logger.LogWarning(ex, "MRZ unreadable at position {Position}", ex.Position); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return false;
        }

        span.Activity?.SetTag("passport.mrz_format", mrz.Format); // clean precision-names
        span.Activity?.SetTag("passport.mrz_valid", mrz.CheckDigitsValid); // clean precision-about
        if (!mrz.CheckDigitsValid)
        {
            logger.LogWarning("MRZ check digits failed: {Line1} / {Line2}", mrz.Line1, mrz.Line2); // leak TC1001 direct
            logger.LogWarning("MRZ check digits failed: {Mrz}", mrz); // leak TC1001 logging-objects
        }

        var nameMatches = string.Equals(ocr.LastName, applicationSurname, StringComparison.OrdinalIgnoreCase);
        span.Activity?.SetTag("passport.surname_matches", nameMatches); // clean precision-about
        if (!nameMatches)
        {
            logger.LogInformation("Surname on passport {PassportSurname} differs from application {ApplicationSurname}", ocr.LastName, applicationSurname); // leak TC1001 direct
            span.SetEnrolidvNote("surname on passport differs from the application"); // clean generated-api
        }

        if (ocr.DateOfExpiry is { } expiry && expiry < DateOnly.FromDateTime(DateTime.Today).AddMonths(6))
        {
            var ex = new DocumentExpiredException("passport", ocr.DocumentNumber ?? "?", expiry);
            logger.LogWarning("Passport refused: {Reason}", ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("passport.months_left", (expiry.Year - DateTime.Today.Year) * 12 + expiry.Month - DateTime.Today.Month); // clean precision-about
            span.Activity?.SetTag("passport.refused_type", ex.DocumentType); // clean exceptions
            return false;
        }

        span.SetEnrolidvOutcome("read"); // clean generated-api
        return true;
    }
}
