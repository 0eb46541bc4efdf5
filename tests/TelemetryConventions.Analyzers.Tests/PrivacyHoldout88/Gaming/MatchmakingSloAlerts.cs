namespace PrivacyHoldout88.Gaming;

/// <summary>
/// Matchmaking's error budget alerts, and the acknowledgement webhook the paging service calls back,
/// which records the time to acknowledge.
/// </summary>
public sealed class MatchmakingSloAlerts(
    IEventsApiClient events,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<MatchmakingSloAlerts> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _triggeredAt = new();

    public async Task EvaluateAsync(SloStatus slo, double errorRatioFastWindow, string queue, CancellationToken cancellationToken)
    {
        var burn = BurnRate.Of(errorRatioFastWindow, slo.Objective);
        if (burn < 6)
        {
            return;
        }

        var alert = new BurnRateAlert(slo.SloName, "matchmaking", slo.Objective, burn, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), slo.BudgetRemaining);
        using var span = source.StartArenapagePage("matchmaking", burn >= 14.4 ? "critical" : "error");
        span.SetArenapageSloName(slo.SloName); // clean precision-names
        span.SetArenapageBurnRate(burn); // clean precision-about
        logger.LogWarning("Burn {Alert} on queue {Queue}", alert, queue); // clean logging-objects

        var dedupKey = DedupKeys.Of("matchmaking", $"{slo.SloName}-{queue}");
        var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, dedupKey,
            new AlertPayload($"{slo.SloName} burning {burn:0.0}x on {queue}", "slo-evaluator", AlertSeverity.Critical, "matchmaking", queue)), cancellationToken);
        _triggeredAt[enqueued.DedupKey] = DateTimeOffset.UtcNow;
        logger.LogInformation("Triggered {DedupKey}: {Message}", enqueued.DedupKey, enqueued.Message); // clean precision-names
        meter.CreateArenapagePagesSentCounter().Add(1, "matchmaking", burn >= 14.4 ? "critical" : "error", arenapageOutcome: enqueued.Status); // clean precision-about
    }

    public ActionResult OnIncidentWebhook(IncidentWebhook webhook, string dedupKey)
    {
        var span = Activity.Current.EnrichArenapageCommand(webhook.EventType);
        span.SetArenapageIncidentId(webhook.IncidentId); // clean precision-names
        logger.LogInformation("Incident webhook {Webhook}", webhook); // leak TC1001 logging-objects
        if (webhook.Agent is { } agent)
        {
            span.SetArenapageResponderId(pseudonymizer.PseudonymizeArenapageResponderId(agent.Id)); // clean precision-pseudonym
            logger.LogInformation("{Incident} {Event} by {Agent}", webhook.IncidentNumber, webhook.EventType, agent.Summary); // leak TC1001 direct
            Activity.Current?.SetTag("incident.agent.domain", agent.Email.Split('@')[1]); // clean precision-about
        }

        if (webhook.EventType == "incident.acknowledged" && _triggeredAt.TryRemove(dedupKey, out var triggered))
        {
            meter.CreateArenapageAckLatencyHistogram().Record((webhook.OccurredAt - triggered).TotalSeconds, "matchmaking", arenapageSeverity: webhook.Urgency); // clean precision-about
            var byAgent = meter.CreateHistogram<double>("arenapage.ack.by_agent", "s");
            byAgent.Record((webhook.OccurredAt - triggered).TotalSeconds, new KeyValuePair<string, object?>("agent", webhook.Agent?.Email)); // leak TC1003 direct
        }

        return new OkResult(null);
    }
}
