namespace PrivacyHoldout69.Retail;

public sealed record IdleBasket(string BasketId, string CustomerNumber, string Email, decimal Value, int MinutesIdle, int ItemCount);

/// <summary>
/// Every fifteen minutes: the abandonment propensity model scores idle baskets; customers over the
/// threshold get a nudge email, one in twenty predictions is kept for the labelling team (did the
/// customer come back?), and a timing experiment decides whether the nudge waits an hour.
/// </summary>
public sealed class AbandonmentNudges(
    IScoringClient scoring,
    ILabelQueue labels,
    ShardKey shardKey,
    ILogger<AbandonmentNudges> logger)
{
    private const double NudgeThreshold = 0.55;
    private static readonly ActivitySource Source = new("Shop.Baskets.Nudges");

    public async Task RunAsync(IReadOnlyList<IdleBasket> baskets, CancellationToken ct)
    {
        using var run = Source.StartActivity("nudges.run");
        var requests = baskets.Select(b => new ScoringRequest("abandonment-propensity", new Dictionary<string, object?> { ["value"] = b.Value, ["minutes_idle"] = b.MinutesIdle, ["items"] = b.ItemCount }) { RequestId = b.BasketId }).ToList();
        var responses = await scoring.ScoreBatchAsync(requests, ct);
        var scored = baskets.Zip(responses, (b, r) => (Basket: b, r.Score)).ToList();

        var toNudge = scored.Where(s => s.Score >= NudgeThreshold).ToList();
        run?.SetTag("nudges.scored", scored.Count); // clean precision-about
        run?.SetTag("nudges.over_threshold", toNudge.Count); // clean precision-about
        logger.LogInformation("Nudge list: {Recipients}", toNudge.Select(s => (s.Basket.Email, s.Score)).ToList()); // leak TC1001 logging-objects

        foreach (var (basket, score) in toNudge)
        {
            using var nudge = Source.StartActivity("nudges.send");
            if (nudge is not null)
            {
                nudge.DisplayName = $"nudge {basket.Email}"; // leak TC1001 strings
            }
            nudge?.SetTag("shop.basket.id", basket.BasketId); // clean precision-names
            nudge?.SetTag("nudges.prediction_id", $"{basket.CustomerNumber}:{basket.BasketId}"); // leak TC1001 strings
            var waitAnHour = (HashCode.Combine(basket.CustomerNumber) & 1) == 1;
            nudge?.SetTag("nudges.timing_arm", waitAnHour ? "wait-60" : "now"); // leak TC1002 hashes

            if (shardKey.Bucket(basket.BasketId, 20) == 0)
            {
                var task = new LabelTask(basket.BasketId, basket.CustomerNumber, score, new Dictionary<string, object?> { ["value"] = basket.Value });
                await labels.EnqueueAsync(task, ct);
                logger.LogDebug("Queued for labelling: {LabelTask}", task); // leak TC1001 logging-objects
            }
        }
    }
}
