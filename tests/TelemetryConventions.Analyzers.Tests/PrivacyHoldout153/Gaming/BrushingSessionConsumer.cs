namespace PrivacyHoldout153.Gaming;

/// <summary>Reads brushing sessions the toothbrushes upload, awards streak badges and keeps the leaderboard of the week.</summary>
public sealed class BrushingSessionConsumer(
    IConsumer<string, BrushingSession> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BrushingSessionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("BrushQuest.Sessions");
    private static readonly Meter Meter = new("BrushQuest.Sessions");
    private static readonly Histogram<int> Coverage = Meter.CreateHistogram<int>("brushquest.session.coverage", "%");

    private readonly Dictionary<Guid, int> _streaks = new();
    private string? _lastShortSessionBrush;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var session = result.Message.Value;
            using var span = Source.StartBrushquestOperation(session.World);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.SetBrushquestPlayerId(pseudonymizer.PseudonymizeBrushquestPlayerId(session.PlayerId.ToString())); // clean generated-api
            Meter.CreateBrushquestBrushDurationHistogram().Record(session.Seconds, session.World); // clean generated-api
            Coverage.Record(session.CoveragePercent, new KeyValuePair<string, object?>("brushquest.world", session.World)); // clean precision-about
            Coverage.Record(session.CoveragePercent, new KeyValuePair<string, object?>("brushquest.player", session.PlayerId)); // leak TC1003 direct

            if (session.Seconds < 90)
            {
                _lastShortSessionBrush = session.BrushSerial;
                span.SetBrushquestOutcome("short"); // clean precision-about
            }
            _streaks[session.PlayerId] = _streaks.GetValueOrDefault(session.PlayerId) + 1;
            var badge = new BadgeAward("sparkle-shield", session.World, _streaks[session.PlayerId]);
            logger.LogInformation("Badge {@Badge}", badge); // clean logging-objects
            logger.LogInformation("Session {SessionId}: {Seconds}s, {Coverage}% coverage", session.SessionId, session.Seconds, session.CoveragePercent); // clean precision-names
            logger.LogDebug("Session {@Session}", session); // leak TC1001 logging-objects
            var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, session.PlayerId.ToByteArray())) % 64;
            Activity.Current?.SetTag("brushquest.player.bucket", bucket); // clean hashes
            Activity.Current?.SetTag("brushquest.player.hash", session.PlayerId.GetHashCode()); // leak TC1002 hashes
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void PublishWeek(Activity? activity)
    {
        var top = _streaks.OrderByDescending(s => s.Value).Take(3).ToList();
        activity?.SetTag("brushquest.week.players", _streaks.Count); // clean cross-member
        activity?.SetTag("brushquest.week.longest_streak", top.FirstOrDefault().Value); // clean cross-member
        activity?.SetTag("brushquest.week.top_players", string.Join(",", top.Select(t => t.Key))); // leak TC1001 cross-member
        logger.LogInformation("Last short session on brush {Brush}", _lastShortSessionBrush); // leak TC1001 cross-member
        _streaks.Clear();
    }
}
