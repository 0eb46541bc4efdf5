namespace PrivacyHoldout79.Media;

/// <summary>
/// A heartbeat of the streaming apps' player. <see cref="DeviceId"/> is the id the subscriber's own
/// TV or phone registered with; <see cref="ManifestUrl"/> is signed with the viewer's playback token.
/// </summary>
public sealed record PlaybackBeacon(
    string PlaybackSessionId,
    Guid SubscriberId,
    Guid ProfileId,
    string DeviceId,
    string TitleId,
    string ManifestUrl,
    string CdnHost,
    int BitrateKbps,
    double RebufferRatio,
    string AppVersion,
    string Platform);

/// <summary>Collects the players' heartbeats and re-emits quality-of-experience telemetry.</summary>
public sealed partial class PlayerBeaconCollector(
    ILogger<PlayerBeaconCollector> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    KeyedBuckets buckets,
    Meter meter)
{
    private readonly Histogram<double> _rebuffer = meter.CreateHistogram<double>("stream.qoe.rebuffer_ratio");
    private readonly Counter<long> _heartbeats = meter.CreateCounter<long>("stream.qoe.heartbeats");
    private readonly Dictionary<string, PlaybackBeacon> _lastByDevice = new();

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Heartbeat {Session} title {Title} at {Bitrate} kbps via {Cdn}")]
    private static partial void LogHeartbeat(ILogger logger, string session, string title, int bitrate, string cdn);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Rebuffering on device {DeviceId} for subscriber {Subscriber}")]
    private static partial void LogRebuffering(ILogger logger, string deviceId, Guid subscriber);

    public void Heartbeat(string batchId, PlaybackBeacon beacon)
    {
        using var span = source.StartViewpulseIngest(batchId);
        span.SetViewpulseUserId(pseudonymizer.PseudonymizeViewpulseUserId(beacon.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetViewpulseAppVersion(beacon.AppVersion); // clean precision-about
        span.SetViewpulseOsName(beacon.Platform); // clean precision-about
        LogHeartbeat(logger, beacon.PlaybackSessionId, beacon.TitleId, beacon.BitrateKbps, beacon.CdnHost); // clean precision-about
        _heartbeats.Add(1, new KeyValuePair<string, object?>("platform", beacon.Platform), new("cdn", beacon.CdnHost), new("device_class", beacon.DeviceId[..4])); // clean precision-about
        _rebuffer.Record(beacon.RebufferRatio, new KeyValuePair<string, object?>("title", beacon.TitleId)); // clean precision-about

        if (beacon.RebufferRatio > 0.05)
        {
            LogRebuffering(logger, beacon.DeviceId, beacon.SubscriberId); // leak TC1001 direct
            span.Activity?.SetTag("qoe.manifest", beacon.ManifestUrl); // leak TC1001 direct
            span.Activity?.SetTag("qoe.key", $"{beacon.SubscriberId}:{beacon.TitleId}"); // leak TC1001 strings
            span.SetViewpulseNote($"rebuffering {beacon.RebufferRatio:P1} on device {beacon.DeviceId}"); // leak TC1001 generated-api
            span.SetViewpulseNote($"rebuffering {beacon.RebufferRatio:P1} on {beacon.CdnHost} at {beacon.BitrateKbps} kbps"); // clean precision-about
            span.Activity?.SetTag("qoe.manifest.path", new Uri(beacon.ManifestUrl).AbsolutePath); // clean precision-about
            _rebuffer.Record(beacon.RebufferRatio, new KeyValuePair<string, object?>("profile", beacon.ProfileId)); // leak TC1003 direct
        }

        _lastByDevice[beacon.DeviceId] = beacon;
        Activity.Current?.SetBaggage("stream.lane", buckets.Bucket(beacon.SubscriberId.ToString(), 4).ToString()); // clean precision-about
    }

    public void ReportStalls()
    {
        foreach (var (device, last) in _lastByDevice)
        {
            if (last.BitrateKbps < 800)
            {
                logger.LogWarning("Low bitrate device {Device} on {Title}", device, last.TitleId); // leak TC1001 cross-member
                logger.LogWarning("Low bitrate heartbeat {Heartbeat}", last); // leak TC1001 logging-objects
            }
        }

        logger.LogInformation("{Devices} devices reported, {Low} under 800 kbps", _lastByDevice.Count, _lastByDevice.Values.Count(b => b.BitrateKbps < 800)); // clean precision-about
    }
}
