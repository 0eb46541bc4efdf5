namespace PrivacyHoldout97.Media;

/// <summary>One file of a delivery, with the checksum the production company computed.</summary>
public sealed record ManifestFile(string Name, long Bytes, string Md5);

/// <summary>A production company's delivery manifest: who delivered what for which title. Prints its members.</summary>
public sealed record DeliveryManifest(string DeliveryId, string TitleId, string Vendor, string ContactName, string ContactEmail, IReadOnlyList<ManifestFile> Files);

/// <summary>
/// Studio masters arrive from production companies into the landing folder with a manifest. Each file
/// is checked against the manifest's MD5, scanned and copied to <c>masters/{assetId}/{file}</c>; the
/// delivery contact is told what was accepted.
/// </summary>
public sealed class MasterIngestWorker(
    BlobServiceClient blobs,
    ClamClient clam,
    IMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<MasterIngestWorker> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Ingest.Masters");
    private static readonly Meter Meter = new("Streaming.Ingest.Masters");
    private static readonly MediaassetFilesCounter Files = Meter.CreateMediaassetFilesCounter();
    private static readonly Counter<long> DeliveriesByContact = Meter.CreateCounter<long>("ingest.deliveries", "{delivery}");

    public async Task IngestAsync(DeliveryManifest manifest, string landingFolder, string operatorStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartMediaassetIngest("master");
        span.SetMediaassetTitleId(manifest.TitleId);
        span.SetMediaassetDocumentId(manifest.DeliveryId);
        span.SetMediaassetUploaderId(pseudonymizer.PseudonymizeMediaassetUploaderId(operatorStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("delivery.vendor", manifest.Vendor); // clean precision-names
        span.Activity?.SetTag("delivery.files", manifest.Files.Count); // clean precision-about
        logger.LogInformation("Ingesting {Manifest}", manifest); // leak TC1001 logging-objects
        DeliveriesByContact.Add(1, new KeyValuePair<string, object?>("vendor", manifest.Vendor)); // clean precision-names
        DeliveriesByContact.Add(1, new KeyValuePair<string, object?>("contact", manifest.ContactEmail)); // leak TC1003 cross-member

        var accepted = new List<string>();
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(landingFolder, file.Name);
            await using var stream = File.OpenRead(path);
            var md5 = Convert.ToHexString(await MD5.HashDataAsync(stream, cancellationToken)).ToLowerInvariant();
            span.Activity?.AddEvent(new ActivityEvent("master.checksum", tags: new ActivityTagsCollection { ["file"] = file.Name, ["md5"] = md5, ["expected"] = file.Md5 })); // clean hashes
            if (md5 != file.Md5)
            {
                var mismatch = new InvalidDataException($"Checksum mismatch for {file.Name}: manifest {file.Md5}, received {md5}");
                logger.LogError(mismatch, "Delivery {DeliveryId} rejected", manifest.DeliveryId); // clean exceptions
                logger.LogMediaassetFileRejectedEvent("checksum", manifest.DeliveryId, mediaassetNote: mismatch.Message); // clean generated-api
                continue;
            }

            var scan = await clam.ScanFileOnServerAsync(path, cancellationToken);
            span.SetMediaassetScanVerdict(scan.Result.ToString());
            logger.LogDebug("clamd: {Reply}", scan.RawResult); // clean strings

            var assetId = $"asset-{Guid.NewGuid():N}"[..18];
            var blob = blobs.GetBlobContainerClient("masters").GetBlobClient($"{assetId}/{file.Name}");
            stream.Position = 0;
            await blob.UploadAsync(stream, new BlobUploadOptions { AccessTier = AccessTier.Cool, HttpHeaders = new BlobHttpHeaders { ContentHash = Convert.FromHexString(md5) } }, cancellationToken);
            span.SetMediaassetBlobName(blob.Name); // clean generated-api
            span.SetMediaassetSize(file.Bytes);
            Files.Add(1, "master", "stored", Path.GetExtension(file.Name));
            accepted.Add(file.Name);
        }

        try
        {
            await mailer.SendAsync(manifest.ContactEmail, $"Delivery {manifest.DeliveryId}", $"Accepted: {string.Join(", ", accepted)}", cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning(ex, "Acceptance for {DeliveryId} not delivered", manifest.DeliveryId); // leak TC1001 exceptions
            span.Activity?.SetTag("mail.status", ex.StatusCode); // clean exceptions
            return;
        }

        logger.LogInformation("Acceptance for {DeliveryId} sent to {ContactName} <{ContactEmail}>", manifest.DeliveryId, manifest.ContactName, manifest.ContactEmail); // leak TC1001 cross-member
        logger.LogInformation("Acceptance for {DeliveryId} sent to the vendor's contact at {Domain}", manifest.DeliveryId, manifest.ContactEmail.Split('@')[1]); // clean precision-about
        span.SetMediaassetNote($"accepted {accepted.Count} of {manifest.Files.Count}, told {manifest.ContactName}"); // leak TC1001 generated-api
    }
}
