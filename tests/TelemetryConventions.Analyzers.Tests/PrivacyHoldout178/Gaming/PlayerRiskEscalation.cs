namespace PrivacyHoldout178.Gaming;

public static partial class RiskLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Risk report {ReportId} from player {PlayerId}")]
    public static partial void RiskReported(ILogger logger, string reportId, [PrivateData] string playerId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Risk report {ReportId} escalated for {Gamertag}")]
    public static partial void RiskEscalated(ILogger logger, string reportId, string gamertag);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Risk report {ReportId} in {Region} triaged as {Severity}")]
    public static partial void RiskTriaged(ILogger logger, string reportId, string region, string severity);
}

/// <summary>Escalates a player's self-harm or threat report from chat moderation to the trust and safety on-call, and to emergency services.</summary>
public sealed class PlayerRiskEscalation(IQueueReceiver<PlayerRiskReport> queue, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PlayerRiskEscalation> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.TrustSafety");
    private static readonly Meter Meter = new("Studio.TrustSafety");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>("trust_safety.escalations");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await queue.ReceiveAsync(stoppingToken);
            if (report is null)
            {
                continue;
            }

            using var span = Source.StartPlayersafeOperation(report.Region);
            var player = pseudonymizer.PseudonymizePlayersafeCallerId(report.PlayerId);
            span.SetPlayersafeCallerId(player); // clean precision-pseudonym
            RiskLog.RiskReported(logger, report.ReportId, report.PlayerId); // clean logging-objects
            RiskLog.RiskEscalated(logger, report.ReportId, report.Gamertag); // leak TC1001 direct
            RiskLog.RiskTriaged(logger, report.ReportId, report.Region, "imminent"); // clean precision-names
            span.Activity?.SetTag("player.id", report.PlayerId); // leak TC1001 direct
            span.Activity?.SetTag("player.ip", report.IpAddress); // leak TC1001 direct
            span.Activity?.SetTag("player.chat", report.ChatLine); // leak TC1001 direct
            span.Activity?.SetTag("player.chat.length", report.ChatLine.Length); // clean precision-about
            span.Activity?.SetTag("player.gamertag.length", report.Gamertag.Length); // clean precision-about
            span.SetPlayersafeNote($"Player {report.Gamertag} said: {report.ChatLine}"); // leak TC1001 generated-api
            span.SetPlayersafeNote($"Risk report {report.ReportId} in {report.Region}"); // clean generated-api
            Escalations.Add(1, new KeyValuePair<string, object?>("region", report.Region)); // clean precision-about
            Escalations.Add(1, new KeyValuePair<string, object?>("player", player)); // leak TC1003 precision-pseudonym
            Meter.CreatePlayersafeOperationsCounter().Add(1, report.Region, "escalated"); // clean generated-api
            Meter.CreatePlayersafeOperationsCounter().Add(1, report.Region, report.Gamertag); // leak TC1003 generated-api
            var sample = SHA1.HashData(Encoding.UTF8.GetBytes(report.PlayerId))[0] % 100;
            span.Activity?.SetTag("review.sample", sample); // leak TC1002 hashes
            var queueShard = new HMACSHA256(secrets.ShardKey).ComputeHash(Encoding.UTF8.GetBytes(report.PlayerId))[0] % 16;
            span.Activity?.SetTag("review.shard", queueShard); // clean hashes
            Escalations.Add(1, new KeyValuePair<string, object?>("shard", queueShard)); // clean hashes
            logger.LogInformation("Report {@Report}", report); // leak TC1001 logging-objects
            logger.LogInformation("Report {ReportId} at {Received}", report.ReportId, DateTimeOffset.UtcNow); // clean precision-names
            Baggage.SetBaggage("player.pseudonym", player.Value); // clean precision-pseudonym
            Baggage.SetBaggage("player.gamertag", report.Gamertag); // leak TC1001 direct
        }
    }
}
