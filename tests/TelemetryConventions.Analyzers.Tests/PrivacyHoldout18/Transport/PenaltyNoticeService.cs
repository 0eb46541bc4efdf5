using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.AI.FormRecognizer.DocumentAnalysis;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Transport;

/// <summary>A bus lane camera capture: evidence/{cameraId}/{capturedAt:yyyyMMddHHmmss}.jpg.</summary>
public sealed record LaneCapture(string CameraId, DateTimeOffset CapturedAt, string EvidenceBlob);

public sealed record Keeper(string Name, string AddressLine1, string Postcode);

public interface IVehicleKeeperLookup
{
    Task<Keeper?> FindKeeperAsync(string plate, CancellationToken cancellationToken);
}

public sealed record PenaltyNotice(string NoticeNumber, string Plate, Keeper Keeper, LaneCapture Capture, decimal Amount);

/// <summary>Issues penalty charge notices for private cars caught in bus lanes.</summary>
public sealed class PenaltyNoticeService(
    DocumentAnalysisClient ocr,
    BlobServiceClient blobs,
    IVehicleKeeperLookup keepers,
    IPdfRenderer renderer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PenaltyNoticeService> logger)
{
    private readonly Counter<long> _notices = meter.CreateCounter<long>("penalty.notices", "{notice}");

    // Taxis, private hire and blue badge holders allowed in the lanes, refreshed from the permits service.
    private readonly Dictionary<string, string> _permitsByPlate = new(StringComparer.OrdinalIgnoreCase);

    public async Task<PenaltyNotice?> IssueAsync(LaneCapture capture, CancellationToken cancellationToken)
    {
        using var span = source.StartDocumentRender("penalty-notice");
        logger.LogDebug("Reading capture {@Capture}", capture); // clean logging-objects
        Activity.Current?.SetTag("camera.id", capture.CameraId); // clean precision-about
        Activity.Current?.SetTag("evidence.blob", capture.EvidenceBlob); // clean precision-about

        var evidence = blobs.GetBlobContainerClient("lane-evidence").GetBlobClient(capture.EvidenceBlob);
        await using var image = await evidence.OpenReadAsync(cancellationToken);
        var read = (await ocr.AnalyzeDocumentAsync(WaitUntil.Completed, "anpr-plate-v5", image, cancellationToken)).Value;
        var plateField = read.Documents.FirstOrDefault()?.Fields.GetValueOrDefault("Plate");
        if (plateField?.Content is not { Length: > 0 } printed || plateField.Confidence < 0.9f)
        {
            logger.LogInformation("Capture {Blob} not readable (confidence {Confidence}); sent to manual review", capture.EvidenceBlob, plateField?.Confidence); // clean precision-about
            return null;
        }

        var plate = printed.Replace(" ", string.Empty).ToUpperInvariant();
        span.SetDocumentNote($"plate {plate} at {capture.CameraId}"); // leak TC1001 generated-api
        span.SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(plate)); // clean precision-pseudonym
        Activity.Current?.SetTag("vehicle.registration_area", plate[..2]); // clean precision-about

        try
        {
            var permit = _permitsByPlate[plate];
            Activity.Current?.SetTag("permit.kind", permit); // clean precision-about
            return null;
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogDebug(ex, "No bus lane permit; issuing a notice"); // leak TC1001 exceptions
        }

        var keeper = await keepers.FindKeeperAsync(plate, cancellationToken);
        if (keeper is null)
        {
            logger.LogWarning("No keeper on record for {Plate}", plate); // leak TC1001 direct
            return null;
        }

        var notice = new PenaltyNotice($"PCN{capture.CapturedAt:yyMMdd}{Random.Shared.Next(100000, 999999)}", plate, keeper, capture, 70m);
        RenderedPdf pdf;
        try
        {
            pdf = await renderer.RenderAsync("pcn-bus-lane", notice, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rendering {Notice} failed", notice); // leak TC1001 logging-objects
            throw;
        }

        span.SetDocumentId(notice.NoticeNumber).SetDocumentPageCount(pdf.PageCount); // clean precision-about
        var outbox = Path.Combine("/var/spool/pcn", capture.CapturedAt.ToString("yyyyMMdd"), $"{notice.NoticeNumber}.pdf");
        await File.WriteAllBytesAsync(outbox, pdf.Content, cancellationToken);
        logger.LogInformation("Notice spooled for printing at {Path}", outbox); // clean precision-about
        logger.LogInformation("Notice {NoticeNumber} addressed to {Keeper} at {Postcode}", notice.NoticeNumber, keeper.Name, keeper.Postcode); // leak TC1001 direct
        logger.LogInformation("Notice {NoticeNumber} goes to district {District}", notice.NoticeNumber, keeper.Postcode.Split(' ')[0]); // clean precision-about
        _notices.Add(1, new("camera.id", capture.CameraId), new("vehicle.plate", plate)); // leak TC1003 direct
        return notice;
    }
}
