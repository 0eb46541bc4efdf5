namespace PrivacyHoldout118.Healthcare;

/// <summary>
/// The information governance office's subject access requests to the patient record: a request comes in
/// from the patient portal, the requester is verified, each clinical system is asked for what it holds and
/// the bundle is put in the export container with a download link mailed to the patient.
/// </summary>
public sealed partial class SubjectAccessRequestService(
    IRequestTracker tracker,
    IRequesterMailer mailer,
    IEnumerable<IClinicalCollector> collectors,
    BlobContainerClient exports,
    Pseudonymizer pseudonymizer,
    PrivacyOptions options,
    ILogger<SubjectAccessRequestService> logger)
{
    private static readonly ActivitySource Source = new("Trust.InformationGovernance.Sar");
    private static readonly Meter Meter = new("Trust.InformationGovernance.Sar");
    private static readonly HcdsrRequestsCounter Requests = Meter.CreateHcdsrRequestsCounter();
    private static readonly Counter<long> SectionsCollected = Meter.CreateCounter<long>("hcdsr.sections.collected");

    public async Task<RequestReceipt> ReceiveAsync(string hospitalNumber, string email, string? details, CancellationToken ct)
    {
        var request = new DataSubjectRequest
        {
            Type = RequestType.Access,
            SubjectKey = hospitalNumber,
            ContactEmail = email,
            Details = details,
            Reference = $"SAR-{DateTime.UtcNow:yyyyMMdd}-{Random.Shared.Next(1000, 9999)}",
            DueBy = DateTimeOffset.UtcNow.AddDays(options.StatutoryDays),
        };
        await tracker.SaveAsync(request, ct);

        using var span = Source.StartHcdsrRequest(request.RequestId.ToString(), "access");
        span.SetHcdsrSubjectId(pseudonymizer.PseudonymizeHcdsrSubjectId(hospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("hcdsr.request.reference", request.Reference); // clean precision-about
        span.Activity?.SetTag("hcdsr.request.due", request.DueBy.ToString("yyyy-MM-dd")); // clean precision-about
        span.Activity?.SetTag(HcdsrAttributes.SubjectContact, email); // leak TC1001 generated-api
        span.Activity?.SetTag("hcdsr.requester.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))); // leak TC1002 hashes
        logger.LogInformation("Subject access request {Reference} logged for {HospitalNumber}", request.Reference, hospitalNumber); // leak TC1001 direct
        logger.LogInformation("Subject access request received: {Request}", request); // clean logging-objects
        logger.LogDebug("Subject access request received: {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Requester wrote {DetailsLength} characters", details?.Length ?? 0); // clean precision-about
        logger.LogDebug("Requester wrote: {Details}", details); // leak TC1001 direct
        Requests.Add(1, "access", "received"); // clean generated-api

        return new RequestReceipt(request.RequestId, request.Reference, request.DueBy, request.Status);
    }

    public async Task VerifyAsync(DataSubjectRequest request, VerificationResult result, CancellationToken ct)
    {
        using var span = Source.StartHcdsrRequest(request.RequestId.ToString(), "access");
        span.SetHcdsrOutcome(result.Verified ? "verified" : "rejected"); // clean generated-api
        logger.LogInformation("Verification of {RequestId}: {Result}", request.RequestId, result); // clean logging-objects
        if (!result.Verified)
        {
            var error = new IdentityVerificationException(request.RequestId, result.Method);
            span.RecordException(error, includeMessage: true).SetStatus(ActivityStatusCode.Error, error.Message); // clean exceptions
            logger.LogWarning(error, "Requester of {RequestId} failed verification; writing to {Domain}", request.RequestId, request.ContactEmail.Split('@')[^1]); // clean precision-about
            await mailer.SendAsync(request.ContactEmail, "Your request", "We could not confirm your identity.", ct);
            return;
        }
        request.Status = RequestStatus.InProgress;
        await tracker.SaveAsync(request, ct);
    }

    public async Task<ExportBundle> CollectAsync(DataSubjectRequest request, CancellationToken ct)
    {
        var bundle = new ExportBundle { BlobName = $"sar/{request.SubjectKey}/{request.RequestId:N}.zip" };
        using var span = Source.StartHcdsrRequest(request.RequestId.ToString(), "access").SetHcdsrExportId(bundle.ExportId.ToString()); // clean generated-api
        foreach (var collector in collectors)
        {
            try
            {
                var section = await collector.CollectAsync(request.SubjectKey, ct);
                bundle.Sections.Add(section);
                SectionsCollected.Add(1, new KeyValuePair<string, object?>("hcdsr.system", collector.System)); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("section.collected", tags: new ActivityTagsCollection { ["system"] = collector.System, ["records"] = section.Records })); // clean precision-about
            }
            catch (SubjectNotFoundException ex)
            {
                logger.LogInformation("{System} holds nothing for the request", ex.System); // clean exceptions
                logger.LogDebug(ex, "Collector found nothing"); // leak TC1001 exceptions
            }
        }

        span.SetHcdsrRecordsCount(bundle.Sections.Sum(s => s.Records)); // clean precision-about
        span.Activity?.SetTag("hcdsr.export.blob", bundle.BlobName); // leak TC1001 strings
        logger.LogInformation("Bundle sections: {Sections}", bundle.Sections); // clean logging-objects
        return bundle;
    }

    public async Task PublishAsync(DataSubjectRequest request, ExportBundle bundle, CancellationToken ct)
    {
        var blob = exports.GetBlobClient(bundle.BlobName);
        var expires = DateTimeOffset.UtcNow.Add(options.DownloadLinkLifetime);
        bundle.DownloadUrl = blob.GenerateSasUri(BlobSasPermissions.Read, expires);
        bundle.ExpiresAt = expires;
        await mailer.SendAsync(request.ContactEmail, "Your health records are ready", bundle.DownloadUrl.ToString(), ct);

        Activity.Current?.SetTag("hcdsr.export.link.host", bundle.DownloadUrl.Host); // clean precision-about
        Activity.Current?.SetTag("hcdsr.export.link.expires", expires.ToString("O")); // clean precision-about
        logger.LogInformation("Download link for {ExportId}: {Url}", bundle.ExportId, bundle.DownloadUrl); // leak TC1001 strings
        LinkIssued(logger, bundle.ExportId, blob.Uri.ToString()); // leak TC1001 cross-member
        Requests.Add(1, "access", "published"); // clean generated-api
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Bundle {ExportId} uploaded to {BlobUri}")]
    private static partial void LinkIssued(ILogger logger, Guid exportId, string blobUri);
}

public interface IClinicalCollector
{
    string System { get; }

    Task<ExportSection> CollectAsync(string hospitalNumber, CancellationToken cancellationToken);
}
