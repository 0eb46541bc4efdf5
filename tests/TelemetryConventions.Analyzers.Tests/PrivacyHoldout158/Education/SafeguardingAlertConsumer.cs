namespace PrivacyHoldout158.Education;

/// <summary>Reads safeguarding alerts raised by staff from the trust's alerts topic (keyed by alert id) and routes them to the designated safeguarding lead.</summary>
public sealed partial class SafeguardingAlertConsumer(
    IConsumer<string, SafeguardingAlert> consumer,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SafeguardingAlertConsumer> logger) : BackgroundService
{
    private static readonly Histogram<int> PerPupil = new Meter("Helplines.Safeguarding").CreateHistogram<int>("safeguarding.alerts.per_pupil");

    private readonly Dictionary<string, List<string>> alertsByPupil = new();
    private string? lastReporter;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Route(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Route(ConsumeResult<string, SafeguardingAlert> result)
    {
        var alert = result.Message.Value;
        using var activity = source.StartActivity("safeguarding.route", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("safeguarding.category", alert.Category); // clean precision-about
        activity?.SetTag("safeguarding.reporter", alert.ReporterEmail); // leak TC1001 direct
        activity?.SetTag("safeguarding.reporter_domain", alert.ReporterEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("safeguarding.pupil", pseudonymizer.Pseudonymize("pupil", alert.StudentNumber).Value); // clean precision-pseudonym

        if (!alertsByPupil.TryGetValue(alert.StudentNumber, out var alerts))
        {
            alertsByPupil[alert.StudentNumber] = alerts = new List<string>();
        }

        alerts.Add(alert.AlertId);
        lastReporter = alert.ReporterEmail;
        PerPupil.Record(alerts.Count, new KeyValuePair<string, object?>("category", alert.Category)); // clean precision-about
        PerPupil.Record(alerts.Count, new KeyValuePair<string, object?>("pupil_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(alert.StudentNumber))[0] % 32)); // clean hashes
        PerPupil.Record(alerts.Count, new KeyValuePair<string, object?>("pupil_hash", BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(alert.StudentNumber))))); // leak TC1003 hashes

        LogAlertRouted(logger, alert.AlertId, alert.Category, alert.StudentNumber); // leak TC1001 logging-objects
        LogAlertReporter(logger, alert.AlertId, alert.ReporterEmail); // clean logging-objects
        logger.LogInformation("Safeguarding alert {@Alert}", alert); // leak TC1001 logging-objects
    }

    public void Digest()
    {
        var multiple = alertsByPupil.Where(pair => pair.Value.Count > 1).ToList();
        logger.LogWarning("Pupils with repeated alerts: {Pupils}", multiple.Select(pair => pair.Key)); // leak TC1001 cross-member
        logger.LogWarning("Pupils with repeated alerts: {Count}", multiple.Count); // clean cross-member
        logger.LogInformation("Last alert raised by {Reporter}", lastReporter); // leak TC1001 cross-member
        logger.LogInformation("Alerts open: {Alerts}", alertsByPupil.Values.Sum(list => list.Count)); // clean cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Alert {AlertId} ({Category}) routed for pupil {StudentNumber}")]
    private static partial void LogAlertRouted(ILogger logger, string alertId, string category, string studentNumber);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Alert {AlertId} raised by {ReporterEmail}")]
    private static partial void LogAlertReporter(ILogger logger, string alertId, [PrivateData] string reporterEmail);
}
