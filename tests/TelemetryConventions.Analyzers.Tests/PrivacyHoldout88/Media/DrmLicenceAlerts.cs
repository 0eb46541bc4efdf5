namespace PrivacyHoldout88.Media;

public sealed record LicenceFailure(Guid SubscriberId, string SubscriberEmail, string DeviceId, string TitleId, string Territory, string DrmSystem, string ErrorCode);

/// <summary>Thrown by the licence server when a subscriber is over their device limit; the message names the account's email.</summary>
public sealed class DeviceLimitException(string subscriberEmail, int devices)
    : Exception($"Account {subscriberEmail} already has {devices} devices registered");

/// <summary>Thrown when a title is not licensed in a territory; names the title and the territory only.</summary>
public sealed class TerritoryBlockedException(string titleId, string territory)
    : Exception($"{titleId} is not licensed in {territory}");

/// <summary>
/// Licence failures over a five-minute window. A rate above threshold per DRM system pages the playback
/// engineer; the worst failures go to the playback channel as a Teams card.
/// </summary>
public sealed class DrmLicenceAlerts(
    IEventsApiClient events,
    IChatWebhook teams,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<DrmLicenceAlerts> logger)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("streampage.licence.failures", "{failure}");

    public void Record(LicenceFailure failure, Exception error)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("drm", failure.DrmSystem), new KeyValuePair<string, object?>("code", failure.ErrorCode)); // clean precision-about
        _failures.Add(0, new KeyValuePair<string, object?>("device", failure.DeviceId)); // leak TC1003 direct
        switch (error)
        {
            case DeviceLimitException limit:
                logger.LogWarning(limit, "Device limit hit on {Title}", failure.TitleId); // leak TC1001 exceptions
                break;
            case TerritoryBlockedException blocked:
                logger.LogWarning(blocked, "Territory block"); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, blocked.Message); // clean exceptions
                break;
        }

        Activity.Current?.SetTag("licence.subscriber", failure.SubscriberId); // leak TC1001 direct
        Activity.Current?.SetTag("licence.subscriber.ref", pseudonymizer.PseudonymizeStreampageSubscriberId(failure.SubscriberId.ToString()).ToString()); // clean precision-pseudonym
    }

    public async Task PageAsync(string drmSystem, double failureRate, IReadOnlyList<LicenceFailure> worst, CancellationToken cancellationToken)
    {
        using var span = source.StartStreampagePage("drm-licence", failureRate > 0.05 ? "critical" : "warning");
        span.SetStreampageDedupKey(DedupKeys.Of("drm-licence", $"{drmSystem}-rate")); // clean precision-names
        span.SetStreampageNote($"{worst.Count} worst failures, codes {string.Join(",", worst.Select(w => w.ErrorCode).Distinct())}"); // clean precision-about

        var card = new TeamsCard(
            $"{drmSystem} licence failures at {failureRate:P1}",
            string.Join("<br>", worst.Select(w => $"{w.SubscriberEmail} on {w.DeviceId}: {w.ErrorCode} ({w.TitleId})")),
            "ff0000",
            [$"DRM: {drmSystem}", $"Runbook: {Runbooks.For("drm-licence", drmSystem)}"]);
        var message = new ChatMessage { Channel = options.AlertsChannelId, Text = card.Text };
        logger.LogInformation("Teams card {Card}", card); // leak TC1001 logging-objects
        logger.LogInformation("Teams card facts {Facts}", string.Join(" | ", card.Facts)); // clean strings

        try
        {
            await teams.PostAsync(message, cancellationToken);
        }
        catch (ChatApiException ex)
        {
            logger.LogStreampagePageFailedEvent("drm-licence", ex.Error, streampageNote: ex.Message); // clean exceptions
        }

        var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, DedupKeys.Of("drm-licence", $"{drmSystem}-rate"),
            new AlertPayload(card.Title, "licence-monitor", failureRate > 0.05 ? AlertSeverity.Critical : AlertSeverity.Warning)
            {
                CustomDetails = { ["worst"] = worst },
            }), cancellationToken);
        span.SetStreampageIncidentId(enqueued.DedupKey); // clean precision-names
        span.SetStreampageSubscriberId(pseudonymizer.PseudonymizeStreampageSubscriberId(worst[0].SubscriberId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Worst subscriber {Email}", worst[0].SubscriberEmail); // leak TC1001 direct
    }
}
