namespace PrivacyHoldout97.Energy;

/// <summary>
/// New occupiers upload a tenancy agreement or a completion statement when they move in; the portal
/// writes it to <c>occupancy/{accountNumber}/{documentId}.pdf</c>, with metadata <c>account</c>,
/// <c>uploaded_by</c> (the customer's email) and <c>channel</c>, and the storage account's malware
/// scanning publishes its result. This handler moves infected files to quarantine, tags clean ones with
/// their retention label and tells the change-of-tenancy team the document can be opened.
/// </summary>
public sealed partial class OccupancyDocumentScanHandler(
    BlobServiceClient blobs,
    IOutbox outbox,
    Pseudonymizer pseudonymizer,
    ILogger<OccupancyDocumentScanHandler> logger)
{
    private const string Container = "occupancy";
    private const string RetentionLabel = "cot-evidence-6y";
    private static readonly ActivitySource Source = new("Energy.Occupancy.Documents");
    private static readonly Meter Meter = new("Energy.Occupancy.Documents");
    private static readonly MeterdocFilesCounter Files = Meter.CreateMeterdocFilesCounter();
    private static readonly Counter<long> Threats = Meter.CreateCounter<long>("occupancy.documents.threats", "{document}");

    public async Task HandleAsync(MalwareScanningResult result, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeterdocProcess("occupancy-document");
        span.Activity?.SetTag("scan.correlation_id", result.CorrelationId); // clean precision-names
        span.Activity?.SetTag("scan.result_type", result.ScanResultType); // clean precision-about
        span.Activity?.SetTag("scan.finished", result.ScanFinishedTimeUtc.ToString("O", CultureInfo.InvariantCulture));
        LogScanResult(logger, result.BlobUri, result.ScanResultType); // leak TC1001 strings

        var blobUri = new Uri(result.BlobUri);
        var segments = blobUri.AbsolutePath.Trim('/').Split('/');
        var accountNumber = segments[^2];
        var documentId = Path.GetFileNameWithoutExtension(segments[^1]);
        span.SetMeterdocDocumentId(documentId);
        span.SetMeterdocSubjectId(pseudonymizer.PseudonymizeMeterdocSubjectId(accountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("occupancy.account", segments[^2]); // leak TC1001 strings

        var blob = blobs.GetBlobContainerClient(Container).GetBlobClient(string.Join('/', segments.Skip(1)));
        span.SetMeterdocBlobName(blob.Name); // leak TC1001 generated-api
        Activity.Current?.AddBaggage("cot.account", accountNumber); // leak TC1001 strings
        if (result.ScanResultType == MalwareScanningResult.Malicious)
        {
            Threats.Add(1, new KeyValuePair<string, object?>("threat", result.MalwareNamesFound.FirstOrDefault())); // clean precision-names
            var quarantined = blobs.GetBlobContainerClient("quarantine").GetBlobClient($"{DateTime.UtcNow:yyyy-MM-dd}/{documentId}.pdf");
            await quarantined.StartCopyFromUriAsync(blob.Uri, cancellationToken);
            await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            span.SetMeterdocOutcome("quarantined");
            logger.LogWarning("Quarantined {@Result}", result); // leak TC1001 logging-objects
            logger.LogWarning("Quarantined document {DocumentId} as {Quarantined}: {Threats}", documentId, quarantined.Name, string.Join(",", result.MalwareNamesFound)); // clean strings
            logger.LogMeterdocFileRejectedEvent("malicious", documentId, "infected", pseudonymizer.PseudonymizeMeterdocSubjectId(accountNumber)); // clean generated-api
            Files.Add(1, "occupancy-document", "quarantined");
            return;
        }

        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken)).Value;
            span.Activity?.SetTag(MeterdocAttributes.Size, properties.ContentLength);
            span.Activity?.SetTag("blob.content_md5", properties.ContentHash is null ? null : Convert.ToBase64String(properties.ContentHash)); // clean hashes
            logger.LogDebug("Metadata of {DocumentId}: {Metadata}", documentId, properties.Metadata); // leak TC1001 logging-objects
            logger.LogDebug("Metadata keys of {DocumentId}: {Keys}", documentId, string.Join(",", properties.Metadata.Keys)); // clean precision-names
            await blob.SetTagsAsync(new Dictionary<string, string> { ["retention"] = RetentionLabel, ["scan"] = "clean" }, cancellationToken);
            span.SetMeterdocRetentionLabel(RetentionLabel);
            await outbox.PublishAsync("cot.document-ready", new { accountNumber, documentId }, cancellationToken);
            span.SetMeterdocOutcome("released");
            Files.Add(1, "occupancy-document", "released", properties.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The portal deletes a document the customer withdraws before the scan finishes.
            logger.LogInformation(ex, "Document {DocumentId} was withdrawn before its scan finished", documentId); // clean exceptions
            span.Activity?.AddException(ex); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Scan of {BlobUri}: {ScanResult}")]
    private static partial void LogScanResult(ILogger logger, string blobUri, string scanResult);
}
