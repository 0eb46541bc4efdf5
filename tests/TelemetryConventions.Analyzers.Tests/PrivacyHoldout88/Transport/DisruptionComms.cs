namespace PrivacyHoldout88.Transport;

public sealed record RiderComplaint(Guid RiderId, string Email, string Line, string Text, DateTimeOffset At);

/// <summary>
/// Line disruptions: the status page is updated, a surge of rider complaints about one line raises an
/// alert for the service controller, and the tap validation SLO is watched.
/// </summary>
public sealed class DisruptionComms(
    IStatusPageClient statusPage,
    IEventsApiClient events,
    IChatWebhook chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<DisruptionComms> logger)
{
    public async Task PostDisruptionAsync(string line, string cause, CancellationToken cancellationToken)
    {
        var update = new StatusUpdate(options.StatusPageId, $"Disruption on the {line} line", "identified",
            $"Services on the {line} line are delayed due to {cause}. Tickets are accepted on replacement buses.",
            new Dictionary<string, ComponentState> { [line] = ComponentState.PartialOutage });
        var id = await statusPage.PostIncidentUpdateAsync(update, cancellationToken);
        logger.LogInformation("Status page {Id}: {Body}", id, update.Body); // clean strings
    }

    public async Task OnComplaintSurgeAsync(string line, IReadOnlyList<RiderComplaint> complaints, CancellationToken cancellationToken)
    {
        using var span = source.StartRailpagePage("rider-feedback", complaints.Count > 100 ? "error" : "warning");
        span.SetRailpageCheck($"complaint-surge-{line}"); // clean precision-about
        span.SetRailpageRiderId(pseudonymizer.PseudonymizeRailpageRiderId(complaints[0].RiderId.ToString())); // clean precision-pseudonym
        logger.LogWarning("{Count} complaints about {Line} in the last 30 minutes", complaints.Count, line); // clean precision-about

        var quotes = complaints.OrderByDescending(c => c.At).Take(3).Select(c => $"“{c.Text}”").ToList();
        var message = new ChatMessage { Channel = options.AlertsChannelId, Text = $"Complaint surge on {line}: " + string.Join(" ", quotes) };
        logger.LogInformation("Surge post {Text}", message.Text); // leak TC1001 strings
        span.SetRailpageNote(quotes.FirstOrDefault()); // leak TC1001 generated-api
        Activity.Current?.SetTag("surge.latest_rider", complaints[0].RiderId); // leak TC1001 direct
        await chat.PostAsync(message, cancellationToken);

        var emails = complaints.Select(c => c.Email).Distinct().ToList();
        logger.LogDebug("Complainants {Emails}", emails); // leak TC1001 logging-objects
        logger.LogDebug("Complainants by domain {Domains}", emails.GroupBy(e => e.Split('@')[1]).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
        var hashed = complaints.Select(c => c.RiderId.GetHashCode() & 0xFF).Distinct().Count();
        Activity.Current?.SetTag("surge.distinct_buckets", hashed); // clean hashes
        Activity.Current?.SetTag("surge.first_bucket", complaints[0].RiderId.GetHashCode() & 0xFF); // leak TC1002 hashes

        var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, DedupKeys.Of("rider-feedback", $"surge-{line}"),
            new AlertPayload($"{complaints.Count} complaints about {line}", "feedback-monitor", AlertSeverity.Warning)), cancellationToken);
        meter.CreateRailpagePagesSentCounter().Add(1, "rider-feedback", "warning", railpageOutcome: enqueued.Status); // clean precision-about
    }

    public void OnTapSlo(SloStatus slo, double burnRate)
    {
        using var span = source.StartRailpagePage("tap-validation", burnRate > 14.4 ? "critical" : "warning");
        span.SetRailpageSloName(slo.SloName); // clean precision-names
        span.SetRailpageBurnRate(burnRate); // clean precision-about
        logger.LogWarning("Tap validation budget {Budget:P1} left, burning {Burn:0.0}x", slo.BudgetRemaining, burnRate); // clean precision-about
    }
}
