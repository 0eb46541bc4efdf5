namespace PrivacyHoldout160.Media;

/// <summary>Streams a TV app's audio straight to viewers' hearing aids (Bluetooth LE Audio).</summary>
public sealed partial class HearingAidStreamService(
    ILogger<HearingAidStreamService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly UpDownCounter<int> activeStreams = meter.CreateUpDownCounter<int>("careview.hearing_aid.streams");
    private HearingAidLink? current;

    public void Start(HearingAidLink link, string titleId)
    {
        current = link;
        using var span = source.StartCareviewOperation("tv-app");
        span.SetCareviewSubscriberId(pseudonymizer.PseudonymizeCareviewSubscriberId(link.SubscriberId)); // clean generated-api
        span.SetCareviewDeviceModel(link.Manufacturer); // clean generated-api
        span.SetCareviewNote($"Streaming {titleId} over {link.Codec}"); // clean generated-api
        Activity.Current?.SetTag("stream.codec", link.Codec); // clean precision-about
        Activity.Current?.SetTag("stream.title", titleId); // clean precision-names
        Activity.Current?.SetTag("hearing_aid.serial", link.HearingAidSerial); // leak TC1001 direct
        Activity.Current?.SetTag("subscriber.id", link.SubscriberId); // leak TC1001 direct
        activeStreams.Add(1, new KeyValuePair<string, object?>("codec", link.Codec)); // clean precision-about
        activeStreams.Add(1, new KeyValuePair<string, object?>("hearing_aid", link.HearingAidSerial)); // leak TC1003 direct
        LogStreamStarted(logger, titleId, link.SubscriberId); // leak TC1001 logging-objects
        LogStreamStartedClassified(logger, titleId, link.SubscriberId); // clean logging-objects
    }

    public void Fail()
    {
        if (current is null)
        {
            return;
        }

        var ex = new HearingAidPairingException(current.HearingAidSerial);
        logger.LogError(ex, "Hearing aid stream failed on {Codec}", current.Codec); // leak TC1001 exceptions
        logger.LogError("Hearing aid stream failed: {Error}", ex.GetType().Name); // clean exceptions
        logger.LogCareviewOperationFailedEvent("tv-app", "pairing", careviewNote: $"aid {current.HearingAidSerial}"); // leak TC1001 cross-member
        var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(current.HearingAidSerial))) % 64;
        logger.LogError("Failing stream bucket {Bucket}", bucket); // clean hashes
        logger.LogError("Failing link {Link}", current); // leak TC1001 logging-objects
    }

    public void Stop()
    {
        activeStreams.Add(-1, new KeyValuePair<string, object?>("codec", current?.Codec)); // clean cross-member
        current = null;
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Streaming {TitleId} to the hearing aids of {SubscriberId}")]
    private static partial void LogStreamStarted(ILogger logger, string titleId, string subscriberId);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Streaming {TitleId} to the hearing aids of {SubscriberId}")]
    private static partial void LogStreamStartedClassified(ILogger logger, string titleId, [PrivateData] string subscriberId);
}
