namespace PrivacyHoldout140.Media;

/// <summary>A diary upload from the panel app or the set-top meter.</summary>
public sealed record DiaryUpload(string PanellistId, string DeviceId, IReadOnlyList<DiaryEntry> Entries, string AppVersion);

/// <summary>
/// Reads the panel's viewing diaries from Kafka (the topic is keyed by panellist id), checks each entry against
/// the schedule and counts entries per channel for the overnight figures.
/// </summary>
public sealed class ViewingDiaryConsumer(
    IConsumer<string, DiaryUpload> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ViewingDiaryConsumer> logger)
{
    private readonly Counter<long> _entries = meter.CreateCounter<long>("audiencepanel.entries.by_channel", "{entry}");
    private string? _lastLateDevice;

    public void Poll(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var upload = result.Message.Value;
        using var scope = logger.BeginScope("Diary upload from {DeviceId}", upload.DeviceId); // leak TC1001 direct
        using var span = source.StartAudiencepanelOperation("tv-diary-uk");
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
        span.SetAudiencepanelPanellistId(pseudonymizer.PseudonymizeAudiencepanelPanellistId(upload.PanellistId)); // clean precision-pseudonym
        span.SetAudiencepanelEntryCount(upload.Entries.Count); // clean precision-about
        span.Activity?.SetTag("audiencepanel.app.version", upload.AppVersion); // clean precision-names

        foreach (var entry in upload.Entries)
        {
            _entries.Add(1, new("channel", entry.ChannelCode), new("hour", entry.From.Hour)); // clean precision-about
            if (entry.Comment is { Length: > 0 })
            {
                logger.LogDebug("Diary comment: {Comment}", entry.Comment); // leak TC1001 direct
            }
        }

        var late = upload.Entries.Where(e => (DateTime.UtcNow - e.To).TotalDays > 3).ToList();
        if (late.Count > 0)
        {
            _lastLateDevice = upload.DeviceId;
            logger.LogWarning("Late entries {Entries}", late); // leak TC1001 logging-objects
            logger.LogAudiencepanelDiaryFailedEvent("tv-diary-uk", "late", audiencepanelPanellistId: pseudonymizer.PseudonymizeAudiencepanelPanellistId(upload.PanellistId), audiencepanelNote: $"{late.Count} entries older than 3 days"); // clean generated-api
        }

        meter.CreateAudiencepanelDiaryEntriesCounter().Add(upload.Entries.Count, "tv-diary-uk", audiencepanelOutcome: late.Count > 0 ? "late" : "on-time"); // clean generated-api
        consumer.Commit(result);
    }

    public void ReportLateDevice()
    {
        Activity.Current?.SetTag("audiencepanel.device.last_late", _lastLateDevice); // leak TC1001 cross-member
    }
}
