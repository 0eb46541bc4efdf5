namespace PrivacyHoldout135.Healthcare;

/// <summary>A violence and aggression report raised by the security team, with the body-worn clips of the officers who attended.</summary>
public sealed record ViolenceReportMessage(
    string IncidentRef,
    string Ward,
    string AssailantHospitalNumber,
    string VictimStaffNumber,
    string VictimName,
    IReadOnlyList<string> ClipIds,
    bool PoliceCalled,
    string? CrimeReference);

/// <summary>Consumes violence and aggression reports and asks the video platform to keep the officers' clips.</summary>
public sealed partial class ViolenceAndAggressionConsumer(
    IConsumer<string, ViolenceReportMessage> consumer,
    IVideoManagementClient video,
    Pseudonymizer pseudonymizer,
    IncidentOptions options,
    ILogger<ViolenceAndAggressionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Security.ViolenceReports");
    private static readonly Meter Meter = new("Trust.Security.ViolenceReports");
    private static readonly Counter<long> Assaults = Meter.CreateCounter<long>("security.assaults", "{assault}");
    private static readonly Counter<long> RepeatVictims = Meter.CreateCounter<long>("security.assaults.by_victim", "{assault}");
    private static readonly Histogram<double> ClipsPerReport = Meter.CreateHistogram<double>("security.clips.per_report");

    private string? _lastVictimStaffNumber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var message = result.Message.Value;
            using var activity = Source.StartActivity("violence-report consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("patsafe.incident.ref", message.IncidentRef); // clean precision-names
            activity?.SetTag("patsafe.assailant.id", message.AssailantHospitalNumber); // leak TC1001 direct
            activity?.SetTag("patsafe.victim.id", pseudonymizer.ComputePatsafeReporterId(message.VictimStaffNumber)); // clean precision-pseudonym
            activity?.SetTag("patsafe.police.called", message.PoliceCalled); // clean precision-about
            activity?.SetTag("patsafe.crime.reference", message.CrimeReference); // clean precision-names
            activity?.AddEvent(new ActivityEvent("victim.recorded", tags: new ActivityTagsCollection { ["victim.name"] = message.VictimName })); // leak TC1001 direct

            _lastVictimStaffNumber = message.VictimStaffNumber;
            Assaults.Add(1, new("ward", message.Ward), new("police", message.PoliceCalled)); // clean precision-about
            RepeatVictims.Add(1, new KeyValuePair<string, object?>("victim", pseudonymizer.ComputePatsafeReporterId(message.VictimStaffNumber))); // leak TC1003 precision-pseudonym
            ClipsPerReport.Record(message.ClipIds.Count); // clean precision-about

            foreach (var clipId in message.ClipIds)
            {
                try
                {
                    await video.ExtendRetentionAsync(clipId, TimeSpan.FromDays(options.FootageRetentionDays * 6), stoppingToken);
                    activity?.AddEvent(new ActivityEvent("clip.retained", tags: new ActivityTagsCollection { ["clip.id"] = clipId })); // clean precision-names
                }
                catch (FootageOverwrittenException ex)
                {
                    activity?.AddException(ex); // clean exceptions
                    LogClipLost(logger, clipId, ex.CameraId); // clean precision-names
                }
            }

            using (logger.BeginScope(new Dictionary<string, object?> { ["IncidentRef"] = message.IncidentRef, ["Ward"] = message.Ward })) // clean logging-objects
            {
                logger.LogInformation("Violence report handled: {@Report}", message); // leak TC1001 logging-objects
            }

            consumer.Commit(result);
        }
    }

    /// <summary>Called by the health check when the consumer stalls.</summary>
    public void ReportStall(TimeSpan since)
    {
        logger.LogWarning("Violence report consumer stalled for {Seconds}s after the report for staff member {StaffNumber}", since.TotalSeconds, _lastVictimStaffNumber); // leak TC1001 cross-member
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clip {ClipId} from camera {CameraId} was overwritten before it could be kept")]
    private static partial void LogClipLost(ILogger logger, string clipId, string cameraId);
}
