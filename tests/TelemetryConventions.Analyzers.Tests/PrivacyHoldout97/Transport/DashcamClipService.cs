namespace PrivacyHoldout97.Transport;

/// <summary>
/// An incident a driver flagged with the cab button, and the clip the bus's recorder kept around it
/// (<c>ClipPath</c>: the recorder's upload in the landing folder, named by bus and time).
/// </summary>
public sealed record DashcamIncident(string IncidentId, string BusId, string Depot, string DriverStaffNumber, string DriverName, string ClipPath, DateTimeOffset At, string? ComplaintReference);

/// <summary>
/// Bus dashcam clips: the recorder uploads the minutes around a flagged incident; the service blurs
/// faces and plates into a review copy, keeps the original for 31 days unless an incident review or a
/// claim holds it, and sweeps the rest.
/// </summary>
public sealed partial class DashcamClipService(
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    TimeProvider clock,
    ILogger<DashcamClipService> logger)
{
    private const string Container = "dashcam";
    private static readonly ActivitySource Source = new("Transit.Fleet.Dashcam");
    private static readonly Meter Meter = new("Transit.Fleet.Dashcam");
    private static readonly FleetmediaTranscodeDurationHistogram Duration = Meter.CreateFleetmediaTranscodeDurationHistogram();
    private static readonly Counter<long> IncidentsByDriver = Meter.CreateCounter<long>("dashcam.incidents", "{incident}");
    private static readonly TranscodeProfile Review = new("review-blurred", 720, 2500, 96);

    public async Task IngestAsync(DashcamIncident incident, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFleetmediaUpload("dashcam-clip");
        span.SetFleetmediaBusId(incident.BusId);
        span.SetFleetmediaDocumentId(incident.IncidentId);
        span.SetFleetmediaUploaderId(pseudonymizer.PseudonymizeFleetmediaUploaderId(incident.DriverStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("fleet.depot", incident.Depot); // clean precision-names
        span.Activity?.SetTag("fleet.driver", incident.DriverStaffNumber); // leak TC1001 direct
        IncidentsByDriver.Add(1, new KeyValuePair<string, object?>("depot", incident.Depot)); // clean precision-names
        IncidentsByDriver.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeFleetmediaUploaderId(incident.DriverStaffNumber))); // leak TC1003 precision-pseudonym
        LogIncident(logger, incident.IncidentId, incident.BusId, incident.DriverName); // leak TC1001 direct
        span.SetFleetmediaNote($"flagged by {incident.DriverName} on {incident.BusId}"); // leak TC1001 generated-api

        var original = $"{incident.BusId}/{incident.At:yyyyMMddHHmmss}-{incident.IncidentId}.mp4";
        await using (var file = File.OpenRead(incident.ClipPath))
        {
            await blobs.GetBlobContainerClient(Container).GetBlobClient(original).UploadAsync(file, new BlobUploadOptions
            {
                Tags = new Dictionary<string, string> { ["incident"] = incident.IncidentId, ["retain"] = "31d" },
            }, cancellationToken);
        }
        span.SetFleetmediaBlobName(original); // clean generated-api

        var probe = await FFProbe.AnalyseAsync(incident.ClipPath, cancellationToken);
        // The recorder writes the bus's position and its fleet number into the container's tags.
        span.Activity?.SetTag("clip.tags", string.Join(";", probe.Format.Tags.Select(t => $"{t.Key}={t.Value}"))); // clean strings
        var blurred = Path.Combine(options.WorkingDirectory, "dashcam", incident.IncidentId, "review.mp4");
        try
        {
            await FFMpegArguments.FromFileInput(incident.ClipPath).WithVideoFilter("face_plate_blur=model=/opt/models/blur.onnx").OutputToFile(blurred, overwrite: true, Review).ProcessAsynchronously();
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "dashcam-clip", Review.Name); // clean generated-api
            logger.LogDebug("Review copy made with {@Profile}", Review); // clean logging-objects
        }
        catch (FFMpegException ex)
        {
            logger.LogError(ex, "Blurring incident {IncidentId} failed", incident.IncidentId); // clean exceptions
            logger.LogFleetmediaFileRejectedEvent("blur-failed", incident.IncidentId, fleetmediaNote: ex.Message); // clean generated-api
        }

        if (incident.ComplaintReference is { } complaint)
        {
            await blobs.GetBlobContainerClient(Container).GetBlobClient(original).SetLegalHoldAsync(true, cancellationToken);
            span.SetFleetmediaRetentionLabel("complaint-hold");
            span.Activity?.SetTag("complaint.reference", complaint); // clean precision-names
        }
        logger.LogDebug("Incident ingested: {@Incident}", incident); // leak TC1001 logging-objects
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var span = Source.StartFleetmediaProcess("dashcam-clip");
        span.SetFleetmediaRetentionLabel("dashcam-31d");
        var cutoff = clock.GetUtcNow().AddDays(-31);
        var swept = 0;
        long bytes = 0;
        await foreach (var item in blobs.GetBlobContainerClient(Container).GetBlobsAsync(BlobTraits.LegalHold, prefix: null, cancellationToken: cancellationToken))
        {
            if (item.Properties.HasLegalHold == true || item.Properties.CreatedOn > cutoff)
            {
                continue;
            }
            await blobs.GetBlobContainerClient(Container).GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            swept++;
            bytes += item.Properties.ContentLength ?? 0;
            logger.LogDebug("Swept {Clip}", item.Name); // clean cross-member
        }
        span.Activity?.SetTag("dashcam.swept", swept); // clean precision-about
        span.Activity?.SetTag("dashcam.swept_bytes", bytes);
    }

    [LoggerMessage(EventId = 9120, Level = LogLevel.Information, Message = "Incident {IncidentId} on {BusId} flagged by {DriverName}")]
    private static partial void LogIncident(ILogger logger, string incidentId, string busId, string driverName);
}
