namespace PrivacyHoldout88.Retail;

/// <summary>
/// Checkout's error budget alerts, the escalation to the payments engineer on call, and the public status
/// page during a payments incident.
/// </summary>
public sealed class CheckoutIncidentComms(
    IEventsApiClient events,
    IOnCallDirectory rota,
    IStatusPageClient statusPage,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<CheckoutIncidentComms> logger)
{
    private OnCallShift? _lastPaged;

    public async Task OnBudgetAsync(SloStatus slo, double burnRate, CancellationToken cancellationToken)
    {
        using var span = source.StartShoppagePage("checkout", burnRate >= 14.4 ? "critical" : "warning");
        span.SetShoppageSloName(slo.SloName); // clean precision-names
        span.SetShoppageBurnRate(burnRate); // clean precision-about
        logger.LogWarning("SLO {Slo} at {Attained:P3}, budget left {Budget:P1}", slo.SloName, slo.Attained, slo.BudgetRemaining); // clean precision-about
        logger.LogWarning("SLO status {Status}", slo); // clean logging-objects
        if (burnRate < 14.4)
        {
            return;
        }

        var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
        _lastPaged = shift;
        span.SetShoppageResponderId(pseudonymizer.PseudonymizeShoppageResponderId(shift!.Responder.StaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("oncall.level", shift.Level); // clean precision-about
        Activity.Current?.SetTag("oncall.contact", shift.Responder.Email); // leak TC1001 direct
        var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, DedupKeys.Of("checkout", slo.SloName),
            new AlertPayload($"Checkout burning {burnRate:0.#}x ({slo.SloName})", "slo-evaluator", AlertSeverity.Critical, "checkout"));
        var enqueued = await events.EnqueueAsync(alert, cancellationToken);
        meter.CreateShoppagePagesSentCounter().Add(1, "checkout", "critical", shoppageOutcome: enqueued.Status); // clean precision-about
        logger.LogInformation("Paged {Alert}", alert); // clean logging-objects
    }

    public void OnAcknowledged(IncidentWebhook webhook)
    {
        var minutes = _lastPaged is null ? -1 : (webhook.OccurredAt - _lastPaged.Start).TotalMinutes;
        logger.LogInformation("Acknowledged after {Minutes} by {Paged}", minutes, _lastPaged?.Responder.Name); // leak TC1001 cross-member
        logger.LogInformation("Acknowledged {Incident} ({Number}) urgency {Urgency}", webhook.IncidentId, webhook.IncidentNumber, webhook.Urgency); // clean precision-names
        meter.CreateShoppageAckLatencyHistogram().Record(minutes * 60, "checkout", shoppageSeverity: webhook.Urgency); // clean precision-about
        Activity.Current?.SetTag("ack.by_phone", _lastPaged is null ? null : PhoneMask.Mask(_lastPaged.Responder.Phone)); // clean precision-about
    }

    public async Task UpdateStatusAsync(string status, string body, CancellationToken cancellationToken)
    {
        var update = new StatusUpdate(options.StatusPageId, "Card payments failing", status, body,
            new Dictionary<string, ComponentState> { ["card-payments"] = ComponentState.PartialOutage });
        var id = await statusPage.PostIncidentUpdateAsync(update, cancellationToken);
        Activity.Current?.AddEvent(new ActivityEvent("statuspage.update", tags: new() { ["page"] = update.PageId, ["incident"] = id, ["status"] = status })); // clean precision-names
    }
}
