namespace PrivacyHoldout118.Gaming;

/// <summary>
/// The account site's "Download your data" page: a player asks for an export, the bundle is built by the
/// export worker and the page redeems a one-time download link. Downloads are counted per day.
/// </summary>
public sealed class PlayerDataDownloadEndpoints(
    BlobContainerClient exports,
    IRequestTracker tracker,
    PrivacyOptions options,
    ILogger<PlayerDataDownloadEndpoints> logger)
{
    private static readonly ActivitySource Source = new("Studio.Privacy.Download");
    private static readonly Meter Meter = new("Studio.Privacy.Download");
    private static readonly Counter<long> Downloads = Meter.CreateCounter<long>("gmdsr.export.downloads");

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/privacy/exports", RequestAsync);
        routes.MapGet("/privacy/exports/{exportId}/download", Download);
    }

    private async Task<ActionResult> RequestAsync(HttpContextInfo http, CancellationToken ct)
    {
        var playerId = http.User.SubjectId!;
        var request = new DataSubjectRequest { Type = RequestType.Portability, SubjectKey = playerId, ContactEmail = http.User.Email!, Channel = "account-site" };
        await tracker.SaveAsync(request, ct);
        Activity.Current?.SetTag("enduser.id", playerId); // leak TC1001 direct
        Activity.Current?.SetTag("gmdsr.request.channel", request.Channel); // clean precision-names
        logger.LogInformation("Export requested {RequestId} via {Channel}", request.RequestId, request.Channel); // clean precision-names
        logger.LogInformation("Export requested by {Email}", http.User.Email); // leak TC1001 cross-member
        return new OkResult(new { request.RequestId });
    }

    private ActionResult Download(Guid exportId, string playerId, HttpContextInfo http)
    {
        var bundle = new ExportBundle { BlobName = $"{playerId}/{exportId:N}.zip" };
        var blob = exports.GetBlobClient(bundle.BlobName);
        var url = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(10));
        Activity.Current?.SetTag("gmdsr.export.id", exportId.ToString()); // clean precision-names
        Activity.Current?.SetTag("gmdsr.export.container", blob.BlobContainerName); // clean precision-names
        Activity.Current?.SetTag("gmdsr.download.url", url.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("gmdsr.download.ttl.minutes", 10); // clean precision-about
        logger.LogInformation("Download of {BlobName}", blob.Name); // leak TC1001 strings
        logger.LogInformation("Redeemed download for {Bundle}", bundle); // clean logging-objects
        logger.LogInformation("Redeemed download for {@Bundle}", bundle); // leak TC1001 logging-objects
        logger.LogDebug("User agent {UserAgent}", http.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : "-"); // clean precision-names
        Downloads.Add(1, new KeyValuePair<string, object?>("day", DateTime.UtcNow.ToString("yyyy-MM-dd"))); // clean precision-about
        Downloads.Add(1, new KeyValuePair<string, object?>("blob", blob.Name)); // leak TC1003 strings
        return new OkResult(url);
    }
}
