namespace PrivacyHoldout145.Gaming;

/// <summary>
/// Reads voice abuse reports from the <c>voice.reports</c> topic (keyed by report id), attaches the clip the
/// client kept, and mutes the reported player when the classifier agrees. Moderators review the rest.
/// </summary>
public sealed class VoiceReportConsumer(
    IConsumer<string, VoiceReport> reports,
    Func<string, double> toxicityOfClip,
    Pseudonymizer pseudonymizer,
    ILogger<VoiceReportConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Voice.Reports");

    private readonly Counter<long> _reports = meter.CreateCounter<long>("voice.reports", "{report}");

    private readonly Queue<VoiceReport> _forModerators = new();
    private Guid? _lastMuted;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (reports.Consume(stoppingToken) is not { } result)
            {
                continue;
            }

            var report = result.Message.Value;
            using var span = Source.StartVoicechatOperation("global", "voice.reports receive");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("voice.report.clip_id", report.ClipId); // clean precision-names
            span.SetVoicechatPlayerId(pseudonymizer.PseudonymizeVoicechatPlayerId(report.ReportedId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("voice.report.reporter", report.ReporterId.ToString()); // leak TC1001 direct
            Activity.Current?.SetTag("voice.report.has_description", !string.IsNullOrWhiteSpace(report.Description)); // clean precision-about

            var toxicity = toxicityOfClip(report.ClipId);
            if (toxicity > 0.9)
            {
                _lastMuted = report.ReportedId;
                _reports.Add(1, new KeyValuePair<string, object?>("action", "muted")); // clean precision-about
                span.SetVoicechatNote($"auto-muted, toxicity {toxicity:0.00}, clip {report.ClipId}"); // clean generated-api
            }
            else
            {
                _forModerators.Enqueue(report);
                span.SetVoicechatNote("queued for review: " + report.Description); // leak TC1001 generated-api
            }

            logger.LogInformation("Report {ReportId}: {Description}", report.ReportId, report.Description); // leak TC1001 direct
            reports.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void ReportQueue()
    {
        logger.LogInformation("Reports waiting for moderators: {Count}", _forModerators.Count); // clean cross-member
        logger.LogInformation("Next report for moderators: {Report}", _forModerators.Peek()); // leak TC1001 cross-member
        logger.LogInformation("Last player muted automatically: {Player}", _lastMuted); // leak TC1001 cross-member
    }
}
