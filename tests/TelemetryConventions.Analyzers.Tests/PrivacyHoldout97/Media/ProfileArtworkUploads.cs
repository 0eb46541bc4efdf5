namespace PrivacyHoldout97.Media;

/// <summary>A viewing profile of a subscription.</summary>
public sealed record ViewingProfile(Guid SubscriberId, Guid ProfileId, string ProfileName, bool IsKids, string SubscriberEmail);

/// <summary>
/// Profile pictures: the app asks for a write-only upload URL, uploads the picture straight to
/// storage, and tells the service when it is done; the service checks it and makes the sizes the
/// profile picker shows.
/// </summary>
public sealed partial class ProfileArtworkUploads(
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    ILogger<ProfileArtworkUploads> logger)
{
    private const string Container = "profile-art";
    private static readonly ActivitySource Source = new("Streaming.Profiles.Artwork");
    private static readonly Meter Meter = new("Streaming.Profiles.Artwork");
    private static readonly MediaassetFilesCounter Files = Meter.CreateMediaassetFilesCounter();

    public Uri IssueUploadUrl(ViewingProfile profile)
    {
        using var span = Source.StartMediaassetIngest("profile-art");
        span.SetMediaassetSubjectId(pseudonymizer.PseudonymizeMediaassetSubjectId(profile.SubscriberId.ToString())); // clean precision-pseudonym
        var blobName = $"{profile.SubscriberId:N}/{profile.ProfileId:N}/upload";
        var uploadUrl = blobs.GetBlobContainerClient(Container).GetBlobClient(blobName)
            .GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Create | BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(10)) { BlobContainerName = Container, BlobName = blobName });
        span.SetMediaassetBlobName(blobName); // leak TC1001 generated-api
        LogUploadUrl(logger, profile.ProfileId, uploadUrl); // leak TC1001 strings
        span.Activity?.SetTag("upload.expires_in_min", 10); // clean precision-about
        return uploadUrl;
    }

    public async Task CompleteAsync(ViewingProfile profile, CancellationToken cancellationToken)
    {
        using var span = Source.StartMediaassetProcess("profile-art");
        span.SetMediaassetSubjectId(pseudonymizer.PseudonymizeMediaassetSubjectId(profile.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("profile.kids", profile.IsKids); // clean precision-about
        span.Activity?.SetTag("profile.id", profile.ProfileId); // leak TC1001 direct
        span.Activity?.SetTag("profile.name", profile.ProfileName); // leak TC1001 direct
        span.Activity?.SetTag("profile.name_length", profile.ProfileName.Length); // clean precision-about

        var container = blobs.GetBlobContainerClient(Container);
        var upload = container.GetBlobClient($"{profile.SubscriberId:N}/{profile.ProfileId:N}/upload");
        Stream content;
        try
        {
            content = (await upload.OpenReadAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "BlobNotFound")
        {
            logger.LogWarning(ex, "Profile {ProfileId} finished without an upload", profile.ProfileId); // leak TC1001 direct
            return;
        }
        await using var _ = content;
        ImageInfo info;
        try
        {
            info = await Image.IdentifyAsync(content, cancellationToken);
        }
        catch (InvalidImageContentException ex)
        {
            span.RecordException(ex, "corrupt image", includeMessage: true); // clean exceptions
            logger.LogMediaassetFileRejectedEvent("corrupt", mediaassetSubjectId: pseudonymizer.PseudonymizeMediaassetSubjectId(profile.SubscriberId.ToString()), mediaassetNote: ex.Message); // clean generated-api
            return;
        }

        // Phones keep the position where the picture was taken, usually at home.
        if (info.Metadata.ExifProfile?.GetGpsPosition() is { } gps)
        {
            logger.LogDebug("Profile art of {ProfileId} was taken at {Lat},{Lon}", profile.ProfileId, gps.Latitude, gps.Longitude); // leak TC1001 direct
            span.Activity?.SetTag("profile_art.had_gps", true); // clean precision-about
        }

        content.Position = 0;
        using var image = await Image.LoadAsync(content, cancellationToken);
        image.StripMetadata();
        image.ResizeToFit(320);
        using var output = new MemoryStream();
        await image.SaveAsWebpAsync(output, 80, cancellationToken);
        output.Position = 0;
        var art = container.GetBlobClient($"{profile.SubscriberId:N}/{profile.ProfileId:N}/320.webp");
        await art.UploadAsync(output, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/webp" } }, cancellationToken);
        await upload.DeleteIfExistsAsync(cancellationToken: cancellationToken);

        span.SetMediaassetRendition("profile-320");
        logger.LogInformation("Profile art ready at {Uri}", art.Uri); // leak TC1001 strings
        Files.Add(1, "profile-art", "stored", "image/webp");
        span.Activity?.SetTag(MediaassetAttributes.SubjectContact, profile.SubscriberEmail); // leak TC1001 generated-api
        logger.LogInformation("Profile art stored for {Profile}", profile); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 6120, Level = LogLevel.Debug, Message = "Upload URL for profile {ProfileId}: {UploadUrl}")]
    private static partial void LogUploadUrl(ILogger logger, Guid profileId, Uri uploadUrl);
}
