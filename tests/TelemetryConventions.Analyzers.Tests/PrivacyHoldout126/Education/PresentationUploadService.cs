namespace PrivacyHoldout126.Education;

/// <summary>Students upload a recorded presentation to a module's showcase; peers rate it.</summary>
public sealed record PresentationUpload(string ModuleCode, string StudentNumber, string FileName, string ContentType, Stream Content);

public sealed class PresentationUploadService(IMediaStore store, Pseudonymizer pseudonymizer, ILogger<PresentationUploadService> logger)
{
    private static readonly ActivitySource Source = new("Uni.Showcase");

    public async Task<StoredMedia?> UploadAsync(PresentationUpload upload, CancellationToken cancellationToken)
    {
        var uploadId = Guid.NewGuid().ToString("N");
        var blobName = $"showcase/{upload.ModuleCode}/{upload.StudentNumber}/{uploadId}.mp4";
        using var span = Source.StartCoursefbSubmit(uploadId)
            .SetCoursefbModule(upload.ModuleCode) // clean precision-names
            .SetCoursefbAuthorId(pseudonymizer.PseudonymizeCoursefbAuthorId(upload.StudentNumber)); // clean precision-pseudonym

        span.Activity?.SetTag("coursefb.upload.content_type", upload.ContentType); // clean precision-about
        span.Activity?.SetTag("coursefb.upload.extension", Path.GetExtension(upload.FileName)); // clean precision-about
        span.Activity?.SetTag("coursefb.upload.file", upload.FileName); // leak TC1001 direct
        try
        {
            var stored = await store.UploadAsync(blobName, upload.Content, upload.ContentType, upload.FileName, cancellationToken);
            logger.LogInformation("Stored presentation at {Blob}", stored.BlobName); // leak TC1001 cross-member
            span.Activity?.SetTag("coursefb.upload.bytes", stored.Length); // clean precision-about
            span.SetCoursefbMediaCount(1).SetCoursefbOutcome("stored"); // clean generated-api
            logger.LogDebug("Upload {Media}", stored); // leak TC1001 logging-objects
            return stored;
        }
        catch (MediaRejectedException ex)
        {
            logger.LogWarning("Upload rejected by rule {Rule}", ex.Rule); // clean exceptions
            span.SetCoursefbNote(ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "upload rejected"); // clean exceptions
            return null;
        }
    }
}
