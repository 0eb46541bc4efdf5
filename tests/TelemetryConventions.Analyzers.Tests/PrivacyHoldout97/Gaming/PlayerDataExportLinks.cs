namespace PrivacyHoldout97.Gaming;

/// <summary>A player's request for a copy of their data (a subject access request), and the archive built for it.</summary>
public sealed record DataExportRequest(string RequestId, Guid PlayerId, string Gamertag, string Email, DateTimeOffset RequestedAt);

/// <summary>
/// Subject access requests: the export job zips a player's profile, purchases, chat history and
/// clips into <c>exports/{playerId}/{requestId}.zip</c>; this service links the archive for the
/// player, and links replay files of public tournament matches for the broadcast partner.
/// </summary>
public sealed class PlayerDataExportLinks(
    BlobServiceClient blobs,
    IMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<PlayerDataExportLinks> logger)
{
    private static readonly ActivitySource Source = new("Studio.Privacy.Exports");
    private static readonly Meter Meter = new("Studio.Privacy.Exports");
    private static readonly UgcfileFilesCounter Files = Meter.CreateUgcfileFilesCounter();
    private static readonly Histogram<double> ArchiveSize = Meter.CreateHistogram<double>("exports.archive.size", "MiBy");
    private readonly Dictionary<Guid, string> _pendingByPlayer = new();

    public async Task LinkArchiveAsync(DataExportRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartUgcfileProcess("data-export");
        span.SetUgcfileDocumentId(request.RequestId); // clean precision-names
        span.SetUgcfileSubjectId(pseudonymizer.PseudonymizeUgcfileSubjectId(request.PlayerId.ToString())); // clean precision-pseudonym

        var blob = blobs.GetBlobContainerClient("exports").GetBlobClient($"{request.PlayerId}/{request.RequestId}.zip");
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            span.RecordException(ex, "archive missing", includeMessage: true); // clean exceptions
            var missing = new FileNotFoundException($"Export archive {blob.Name} is missing", blob.Name);
            logger.LogError(missing, "Export {RequestId} cannot be linked", request.RequestId); // leak TC1001 exceptions
            return;
        }

        ArchiveSize.Record(properties.ContentLength / 1048576.0); // clean precision-about
        span.Activity?.SetTag("export.age_days", (DateTimeOffset.UtcNow - request.RequestedAt).TotalDays);

        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var link = blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = "exports",
            BlobName = blob.Name,
            ContentDisposition = $"attachment; filename=\"{request.Gamertag}-data.zip\"",
        });
        span.SetUgcfileLinkExpiry(expires.ToString("O", CultureInfo.InvariantCulture)); // clean generated-api
        span.SetUgcfileBlobName(blob.Name); // leak TC1001 generated-api
        span.Activity?.SetTag("export.link", link.ToString()); // leak TC1001 strings
        span.Activity?.SetTag("export.link_query_length", link.Query.Length); // clean precision-about

        await mailer.SendAsync(request.Email, "Your data is ready", $"Download your data within 7 days: {link}", cancellationToken);
        logger.LogInformation("Export {RequestId} linked for {Request}", request.RequestId, request); // leak TC1001 logging-objects
        Files.Add(1, "data-export", "linked", properties.ContentType);
        _pendingByPlayer.Remove(request.PlayerId);
    }

    public void Track(DataExportRequest request)
    {
        _pendingByPlayer[request.PlayerId] = request.RequestId;
        logger.LogDebug("Pending exports: {Pending}", _pendingByPlayer); // leak TC1001 logging-objects
        logger.LogDebug("Pending exports: {Count}", _pendingByPlayer.Count); // clean precision-about
    }

    public string PendingFor(Guid playerId)
    {
        try
        {
            return _pendingByPlayer[playerId];
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogWarning(ex, "No export pending"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "no export pending"); // clean exceptions
            throw;
        }
    }

    public Uri LinkTournamentReplay(string tournamentId, string matchId)
    {
        using var span = Source.StartUgcfileProcess("replay");
        var blob = blobs.GetBlobContainerClient("replays").GetBlobClient($"tournaments/{tournamentId}/{matchId}.rec");
        var link = blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(12)) { BlobContainerName = "replays", BlobName = blob.Name });
        span.SetUgcfileDocumentId(matchId);
        span.SetUgcfileBlobName(blob.Name); // clean generated-api
        logger.LogInformation("Replay link for broadcast partner: {Link}", link); // clean strings
        return link;
    }
}
