namespace PrivacyHoldout97.Retail;

/// <summary>The signed-in customer returning an item.</summary>
public sealed record ReturningCustomer(string CustomerNumber, string Email, string FirstName);

/// <summary>
/// Damaged or faulty items: before a return is approved the customer uploads up to five photos of
/// the item and a line about what is wrong. Photos are scanned and kept with the return for the
/// returns team and the supplier's claim.
/// </summary>
[ApiController]
[Route("returns")]
public sealed partial class ReturnEvidenceController(
    BlobServiceClient blobs,
    ClamClient clam,
    Pseudonymizer pseudonymizer,
    ILogger<ReturnEvidenceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.Returns.Evidence");
    private static readonly Meter Meter = new("Retail.Returns.Evidence");
    private static readonly StorefileFilesCounter Files = Meter.CreateStorefileFilesCounter();
    private static readonly Histogram<int> PhotosPerReturn = Meter.CreateHistogram<int>("returns.evidence.photos", "{photo}");

    [HttpPost("{orderId}/evidence")]
    public async Task<ActionResult> UploadAsync(string orderId, ReturningCustomer customer, IReadOnlyList<IFormFile> photos, string reason, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorefileUpload("return-evidence");
        span.SetStorefileDocumentId(orderId); // clean precision-names
        span.SetStorefileSubjectId(pseudonymizer.PseudonymizeStorefileSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("returns.customer", customer.CustomerNumber); // leak TC1001 direct
        span.Activity?.SetTag("returns.customer_ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(customer.CustomerNumber))); // leak TC1001 hashes
        logger.LogDebug("Return evidence from {Customer}", customer); // leak TC1001 logging-objects
        span.Activity?.SetTag("returns.reason", reason); // leak TC1001 direct
        span.Activity?.SetTag("returns.reason_length", reason.Length); // clean precision-about
        PhotosPerReturn.Record(photos.Count); // clean precision-about
        logger.LogInformation("Evidence for order {OrderId}: {Files}", orderId, string.Join(", ", photos.Select(p => p.FileName))); // leak TC1001 strings
        logger.LogInformation("Evidence for order {OrderId}: {Types}", orderId, string.Join(", ", photos.Select(p => p.ContentType))); // clean precision-about

        var stored = 0;
        foreach (var photo in photos.Take(5))
        {
            await using var content = photo.OpenReadStream();
            var scan = await clam.SendAndScanFileAsync(content, cancellationToken);
            if (scan.Result != ClamScanResults.Clean)
            {
                var ex = new MalwareDetectedException($"Return photo {photo.FileName} for order {orderId} failed the scan", scan.InfectedFiles?.FirstOrDefault()?.VirusName ?? "?");
                logger.LogWarning(ex, "Evidence refused"); // leak TC1001 exceptions
                logger.LogStorefileFileRejectedEvent("malware", orderId, "infected", pseudonymizer.PseudonymizeStorefileSubjectId(customer.CustomerNumber), ex.Signature); // clean generated-api
                continue;
            }

            content.Position = 0;
            var info = await Image.IdentifyAsync(content, cancellationToken);
            if (info.Metadata.ExifProfile?.GetGpsPosition() is { } where)
            {
                span.Activity?.AddEvent(new ActivityEvent("evidence.gps", tags: new ActivityTagsCollection { ["lat"] = where.Latitude, ["lon"] = where.Longitude })); // leak TC1001 direct
            }

            var blobName = $"returns/{customer.CustomerNumber}/{orderId}/{stored + 1}{Path.GetExtension(photo.FileName)}";
            content.Position = 0;
            await blobs.GetBlobContainerClient("returns-evidence").GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                Tags = new Dictionary<string, string> { ["order"] = orderId, ["customer"] = customer.CustomerNumber },
            }, cancellationToken);
            LogStored(logger, blobName, photo.Length); // leak TC1001 strings
            stored++;
        }

        span.SetStorefileOutcome(stored > 0 ? "stored" : "rejected");
        Files.Add(stored, "return-evidence", stored > 0 ? "stored" : "rejected"); // clean generated-api
        span.Activity?.SetTag(StorefileAttributes.SubjectContact, pseudonymizer.Compute("customer.email", customer.Email)); // leak TC1001 precision-pseudonym
        span.SetStorefileNote($"{stored} photos from {customer.FirstName}"); // leak TC1001 generated-api
        span.SetStorefileNote($"{stored} of {photos.Count} photos stored"); // clean generated-api
        return Ok(new { stored });
    }

    [LoggerMessage(EventId = 8410, Level = LogLevel.Debug, Message = "Stored evidence {BlobName} ({Length} bytes)")]
    private static partial void LogStored(ILogger logger, string blobName, long length);
}
