namespace PrivacyHoldout77.Media;

public sealed class WatchlistDocument
{
    public List<string>? TitleIds { get; set; }

    public string? SortOrder { get; set; }

    public string? LastAddedTitleId { get; set; }
}

public sealed class ProfileSettingsDocument
{
    public string? Name { get; set; }

    public string? Maturity { get; set; }

    public string? Language { get; set; }

    public string? ContactEmail { get; set; }
}

public sealed class PatchEndpoints(ILogger<PatchEndpoints> logger, Meter meter)
{
    private readonly Counter<long> _patches = meter.CreateCounter<long>("playapi.patches", "{patch}");

    public ActionResult PatchWatchlist(ApiCall call, WatchlistDocument watchlist, JsonPatchDocument<WatchlistDocument> patch)
    {
        foreach (var operation in patch.Operations)
        {
            _patches.Add(1, new TagList { { "document", "watchlist" }, { "op", operation.op }, { "path", operation.path } }); // clean precision-names
            logger.LogDebug("Watchlist {Op} {Path} {Value}", operation.op, operation.path, operation.value); // clean precision-about
        }

        try
        {
            patch.ApplyTo(watchlist);
        }
        catch (JsonPatchException ex)
        {
            logger.LogWarning("Watchlist patch failed: {Message}", ex.Message); // clean exceptions
            Activity.Current?.SetTag("playapi.patch.failed_pointer", ex.FailedOperation.path); // clean precision-names
            return new BadRequestResult(ex.Message);
        }
        return new OkResult(null);
    }

    public ActionResult PatchProfile(ApiCall call, ProfileSettingsDocument settings, JsonPatchDocument<ProfileSettingsDocument> patch)
    {
        var changes = patch.Operations.ToDictionary(o => o.path, o => o.value);
        logger.LogInformation("Profile settings patch {Paths}", changes.Keys); // clean precision-names
        logger.LogInformation("Profile settings patch {Changes}", changes); // leak TC1001 logging-objects
        if (changes.TryGetValue("/name", out var newName))
        {
            Activity.Current?.AddEvent(new ActivityEvent("profile.renamed", tags: new ActivityTagsCollection { ["profile.name.new"] = newName })); // leak TC1001 direct
        }

        try
        {
            patch.ApplyTo(settings);
        }
        catch (JsonPatchException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogPlayapiValidationFailedEvent(call.RouteTemplate, 1, playapiValidationProperty: ex.FailedOperation.path, playapiErrorCode: "PATCH_INVALID"); // clean precision-names
            return new BadRequestResult(null);
        }
        return new OkResult(null);
    }
}
