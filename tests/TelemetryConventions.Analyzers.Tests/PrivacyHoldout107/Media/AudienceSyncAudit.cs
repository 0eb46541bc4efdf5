namespace PrivacyHoldout107.Media;

/// <summary>Keeps the audit trail of the nightly audience sync from the viewing warehouse to the marketing platform.</summary>
public sealed class AudienceSyncAudit(ILogger<AudienceSyncAudit> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Crm.AudienceAudit");

    public void Record(string listId, IReadOnlyList<AudienceMember> added, IReadOnlyList<AudienceMember> removed)
    {
        using var activity = Source.StartActivity("audience audit");
        Trail(activity, "audience.list", listId); // clean cross-member
        Trail(activity, "audience.added", added.Count.ToString(CultureInfo.InvariantCulture)); // clean cross-member
        Trail(activity, "audience.removed.first", removed.FirstOrDefault()?.ExternalId ?? "-"); // leak TC1001 cross-member
        logger.LogInformation("List {List}: +{Added} -{Removed}", listId, added.Count, removed.Count); // clean precision-about
        logger.LogInformation("Removed from {List}: {Removed}", listId, string.Join(";", removed.Select(m => m.Email))); // leak TC1001 strings
        logger.LogInformation("Added names {Names}", string.Join(", ", added.Select(m => m.FirstName))); // leak TC1001 strings
        logger.LogInformation("Removal summary {Summary}", $"{listId}: {removed.Count} removed at {DateTimeOffset.UtcNow:O}"); // clean strings
    }

    private static void Trail(Activity? activity, string key, string text) => activity?.AddEvent(new ActivityEvent("audit", tags: new ActivityTagsCollection { [key] = text }));
}
