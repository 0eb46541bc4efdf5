namespace PrivacyHoldout175.Education;

/// <summary>Lost property from the summer festival and the school concerts, kept until the end of term.</summary>
public sealed class LostPropertyRepository(ILogger<LostPropertyRepository> logger, ILostPropertyStore store, IEventMessenger messenger)
{
    private static readonly ActivitySource Source = new("Trust.LostProperty");
    private static readonly Meter Meter = new("Trust.LostProperty");
    private static readonly Counter<long> Logged = Meter.CreateCounter<long>("lost_property.items");

    public async Task LogFoundAsync(LostItem item, string shelf, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("lost-property.found");
        activity?.SetTag("lost.item.id", item.ItemId); // clean precision-names
        activity?.SetTag("lost.item.category", item.Category); // clean precision-names
        activity?.SetTag("lost.item.description", item.Description); // leak TC1001 direct
        activity?.SetTag("lost.item.description.length", item.Description.Length); // clean precision-about

        var tag = new LostItemTag(item.ItemId, item.Category, item.FoundAt, shelf);
        logger.LogInformation("Shelved {@Tag}", tag); // clean logging-objects
        logger.LogInformation("Logged {Item}", item); // leak TC1001 logging-objects
        Logged.Add(1, new KeyValuePair<string, object?>("category", item.Category)); // clean precision-names
        await store.SaveAsync(item, cancellationToken);
    }

    public async Task ClaimAsync(string itemId, string claimantEmail, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("lost-property.claim");
        var item = await store.FindAsync(itemId, cancellationToken);
        if (item is null)
        {
            var rejected = new ClaimRejectedException(itemId, "NOT_FOUND");
            activity?.SetStatus(ActivityStatusCode.Error, rejected.Message); // clean exceptions
            logger.LogWarning(rejected, "Claim rejected"); // clean exceptions
            return;
        }

        activity?.SetTag("claimant", claimantEmail); // leak TC1001 direct
        activity?.SetTag("claimant.known", item.ClaimantEmail is not null); // clean precision-about
        logger.LogInformation($"Claim on {itemId} by {claimantEmail}"); // leak TC1001 strings
        await messenger.SendAsync(claimantEmail, "tpl-lost-property-ready", cancellationToken);
        logger.LogInformation("Collection email sent for item {ItemId}", itemId); // clean precision-names
        var hash = claimantEmail.GetHashCode() & 63;
        activity?.SetTag("claimant.bucket", hash); // leak TC1002 hashes
    }
}
