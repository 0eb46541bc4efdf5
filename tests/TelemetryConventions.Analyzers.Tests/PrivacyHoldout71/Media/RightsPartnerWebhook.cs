namespace PrivacyHoldout71.Media;

/// <summary>The rights partner's availability change: titles and territories only.</summary>
public sealed record AvailabilityChanged(string TitleId, string[] Territories, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);

/// <summary>A profile's watchlist entry that the change affects.</summary>
public sealed record WatchlistHit(Guid SubscriberId, string ProfileName, string TitleId);

public interface IWatchlists
{
    Task<IReadOnlyList<WatchlistHit>> HoldingAsync(string titleId, CancellationToken cancellationToken);
}

/// <summary>POST /webhooks/rights. Tells the watchlists whose titles leave the catalogue.</summary>
public sealed class RightsPartnerWebhook(IWatchlists watchlists, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<RightsPartnerWebhook> logger)
{
    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize<AvailabilityChanged>(request.Body)!;
        using var span = source.StartMediaeventReceive("rights.availability.changed"); // clean generated-api
        logger.LogInformation("Rights change received: {Body}", request.Body); // clean logging-objects
        span.SetMediaeventNote($"{change.TitleId} in {string.Join(",", change.Territories)} until {change.WindowEnd:d}"); // clean generated-api

        var hits = await watchlists.HoldingAsync(change.TitleId, cancellationToken);
        logger.LogInformation("{Count} watchlists hold {TitleId}", hits.Count, change.TitleId); // clean precision-about
        logger.LogInformation("Watchlists to notify: {Hits}", hits); // leak TC1001 logging-objects
        span.SetMediaeventNote(string.Join(", ", hits.Select(h => h.ProfileName))); // leak TC1001 generated-api
        foreach (var hit in hits)
        {
            logger.LogDebug("Notify {SubscriberRef} about {TitleId}", pseudonymizer.PseudonymizeMediaeventSubscriberId(hit.SubscriberId.ToString()), hit.TitleId); // clean precision-pseudonym
            span.Activity?.AddEvent(new ActivityEvent("watchlist.notify", tags: new ActivityTagsCollection { ["subscriber"] = hit.SubscriberId })); // leak TC1001 direct
        }
        return WebhookResponse.Accepted();
    }
}
