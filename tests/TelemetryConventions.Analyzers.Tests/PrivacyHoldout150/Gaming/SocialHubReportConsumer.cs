namespace PrivacyHoldout150.Gaming;

/// <summary>Reads harassment reports from the social hub (the game's flirting and meet-up plaza) and hands them to moderators.</summary>
public sealed partial class SocialHubReportConsumer(
    IConsumer<string, HubReport> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SocialHubReportConsumer> logger) : BackgroundService
{
    private readonly Dictionary<Guid, int> _reportsByReported = new();
    private readonly UpDownCounter<int> _openReports = meter.CreateUpDownCounter<int>("lobby.hub.reports.open");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Handle(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, HubReport> result)
    {
        var report = result.Message.Value;
        using var span = source.StartLobbyOperation("hub-eu");
        span.SetLobbyQueue("hub-reports"); // clean generated-api
        span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(report.ReportedId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("hub.report.key", result.Message.Key); // clean precision-names
        Activity.Current?.SetTag("hub.report.reason", report.Reason); // clean precision-about
        Activity.Current?.SetTag("hub.report.excerpt_words", report.ChatExcerpt.Split(' ').Length); // clean precision-about
        Activity.Current?.SetTag("hub.report.excerpt", report.ChatExcerpt); // leak TC1001 direct
        _openReports.Add(1, new KeyValuePair<string, object?>("hub.reason", report.Reason)); // clean precision-about

        _reportsByReported[report.ReportedId] = _reportsByReported.GetValueOrDefault(report.ReportedId) + 1;
        if (_reportsByReported[report.ReportedId] >= 3)
        {
            LogRepeatOffender(logger, report.ReportedId, _reportsByReported[report.ReportedId]); // clean logging-objects
            LogRepeatOffenderForModerators(logger, report.ReportedId, report.Reason); // leak TC1001 logging-objects
            span.SetLobbyOutcome("escalated"); // clean generated-api
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = report.ReportId, ["Reason"] = report.Reason })) // clean logging-objects
        using (logger.BeginScope("Reporter {ReporterId}", report.ReporterId)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Hub report received {Report}", report); // leak TC1001 logging-objects
        }
    }

    /// <summary>Called by the moderation dashboard's health probe.</summary>
    public void PublishRepeatOffenders()
    {
        Activity.Current?.SetTag("hub.repeat_offenders.count", _reportsByReported.Count(p => p.Value >= 3)); // clean cross-member
        Activity.Current?.SetTag("hub.repeat_offenders", string.Join(",", _reportsByReported.Keys)); // leak TC1001 cross-member
        meter.CreateLobbyMatchesCounter().Add(1, "hub-eu", _reportsByReported.Keys.FirstOrDefault().ToString()); // leak TC1003 generated-api
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Player {PlayerId} reported {Count} times")]
    private static partial void LogRepeatOffender(ILogger logger, [PrivateData] Guid playerId, int count);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Moderators: repeat offender {PlayerId} ({Reason})")]
    private static partial void LogRepeatOffenderForModerators(ILogger logger, Guid playerId, string reason);
}
