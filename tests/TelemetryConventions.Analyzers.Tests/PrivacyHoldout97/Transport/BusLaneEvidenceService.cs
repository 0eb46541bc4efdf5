namespace PrivacyHoldout97.Transport;

/// <summary>A bus lane contravention the enforcement camera captured.</summary>
public sealed record Contravention(string PcnNumber, string CameraId, string Plate, DateTimeOffset SeenAt, string PlateImagePath, string ClipPath);

/// <summary>The registered keeper, as the vehicle licensing agency returned them.</summary>
public sealed record Keeper(string Name, string AddressLine1, string Postcode, string? Email);

public interface IKeeperLookup
{
    /// <summary>Asks the licensing agency for the keeper; throws <see cref="KeeperNotFoundException"/> when it has none.</summary>
    Task<Keeper> FindAsync(string plate, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The licensing agency has no keeper for the plate at that time; quotes the plate.</summary>
public sealed class KeeperNotFoundException(string plate) : Exception($"The licensing agency has no keeper for {plate}");

/// <summary>
/// Penalty charge notices for bus lane contraventions: the camera's plate image and clip are stored
/// under the notice number with a hash chain for evidence, the keeper gets a link to view them in the
/// notice portal, and the adjudication service's system gets a link when a notice is appealed.
/// </summary>
public sealed class BusLaneEvidenceService(
    BlobServiceClient blobs,
    IMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<BusLaneEvidenceService> logger)
{
    private const string Container = "pcn-evidence";
    private static readonly ActivitySource Source = new("Transit.Enforcement.Evidence");
    private static readonly Meter Meter = new("Transit.Enforcement.Evidence");
    private static readonly FleetmediaFilesCounter Files = Meter.CreateFleetmediaFilesCounter();
    private static readonly Counter<long> NoticesByCamera = Meter.CreateCounter<long>("enforcement.notices", "{notice}");

    public async Task StoreAsync(Contravention contravention, CancellationToken cancellationToken)
    {
        using var span = Source.StartFleetmediaUpload("pcn-evidence");
        span.SetFleetmediaDocumentId(contravention.PcnNumber); // clean precision-names
        span.SetFleetmediaCameraId(contravention.CameraId);
        span.SetFleetmediaSubjectId(pseudonymizer.PseudonymizeFleetmediaSubjectId(contravention.Plate)); // clean precision-pseudonym
        span.Activity?.SetTag("vehicle.plate", contravention.Plate); // leak TC1001 direct
        span.Activity?.SetTag("vehicle.plate_prefix", contravention.Plate[..2]); // clean precision-about
        NoticesByCamera.Add(1, new KeyValuePair<string, object?>("camera", contravention.CameraId)); // clean precision-names

        var previous = string.Empty;
        foreach (var (path, kind) in new[] { (contravention.PlateImagePath, "plate"), (contravention.ClipPath, "clip") })
        {
            await using var file = File.OpenRead(path);
            var hash = Convert.ToHexString(await SHA256.HashDataAsync(file, cancellationToken));
            var link = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(previous + hash)));
            span.Activity?.AddEvent(new ActivityEvent("evidence.hashed", tags: new ActivityTagsCollection { ["kind"] = kind, ["sha256"] = hash, ["chain"] = link })); // clean hashes
            previous = link;

            file.Position = 0;
            var blobName = $"{contravention.PcnNumber}/{kind}{Path.GetExtension(path)}";
            await blobs.GetBlobContainerClient(Container).GetBlobClient(blobName).UploadAsync(file, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { ["camera"] = contravention.CameraId, ["plate"] = contravention.Plate, ["sha256"] = hash },
            }, cancellationToken);
            span.SetFleetmediaBlobName(blobName); // clean generated-api
            Files.Add(1, "pcn-" + kind, "stored");
        }

        logger.LogInformation("Evidence stored for {Contravention}", contravention); // leak TC1001 logging-objects
        logger.LogInformation("Evidence stored for notice {PcnNumber} from camera {CameraId}", contravention.PcnNumber, contravention.CameraId); // clean precision-names
    }

    public async Task LinkForKeeperAsync(Contravention contravention, IKeeperLookup keepers, CancellationToken cancellationToken)
    {
        using var span = Source.StartFleetmediaProcess("pcn-evidence");
        Keeper keeper;
        try
        {
            keeper = await keepers.FindAsync(contravention.Plate, contravention.SeenAt, cancellationToken);
        }
        catch (KeeperNotFoundException ex)
        {
            logger.LogWarning(ex, "Notice {PcnNumber} cannot be issued", contravention.PcnNumber); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return;
        }

        span.SetFleetmediaDocumentId(contravention.PcnNumber);
        var blob = blobs.GetBlobContainerClient(Container).GetBlobClient($"{contravention.PcnNumber}/clip.mp4");
        var expires = DateTimeOffset.UtcNow.AddDays(28);
        var link = blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, expires) { BlobContainerName = Container, BlobName = blob.Name });
        span.SetFleetmediaLinkExpiry(expires.ToString("O", CultureInfo.InvariantCulture)); // clean generated-api
        logger.LogDebug("Keeper link for {PcnNumber}: {Link}", contravention.PcnNumber, link); // leak TC1001 strings

        if (keeper.Email is { } email)
        {
            await mailer.SendAsync(email, $"Penalty charge notice {contravention.PcnNumber}", $"View the evidence: {link}", cancellationToken);
            logger.LogInformation("Evidence link for {PcnNumber} emailed to {Keeper}", contravention.PcnNumber, keeper.Name); // leak TC1001 cross-member
            span.Activity?.SetTag(FleetmediaAttributes.SubjectContact, email); // leak TC1001 generated-api
        }
        else
        {
            logger.LogInformation("Keeper of {PcnNumber} has no email; letter goes to {Postcode}", contravention.PcnNumber, keeper.Postcode); // leak TC1001 cross-member
            span.Activity?.SetTag("keeper.postcode_district", keeper.Postcode.Split(' ')[0]); // clean precision-about
        }
    }

    public Uri LinkForAdjudicator(string pcnNumber, string appealReference)
    {
        using var span = Source.StartFleetmediaProcess("pcn-appeal");
        var blob = blobs.GetBlobContainerClient(Container).GetBlobClient($"{pcnNumber}/clip.mp4");
        var link = blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddDays(56)) { BlobContainerName = Container, BlobName = blob.Name });
        span.SetFleetmediaDocumentId(pcnNumber);
        logger.LogInformation("Appeal {AppealReference}: adjudicator link {Link}", appealReference, link); // clean strings
        return link;
    }
}
