using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Media;

/// <summary>Body-worn footage the enforcement firm released for a programme, one clip per visit.</summary>
public sealed record FootageClip(string ClipId, string CaseReference, string AgentBadge, string DebtorName, string DoorAddress, TimeSpan Length, bool FacesBlurred);

public sealed class AgentFootageWorker(IQueueReceiver<FootageClip> clips, TelemetrySecrets secrets, ILogger<AgentFootageWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.AgentFootage");
    private static readonly Histogram<double> ClipLength = new Meter("Broadcaster.AgentFootage").CreateHistogram<double>("footage.clip.length", "s");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await clips.ReceiveAsync(stoppingToken) is { } clip)
        {
            using var activity = Source.StartActivity("footage.ingest");
            activity?.SetTag("footage.clip.id", clip.ClipId); // clean precision-names
            activity?.SetTag("footage.case.reference", clip.CaseReference); // clean precision-names
            activity?.SetTag("footage.agent.badge", clip.AgentBadge); // leak TC1001 direct
            activity?.SetTag("footage.door", clip.DoorAddress); // leak TC1001 direct
            activity?.SetTag("footage.blurred", clip.FacesBlurred); // clean precision-about
            ClipLength.Record(clip.Length.TotalSeconds, new KeyValuePair<string, object?>("blurred", clip.FacesBlurred)); // clean precision-about
            ClipLength.Record(clip.Length.TotalSeconds, new KeyValuePair<string, object?>("debtor", clip.DebtorName)); // leak TC1003 direct
            var title = new StringBuilder().Append("Visit to ").Append(clip.DebtorName).Append(" at ").Append(clip.DoorAddress).ToString();
            logger.LogInformation("Clip title {Title}", title); // leak TC1001 strings
            logger.LogInformation("Clip {Clip}", clip); // leak TC1001 logging-objects
            logger.LogInformation("Clip {Clip}", clip with { DebtorName = "[blurred]", DoorAddress = "[blurred]", AgentBadge = "[blurred]" }); // clean logging-objects
            var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(clip.DebtorName)))[..12];
            logger.LogInformation("Clip debtor key {Key}", keyed); // clean hashes
        }
    }
}
