namespace PrivacyHoldout74.Media;

public sealed class WatchlistItem
{
    public required string ProfileId { get; init; }

    public required string TitleId { get; init; }

    public required string Genre { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public double Progress { get; init; }
}

public sealed record WatchlistToken(int Offset);

/// <summary>
/// GET /profiles/{profileId}/watchlist as an OData list. The apps build the $filter from the genre
/// chips and the "added since" picker (Genre, AddedAt, TitleId); the skiptoken is an offset.
/// </summary>
[ApiController]
public sealed class WatchlistController(
    IReadStore<WatchlistItem> items,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<WatchlistController> logger) : ControllerBase
{
    [HttpGet("profiles/{profileId}/watchlist")]
    public async Task<ActionResult> List(string profileId, ODataQueryOptions options, CancellationToken cancellationToken)
    {
        using var span = source.StartTitlesearchQuery("watchlist");
        span.SetTitlesearchSort(options.OrderBy?.RawValue ?? "AddedAt desc"); // clean generated-api
        logger.LogInformation("Watchlist query {Query}", options.QueryString); // clean precision-about
        Activity.Current?.SetTag("watchlist.profile", profileId); // leak TC1001 direct
        Activity.Current?.SetTag("watchlist.profile.kids", profileId.StartsWith("k-", StringComparison.Ordinal)); // clean precision-about

        Expression<Func<WatchlistItem, bool>> predicate = w => w.ProfileId == profileId;
        if (options.Filter is not null)
        {
            FilterClause clause;
            try
            {
                clause = options.Filter.FilterClause;
            }
            catch (ODataFilterParseException ex)
            {
                logger.LogInformation(ex, "Watchlist filter rejected"); // clean exceptions
                return BadRequest(ex.Reason);
            }
            logger.LogDebug("Watchlist filter {Filter}", clause); // clean logging-objects
            if (clause.Root is BinaryNode { Operator: "eq", Left: PropertyNode { Path: "Genre" }, Right: ConstantNode { Value: string genre } })
            {
                predicate = predicate.And(Predicates.Equal<WatchlistItem>(nameof(WatchlistItem.Genre), genre));
            }
        }
        logger.LogDebug("Watchlist predicate {Predicate}", predicate); // clean logging-objects
        logger.LogTrace("Watchlist predicate with values {Predicate}", Predicates.Inline(predicate)); // leak TC1001 logging-objects

        int offset;
        try
        {
            offset = options.SkipToken is null ? 0 : Cursor.Decode<WatchlistToken>(options.SkipToken).Offset;
        }
        catch (InvalidCursorException ex)
        {
            logger.LogWarning(ex, "Watchlist skiptoken rejected"); // clean exceptions
            return BadRequest(ex.Message);
        }
        var page = await items.WhereAsync(predicate, offset + (options.Top ?? 30), cancellationToken);
        var visible = page.Skip(offset).ToList();
        var next = Cursor.Encode(new WatchlistToken(offset + visible.Count));
        logger.LogDebug("Next skiptoken {Token} (offset {Offset})", next, offset + visible.Count); // clean hashes
        span.SetTitlesearchResultCount(visible.Count);
        span.SetTitlesearchCursorKind(offset == 0 ? "first" : "offset");
        span.SetTitlesearchNote($"titles {string.Join(",", visible.Select(v => v.TitleId))}"); // clean generated-api
        span.SetTitlesearchSubscriberId(Pseudonym.FromComputed(profileId)); // leak TC1001 precision-pseudonym
        return Ok(new Page<WatchlistItem> { Items = visible, NextCursor = next });
    }
}
