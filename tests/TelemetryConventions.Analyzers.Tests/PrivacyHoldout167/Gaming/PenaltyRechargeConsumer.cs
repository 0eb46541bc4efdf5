namespace PrivacyHoldout167.Gaming;

/// <summary>The studio re-charges parking penalties its touring pro players' cars picked up at away tournaments; consumes notices keyed by player id.</summary>
public sealed class PenaltyRechargeConsumer(
    IConsumer<string, PenaltyNotice> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<PenaltyRechargeConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Recharges");
    private static readonly Meter Meter = new("Studio.Recharges");
    private readonly ArenaparkOperationDurationHistogram _duration = Meter.CreateArenaparkOperationDurationHistogram();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (consumer.Consume(stoppingToken) is { } result)
        {
            var started = Stopwatch.GetTimestamp();
            var playerId = result.Message.Key;
            var notice = result.Message.Value;
            using var activity = Source.StartActivity("recharge.notice");
            activity?.SetTag("recharge.player", pseudonymizer.ComputeArenaparkFanId(playerId)); // clean precision-pseudonym
            activity?.SetTag("recharge.notice", notice.NoticeNumber); // clean precision-about
            activity?.SetTag("recharge.topic", result.Topic); // clean precision-about
            activity?.SetTag("recharge.player.raw", Pseudonym.FromComputed(playerId).Value); // leak TC1001 precision-pseudonym
            activity?.SetTag("recharge.headers", string.Join(",", result.Message.Headers.Keys)); // clean precision-names
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlayerId"] = playerId, ["Notice"] = notice.NoticeNumber }); // leak TC1001 direct
            using var cleanScope = logger.BeginScope(new Dictionary<string, object> { ["Notice"] = notice.NoticeNumber, ["Amount"] = notice.Amount }); // clean precision-about
            logger.LogInformation("Recharging {Amount} for contravention {Code}", notice.Amount, notice.ContraventionCode); // clean precision-about
            activity?.SetTag("recharge.officer", notice.OfficerNumber); // leak TC1001 direct
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "away"); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
