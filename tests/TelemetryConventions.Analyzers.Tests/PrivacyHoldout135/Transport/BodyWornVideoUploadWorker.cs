namespace PrivacyHoldout135.Transport;

/// <summary>Pulls the day's body-worn video clips from each depot's docking stations and keeps the flagged ones.</summary>
public sealed partial class BodyWornVideoUploadWorker(
    IVideoManagementClient video,
    Pseudonymizer pseudonymizer,
    IncidentOptions options,
    ILogger<BodyWornVideoUploadWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.Security.BodyWornVideo");
    private static readonly Meter Meter = new("Rail.Security.BodyWornVideo");
    private static readonly Counter<long> Clips = Meter.CreateCounter<long>("bwv.clips", "{clip}");
    private static readonly Counter<long> ClipsByWearer = Meter.CreateCounter<long>("bwv.clips.by_wearer", "{clip}");
    private static readonly Histogram<double> ClipSeconds = Meter.CreateHistogram<double>("bwv.clip.duration", "s");
    private static readonly string[] Depots = ["LDS", "YRK", "NCL", "DON"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        foreach (var depot in Depots)
        {
            using var span = Source.StartActivity("bwv depot sweep");
            span?.SetTag("bwv.depot", depot); // clean precision-names
            var clips = await video.ClipsForShiftAsync(depot, day, stoppingToken);
            span?.SetTag("bwv.clips", clips.Count); // clean precision-about
            span?.SetTag("bwv.devices", clips.Select(c => c.DeviceSerial).Distinct().ToArray()); // clean precision-names
            span?.SetTag("bwv.wearers", clips.Select(c => c.WearerStaffNumber).Distinct().ToArray()); // leak TC1001 cross-member
            span?.SetTag("bwv.wearers.count", clips.Select(c => c.WearerStaffNumber).Distinct().Count()); // clean precision-about

            foreach (var clip in clips.Where(c => c.Flagged))
            {
                await video.ExtendRetentionAsync(clip.ClipId, TimeSpan.FromDays(options.FootageRetentionDays), stoppingToken);
                Clips.Add(1, new KeyValuePair<string, object?>("depot", depot), new KeyValuePair<string, object?>("flagged", true)); // clean precision-about
                ClipsByWearer.Add(1, new KeyValuePair<string, object?>("wearer", clip.WearerStaffNumber)); // leak TC1003 cross-member
                ClipSeconds.Record(clip.Duration.TotalSeconds, new KeyValuePair<string, object?>("depot", depot)); // clean precision-about
                LogFlagged(logger, clip.ClipId, clip.DeviceSerial, clip.WearerStaffNumber); // leak TC1001 direct
                span?.AddEvent(new ActivityEvent("bwv.flagged", tags: new ActivityTagsCollection { ["clip"] = clip.ClipId, ["wearer"] = pseudonymizer.ComputeRailsafeReporterId(clip.WearerStaffNumber) })); // clean precision-pseudonym
                logger.LogDebug("Kept {@Clip}", clip); // leak TC1001 logging-objects
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flagged clip {ClipId} from device {DeviceSerial} worn by {WearerStaffNumber} kept")]
    private static partial void LogFlagged(ILogger logger, string clipId, string deviceSerial, string wearerStaffNumber);
}
