namespace PrivacyHoldout97.Education;

/// <summary>A graduate's request for their transcript, or a verification agency's request on their behalf.</summary>
public sealed record TranscriptRequest(string RequestId, string StudentNumber, string GraduateEmail, int GraduationYear, string? AgencyReference);

/// <summary>
/// Issues signed CDN links to transcript PDFs. Graduates get a link mailed to them; the degree
/// verification agency's system fetches a sealed copy by its own reference.
/// </summary>
public sealed class TranscriptLinkService(
    IMailer mailer,
    RSA cdnSigningKey,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<TranscriptLinkService> logger)
{
    private static readonly ActivitySource Source = new("University.Transcripts");
    private static readonly Meter Meter = new("University.Transcripts");
    private static readonly CoursefileFilesCounter Files = Meter.CreateCoursefileFilesCounter();

    public async Task<string> IssueToGraduateAsync(TranscriptRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCoursefileProcess("transcript");
        span.SetCoursefileDocumentId(request.RequestId);
        span.SetCoursefileSubjectId(pseudonymizer.PseudonymizeCoursefileSubjectId(request.StudentNumber)); // clean precision-pseudonym
        var path = $"/transcripts/{request.GraduationYear}/{request.StudentNumber}.pdf";
        span.SetCoursefileBlobName(path); // leak TC1001 generated-api
        var expires = DateTime.UtcNow.AddDays(7);
        var url = CdnUrlSigner.GetCannedSignedUrl(options.CdnBaseUrl + path, options.CdnKeyPairId, cdnSigningKey, expires);
        span.SetCoursefileLinkExpiry(expires.ToString("O", CultureInfo.InvariantCulture)); // clean generated-api
        span.Activity?.SetTag("cdn.key_pair_id", options.CdnKeyPairId); // clean precision-names
        logger.LogDebug("Signed transcript URL {Url}", url); // leak TC1001 strings

        span.Activity?.SetTag(CoursefileAttributes.SubjectContact, pseudonymizer.Compute("graduate.email", request.GraduateEmail)); // leak TC1001 precision-pseudonym
        try
        {
            await mailer.SendAsync(request.GraduateEmail, "Your transcript", $"Download your transcript: {url}", cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            logger.LogError(ex, "Transcript link for request {RequestId} was not delivered", request.RequestId); // leak TC1001 exceptions
            span.RecordException(ex, "mail failed"); // clean exceptions
            throw;
        }

        Files.Add(1, "transcript", "linked");
        logger.LogInformation("Transcript link for request {RequestId} sent to {Email}", request.RequestId, request.GraduateEmail); // leak TC1001 cross-member
        logger.LogInformation("Transcript link for request {RequestId} sent, {Days} days to download", request.RequestId, 7); // clean precision-about
        return url;
    }

    public string IssueToAgency(TranscriptRequest request)
    {
        using var span = Source.StartCoursefileProcess("transcript-verification");
        var path = $"/verifications/{request.AgencyReference}/{request.RequestId}.pdf";
        var url = CdnUrlSigner.GetCannedSignedUrl(options.CdnBaseUrl + path, options.CdnKeyPairId, cdnSigningKey, DateTime.UtcNow.AddHours(2));
        span.SetCoursefileBlobName(path); // clean generated-api
        logger.LogInformation("Verification copy for agency reference {Reference}: {Url}", request.AgencyReference, url); // clean strings
        logger.LogDebug("Issued for {Request}", request); // leak TC1001 logging-objects
        return url;
    }
}
