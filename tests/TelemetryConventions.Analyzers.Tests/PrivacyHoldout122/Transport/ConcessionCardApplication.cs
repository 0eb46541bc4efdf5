namespace PrivacyHoldout122.Transport;

public sealed record ConcessionApplication(Guid ApplicationId, Guid RiderId, string FullName, DateOnly DateOfBirth, string Email, string Postcode, string Scheme, string? NationalInsuranceNumber, byte[] Photo);

/// <summary>
/// Older person's and disabled person's bus passes: proof of age (a document, or the DWP match on a
/// National Insurance number), proof of residence in the authority, and a photo check for the card.
/// </summary>
public sealed partial class ConcessionCardApplication(
    IDocumentReader reader,
    IBiometricsClient biometrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<ConcessionCardApplication> logger)
{
    private const int PensionAge = 66;

    private readonly Counter<long> _applications = meter.CreateCounter<long>("concession.applications");

    [LoggerMessage(Level = LogLevel.Information, Message = "Concession application {ApplicationId} for {Scheme} from {Postcode}")]
    private static partial void Received(ILogger logger, Guid applicationId, string scheme, [PrivateData] string postcode);

    public async Task<string> AssessAsync(ConcessionApplication application, byte[]? documentImage, CancellationToken cancellationToken)
    {
        using var span = source.StartRideridvVerify(application.ApplicationId.ToString(), "in-house").SetRideridvScheme(application.Scheme); // clean generated-api
        span.SetRideridvRiderId(pseudonymizer.PseudonymizeRideridvRiderId(application.RiderId.ToString())); // clean generated-api
        Received(logger, application.ApplicationId, application.Scheme, application.Postcode); // clean logging-objects
        span.Activity?.SetTag("application.postcode_district", application.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("application.has_nino", application.NationalInsuranceNumber is not null); // clean precision-about
        span.Activity?.SetTag("application.nino", application.NationalInsuranceNumber); // leak TC1001 direct
        span.Activity?.SetTag("application.nino_hash", application.NationalInsuranceNumber?.GetHashCode()); // leak TC1002 hashes
        span.Activity?.SetTag("application.rider_partition", HMACSHA256.HashData(secrets.ShardKey, application.RiderId.ToByteArray())[0] % 16); // clean hashes

        var age = DateTime.Today.Year - application.DateOfBirth.Year;
        span.Activity?.SetTag("application.age", age); // clean precision-about
        span.Activity?.SetTag("application.meets_pension_age", age >= PensionAge); // clean precision-about
        _applications.Add(1, new KeyValuePair<string, object?>("scheme", application.Scheme), new KeyValuePair<string, object?>("age_band", age >= 80 ? "80+" : age >= PensionAge ? "66-79" : "under-66")); // clean precision-about

        if (documentImage is not null)
        {
            var ocr = await reader.ReadAsync(documentImage, "any", cancellationToken);
            span.SetRideridvDocumentType(ocr.DocumentType).SetRideridvDocumentCountry(ocr.IssuingCountry); // clean generated-api
            if (ocr.DateOfBirth != application.DateOfBirth)
            {
                logger.LogWarning("Date of birth on {DocumentType} ({DocumentDob}) differs from the form ({FormDob}) for {Name}", ocr.DocumentType, ocr.DateOfBirth, application.DateOfBirth, application.FullName); // leak TC1001 direct
                span.SetRideridvNote($"dob mismatch on {ocr.DocumentType}"); // clean generated-api
            }
        }

        try
        {
            var capture = new SelfieCapture(application.ApplicationId.ToString("N"), application.RiderId.ToString(), "photo", application.Photo, "upload", "web");
            var liveness = await biometrics.CheckLivenessAsync(capture, cancellationToken);
            span.SetRideridvLivenessScore(liveness.Score); // clean generated-api
            span.Activity?.SetTag("photo.spoof", liveness.SpoofSignals.Count > 0); // clean precision-about
        }
        catch (CaptureRejectedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation("Photo for {Rider} rejected: {Reason}", application.RiderId, ex.Reason); // leak TC1001 direct
            span.SetRideridvOutcome("photo-rejected"); // clean generated-api
            return "photo-rejected";
        }

        logger.LogInformation("Concession application {Application} assessed", application); // leak TC1001 logging-objects
        span.SetRideridvOutcome("approved"); // clean generated-api
        return "approved";
    }
}
