namespace PrivacyHoldout88.Gaming;

public sealed record CheatDetection(Guid PlayerId, string Gamertag, string Rule, string Build, string MatchId, double Confidence, string Platform);

/// <summary>
/// Anti-cheat detections above the auto-ban threshold are posted to the trust and safety channel for a
/// human to confirm; spikes of one rule on one build page the anti-cheat engineer on call.
/// </summary>
public sealed class AntiCheatAlerts(
    IChatWebhook slack,
    IEventsApiClient events,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<AntiCheatAlerts> logger)
{
    private readonly Counter<long> _detections = meter.CreateCounter<long>("arenapage.anticheat.detections", "{detection}");
    private readonly ConcurrentDictionary<Guid, int> _strikes = new();

    public async Task ReviewAsync(CheatDetection detection, CancellationToken cancellationToken)
    {
        using var span = source.StartArenapagePage("anticheat", detection.Confidence > 0.98 ? "error" : "warning");
        span.SetArenapageCheck(detection.Rule); // clean precision-names
        span.SetArenapagePlayerId(pseudonymizer.PseudonymizeArenapagePlayerId(detection.PlayerId.ToString())); // clean precision-pseudonym
        _detections.Add(1, new KeyValuePair<string, object?>("rule", detection.Rule), new KeyValuePair<string, object?>("platform", detection.Platform)); // clean precision-about
        var strikes = _strikes.AddOrUpdate(detection.PlayerId, 1, (_, n) => n + 1);
        logger.LogInformation("Detection {Rule} in match {Match}, strike {Strike}", detection.Rule, detection.MatchId, strikes); // clean precision-names

        var message = new ChatMessage
        {
            Channel = options.AlertsChannelId,
            Text = $"{detection.Rule} on *{detection.Gamertag}* ({detection.Confidence:P0}) in match {detection.MatchId}",
        };
        message.Blocks.Add(new ButtonBlock("Ban", "confirm-ban", detection.PlayerId.ToString()));
        message.Blocks.Add(new ButtonBlock("Dismiss", "dismiss", detection.MatchId));
        logger.LogDebug("Posting review card: {Text}", message.Text); // leak TC1001 strings
        Activity.Current?.SetTag("review.buttons", string.Join(",", message.Blocks.OfType<ButtonBlock>().Select(b => b.ActionId))); // clean precision-names
        Activity.Current?.SetTag("review.ban_value", message.Blocks.OfType<ButtonBlock>().First().Value); // leak TC1001 cross-member

        var posted = await slack.PostAsync(message, cancellationToken);
        if (posted.StatusCode != 200)
        {
            logger.LogWarning("Slack said {Status}: {Body}", posted.StatusCode, posted.Body); // clean precision-about
        }

        var tagHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(detection.Gamertag)));
        Activity.Current?.SetTag("review.key", tagHash); // leak TC1002 hashes
        logger.LogInformation("Review queued for {Detection}", detection); // leak TC1001 logging-objects
    }

    public async Task PageSpikeAsync(string rule, string build, int detectionsLastHour, IReadOnlyList<CheatDetection> sample, CancellationToken cancellationToken)
    {
        var dedupKey = DedupKeys.Of($"anticheat-{build}", rule);
        using var span = source.StartArenapagePage("anticheat", "critical");
        span.SetArenapageDedupKey(dedupKey); // clean precision-about
        var payload = new AlertPayload($"{detectionsLastHour} {rule} detections on {build} in the last hour", "anticheat-pipeline", AlertSeverity.Critical, "anticheat", build)
        {
            CustomDetails = { ["sample_players"] = sample.Select(s => s.Gamertag).ToArray(), ["rule"] = rule },
        };
        logger.LogWarning("Paging spike: {Summary}", payload.Summary); // clean strings
        logger.LogWarning("Spike sample {Sample}", string.Join(", ", sample.Select(s => s.Gamertag))); // leak TC1001 strings
        var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, dedupKey, payload), cancellationToken);
        logger.LogArenapagePageFailedEvent("anticheat", enqueued.Status, arenapageNote: $"first sample {sample.FirstOrDefault()?.PlayerId}"); // leak TC1001 generated-api
    }
}
