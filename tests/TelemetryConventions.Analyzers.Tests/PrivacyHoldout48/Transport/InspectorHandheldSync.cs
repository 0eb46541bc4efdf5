using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Support.Datasync;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Transport;

public sealed record OfflineNotice(string NoticeNumber, string RouteId, string StopId, string PassengerName, string? TravelCardNumber, string PostalAddress, decimal Fare, DateTimeOffset IssuedAt);

public sealed record HandheldUpload(string HandheldAssetTag, string InspectorStaffNumber, long LastAckedSequence, IReadOnlyList<OfflineNotice> Notices);

public sealed class DuplicateNoticeException(string noticeNumber)
    : Exception($"Penalty notice {noticeNumber} was already uploaded by another handheld.")
{
    public string NoticeNumber { get; } = noticeNumber;
}

public interface INoticeStore
{
    Task StoreAsync(OfflineNotice notice, CancellationToken cancellationToken);
}

/// <summary>Revenue inspectors' handhelds upload the penalty notices they wrote out of coverage.</summary>
public sealed class InspectorHandheldSync(
    INoticeStore notices,
    IBlobContainer evidence,
    ILogger<InspectorHandheldSync> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Inspection.Sync");
    private readonly Counter<long> _notices = meter.CreateCounter<long>("transit.notices.synced");

    public async Task<long> UploadAsync(HandheldUpload upload, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("handheld.upload");
        activity?.SetTag("handheld.asset_tag", upload.HandheldAssetTag); // clean precision-names
        activity?.SetTag("handheld.acked_sequence", upload.LastAckedSequence); // clean precision-about
        activity?.SetTag("inspector.staff_number", upload.InspectorStaffNumber); // leak TC1001 direct

        foreach (var notice in upload.Notices)
        {
            using var scope = logger.BeginScope("Notice {NoticeNumber} for card {Card}", notice.NoticeNumber, notice.TravelCardNumber); // leak TC1001 logging-objects
            try
            {
                await notices.StoreAsync(notice, cancellationToken);
                _notices.Add(1, new KeyValuePair<string, object?>("route", notice.RouteId), new KeyValuePair<string, object?>("stop", notice.StopId)); // clean precision-names
                _notices.Add(1, new KeyValuePair<string, object?>("card", notice.TravelCardNumber)); // leak TC1003 direct
            }
            catch (DuplicateNoticeException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogInformation("Notice {NoticeNumber} already synced from another handheld", ex.NoticeNumber); // clean precision-names
            }
        }

        var first = upload.Notices.FirstOrDefault();
        if (first is not null)
        {
            logger.LogDebug("First notice of upload issued to {Passenger} at {Address}", first.PassengerName, first.PostalAddress); // leak TC1001 direct
            logger.LogDebug("First notice card ending {Last4}", first.TravelCardNumber?[^4..]); // clean precision-about
        }

        return upload.LastAckedSequence + upload.Notices.Count;
    }

    public async Task UploadEvidencePhotoAsync(OfflineNotice notice, Stream photo, CancellationToken cancellationToken)
    {
        var blobName = $"notices/{notice.NoticeNumber}/photo-{notice.IssuedAt:yyyyMMddHHmmss}.jpg";
        await evidence.UploadAsync(blobName, photo, cancellationToken);
        Activity.Current?.SetTag("evidence.blob", blobName); // clean strings
        logger.LogInformation("Evidence for card {CardRef} uploaded after reconnect", pseudonymizer.ComputeSyncAccountId(notice.TravelCardNumber ?? notice.NoticeNumber)); // clean precision-pseudonym
    }
}
