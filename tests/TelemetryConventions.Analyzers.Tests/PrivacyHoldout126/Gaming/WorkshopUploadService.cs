namespace PrivacyHoldout126.Gaming;

/// <summary>A mod, map or level a player publishes to the game's workshop.</summary>
public sealed record WorkshopItemDraft(Guid PlayerId, string Gamertag, string Title, string Description, IReadOnlyList<string> Tags, string Visibility, long SizeBytes);

/// <summary>The published item. Prints its members (lists as their type's name).</summary>
public sealed record WorkshopItem(string ItemId, Guid CreatorId, string CreatorGamertag, string Title, IReadOnlyList<string> Tags, string ContentUrl);

public sealed class WorkshopQuotaExceededException(Guid playerId, long usedBytes)
    : Exception($"Player {playerId} has used {usedBytes} bytes of workshop storage");

public sealed partial class WorkshopUploadService(IMediaStore store, ContentSafetyClient safety, Pseudonymizer pseudonymizer, ILogger<WorkshopUploadService> logger)
{
    private static readonly ActivitySource Source = new("Game.Workshop");
    private static readonly Meter Meter = new("Game.Workshop");
    private static readonly Histogram<long> ItemSize = Meter.CreateHistogram<long>("workshop.item.size", "By");

    public async Task<WorkshopItem?> PublishAsync(WorkshopItemDraft draft, Stream content, CancellationToken cancellationToken)
    {
        var itemId = $"wk-{Random.Shared.Next(100000, 999999)}";
        using var span = Source.StartWorkshopSubmit(itemId)
            .SetWorkshopItem(itemId) // clean precision-names
            .SetWorkshopAuthorId(pseudonymizer.PseudonymizeWorkshopAuthorId(draft.PlayerId.ToString())); // clean precision-pseudonym

        span.Activity?.SetTag("workshop.tags", string.Join(",", draft.Tags)); // clean precision-names
        span.Activity?.SetTag("workshop.visibility", draft.Visibility); // clean precision-names
        span.Activity?.SetTag("workshop.creator", draft.Gamertag); // leak TC1001 direct
        ItemSize.Record(draft.SizeBytes, new KeyValuePair<string, object?>("visibility", draft.Visibility)); // clean precision-about
        logger.LogInformation("Publishing {Title} for {PlayerId}", draft.Title, draft.PlayerId); // leak TC1001 direct
        logger.LogDebug("Draft {Draft}", draft); // leak TC1001 logging-objects

        var moderation = await safety.AnalyzeTextAsync(new AnalyzeTextOptions($"{draft.Title}\n{draft.Description}") { BlocklistNames = { "workshop-terms" } }, cancellationToken);
        logger.LogInformation("Workshop text matched {Terms}", moderation.BlocklistsMatch.Select(m => m.BlocklistItemText)); // clean precision-names
        span.Activity?.SetTag("workshop.description.length", draft.Description.Length); // clean precision-about

        try
        {
            var stored = await store.UploadAsync($"workshop/{itemId}/payload.zip", content, "application/zip", null, cancellationToken);
            var item = new WorkshopItem(itemId, draft.PlayerId, draft.Gamertag, draft.Title, draft.Tags, $"https://cdn.example-games.com/{stored.BlobName}");
            span.Activity?.SetTag("workshop.content_url", item.ContentUrl); // clean precision-names
            logger.LogInformation("Published {@Item}", item); // leak TC1001 logging-objects
            span.SetWorkshopOutcome("published").SetWorkshopNote($"{draft.Tags.Count} tags, {draft.SizeBytes / 1024} KiB"); // clean generated-api
            return item;
        }
        catch (WorkshopQuotaExceededException ex)
        {
            logger.LogWarning(ex, "Workshop quota exceeded"); // leak TC1001 exceptions
            span.SetWorkshopOutcome("quota").RecordException(ex); // clean exceptions
            return null;
        }
    }

    public void LogTopCreators(IReadOnlyList<(string Gamertag, int Subscribers)> top)
    {
        logger.LogInformation("Top creators {Creators}", top.Select(t => t.Gamertag).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Top creators' subscriber counts {Counts}", top.Select(t => t.Subscribers).ToList()); // clean precision-about
    }
}
