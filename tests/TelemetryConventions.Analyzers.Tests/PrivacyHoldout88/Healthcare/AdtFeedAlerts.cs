namespace PrivacyHoldout88.Healthcare;

public sealed record AdtFeedHealth(string Feed, TimeSpan Lag, int Rejected, string? LastRejectedHospitalNumber, string? LastRejectReason);

/// <summary>
/// Watches the ADT feed from the PAS, raises feed-lag alerts in the integration team's channel, and posts
/// the EPR's availability burn-rate alerts and status page updates.
/// </summary>
public sealed class AdtFeedAlerts(
    IEventsApiClient events,
    IChatWebhook chat,
    IStatusPageClient statusPage,
    ActivitySource source,
    Meter meter,
    AlertingOptions options,
    ILogger<AdtFeedAlerts> logger)
{
    private readonly Histogram<double> _lag = meter.CreateHistogram<double>("clinicpage.adt.lag", "s");
    private string? _lastPostedSummary;

    public async Task CheckAsync(AdtFeedHealth health, CancellationToken cancellationToken)
    {
        _lag.Record(health.Lag.TotalSeconds, new KeyValuePair<string, object?>("feed", health.Feed)); // clean precision-names
        if (health.Lag < TimeSpan.FromMinutes(5) && health.Rejected == 0)
        {
            return;
        }

        var dedupKey = DedupKeys.Of("epr-adt", $"{health.Feed}-lag");
        using var span = source.StartClinicpagePage("epr-adt", health.Rejected > 50 ? "critical" : "warning");
        span.SetClinicpageDedupKey(dedupKey); // clean precision-names
        span.SetClinicpageCheck($"{health.Feed}-lag"); // clean precision-about
        logger.LogWarning("ADT feed {Feed} lagging {Lag}, {Rejected} rejected", health.Feed, health.Lag, health.Rejected); // clean precision-about
        logger.LogWarning("ADT feed health {Health}", health); // leak TC1001 logging-objects

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Mention.Group(options.OnCallGroupId)} ADT feed *{health.Feed}* is {health.Lag.TotalMinutes:0} min behind")
            .Append(CultureInfo.InvariantCulture, $" ({health.Rejected} rejected)");
        var message = new ChatMessage { Channel = options.AlertsChannelId, Text = text.ToString() };
        message.Blocks.Add(new SectionBlock(text.ToString()));
        message.Blocks.Add(new ContextBlock([$"<{Runbooks.For("epr-adt", "feed-lag")}|Runbook>", $"dedup `{dedupKey}`"]));
        if (health.LastRejectedHospitalNumber is not null)
        {
            message.Attachments.Add(new Attachment("#d00000", "Last rejected", $"{health.LastRejectedHospitalNumber}: {health.LastRejectReason}"));
        }

        logger.LogDebug("Posting {Message} to {Channel}", message, message.Channel); // clean logging-objects
        logger.LogDebug("Alert text {Text}", message.Text); // clean strings
        span.SetClinicpageNote(string.Join(" | ", message.Attachments.Select(a => a.Text))); // leak TC1001 generated-api
        var posted = await chat.PostAsync(message, cancellationToken);
        span.SetClinicpageOutcome(posted.StatusCode == 200 ? "sent" : $"http-{posted.StatusCode}"); // clean precision-about
        _lastPostedSummary = message.Attachments.FirstOrDefault()?.Text;

        var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, dedupKey, new AlertPayload($"ADT {health.Feed} lag", "adt-monitor", AlertSeverity.Warning));
        var enqueued = await events.EnqueueAsync(alert, cancellationToken);
        logger.LogInformation("Feed-lag alert {Alert} {Status}", alert, enqueued.Status); // clean logging-objects
        meter.CreateClinicpagePagesSentCounter().Add(1, "epr-adt", "warning", clinicpageOutcome: enqueued.Status); // clean precision-about
    }

    public void ReportLastPosted() =>
        logger.LogInformation("Last feed alert detail: {Detail}", _lastPostedSummary); // leak TC1001 cross-member

    public async Task PostBurnRateAsync(BurnRateAlert burn, CancellationToken cancellationToken)
    {
        using var span = source.StartClinicpagePage(burn.Service, burn.BurnRate >= 14.4 ? "critical" : "warning");
        span.SetClinicpageSloName(burn.SloName); // clean precision-names
        span.SetClinicpageBurnRate(burn.BurnRate); // clean precision-about
        logger.LogWarning("Error budget alert {Burn}", burn); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("slo.burn", tags: new() { ["slo"] = burn.SloName, ["budget.remaining"] = burn.BudgetRemaining })); // clean precision-about

        var update = new StatusUpdate(options.StatusPageId, "EPR slow to load", "investigating",
            "Some clinicians are seeing slow loading of patient records. We are investigating.",
            new Dictionary<string, ComponentState> { ["epr-web"] = ComponentState.DegradedPerformance });
        var statusIncidentId = await statusPage.PostIncidentUpdateAsync(update, cancellationToken);
        logger.LogInformation("Status page {Update} posted as {StatusIncident}", update, statusIncidentId); // clean logging-objects
    }
}
