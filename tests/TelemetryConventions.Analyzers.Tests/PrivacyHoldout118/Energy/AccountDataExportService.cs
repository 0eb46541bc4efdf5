namespace PrivacyHoldout118.Energy;

/// <summary>
/// Portability and access requests from account holders: bills, payments and half-hourly reads are written
/// into a bundle, uploaded, and a time-limited download link is sent to the holder.
/// </summary>
public sealed class AccountDataExportService(
    BlobContainerClient exports,
    IRequesterMailer mailer,
    Pseudonymizer pseudonymizer,
    PrivacyOptions options,
    ILogger<AccountDataExportService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Privacy.Export");
    private static readonly Meter Meter = new("Supplier.Privacy.Export");
    private static readonly EndsrRequestsCounter Requests = Meter.CreateEndsrRequestsCounter();
    private static readonly Histogram<long> BundleBytes = Meter.CreateHistogram<long>("endsr.export.bytes");

    public async Task ExportAsync(DataSubjectRequest request, string meterSerial, string mpan, IReadOnlyList<ExportSection> sections, Stream zip, CancellationToken ct)
    {
        var accountNumber = request.SubjectKey;
        using var span = Source.StartEndsrRequest(request.RequestId.ToString(), "portability");
        span.SetEndsrSubjectId(pseudonymizer.PseudonymizeEndsrSubjectId(accountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("endsr.meter.model", meterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("endsr.meter.serial", meterSerial); // leak TC1001 direct
        span.Activity?.SetTag("endsr.mpan.distributor", mpan[..2]); // clean precision-about
        span.Activity?.SetTag("endsr.mpan", mpan); // leak TC1001 direct
        logger.LogInformation("Portability export for account {AccountNumber}", accountNumber); // leak TC1001 direct

        var total = sections.Sum(s => s.Bytes);
        var manifest = new ExportManifest(Guid.NewGuid(), request.RequestId, sections, total, Convert.ToHexString(SHA256.HashData(zip)));
        logger.LogInformation("Manifest {Manifest}", manifest); // clean logging-objects
        BundleBytes.Record(total, new KeyValuePair<string, object?>("endsr.sections", sections.Count)); // clean precision-about

        if (total > options.MaxBundleBytes)
        {
            var tooLarge = new ExportTooLargeException(manifest.ExportId, total, options.MaxBundleBytes);
            span.RecordException(tooLarge, includeMessage: true).SetStatus(ActivityStatusCode.Error, tooLarge.Message); // clean exceptions
            Requests.Add(1, "portability", "too-large"); // clean generated-api
            return;
        }

        var blob = exports.GetBlobClient($"portability/{DateTime.UtcNow:yyyy-MM}/{accountNumber}-{mpan}.zip");
        await blob.UploadAsync(zip, overwrite: true, ct);
        var link = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(options.DownloadLinkLifetime));
        await mailer.SendAsync(request.ContactEmail, "Your energy data", link.ToString(), ct);

        span.SetEndsrExportId(manifest.ExportId.ToString()).SetEndsrRecordsCount(sections.Sum(s => s.Records)); // clean generated-api
        span.SetEndsrNote($"bundle {blob.Name} uploaded"); // leak TC1001 generated-api
        logger.LogInformation("Download link sent for export {ExportId}, expires in {Days} days", manifest.ExportId, options.DownloadLinkLifetime.TotalDays); // clean precision-about
        logger.LogDebug("Download link {Link}", link.AbsoluteUri); // leak TC1001 strings
        logger.LogDebug("Sent to {Contact}", request.ContactEmail); // leak TC1001 cross-member
        Requests.Add(1, "portability", "sent"); // clean generated-api
    }
}
