namespace PrivacyHoldout85.Media;

public sealed record Title(string TitleId, string Name, string Genre, int Year, IReadOnlyList<string> Renditions);

public sealed record ContinueWatchingItem(string TitleId, Guid ProfileId, TimeSpan Position, DateTime WatchedAt);

public sealed record RateTitleInput(Guid ProfileId, string TitleId, int Stars, string? Review);

public interface ICatalog
{
    Task<IReadOnlyList<Title>> ByIdsAsync(IReadOnlyList<string> titleIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContinueWatchingItem>> ContinueWatchingAsync(Guid profileId, CancellationToken cancellationToken);
}

public sealed class TitleByIdDataLoader(ICatalog catalog, ILogger<TitleByIdDataLoader> logger, IBatchScheduler scheduler) : BatchDataLoader<string, Title>(scheduler, new DataLoaderOptions(MaxBatchSize: 500))
{
    protected override async Task<IReadOnlyDictionary<string, Title>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        logger.LogDebug("Loading titles {TitleIds}", string.Join(",", keys)); // clean precision-about
        var titles = await catalog.ByIdsAsync(keys, cancellationToken);
        Activity.Current?.SetTag("stream.titles.renditions", titles.Sum(t => t.Renditions.Count)); // clean precision-about
        logger.LogTrace("First title {Title}", titles.FirstOrDefault()); // clean logging-objects
        return titles.ToDictionary(t => t.TitleId);
    }
}

[QueryType]
public sealed class CatalogQueries(ICatalog catalog, Pseudonymizer pseudonymizer, ILogger<CatalogQueries> logger)
{
    public Task<Title?> GetTitleAsync([ID] string titleId, TitleByIdDataLoader titles, IResolverContext context)
    {
        Activity.Current.EnrichStreamgqlOperation(context.Operation.Name).SetStreamgqlOperationType("query"); // clean precision-about
        Activity.Current?.SetTag("stream.title.id", titleId); // clean precision-about
        return titles.LoadAsync(titleId, context.RequestAborted);
    }

    [Cost(15)]
    public Task<IReadOnlyList<Title>> SearchAsync(string text, IResolverContext context)
    {
        Activity.Current?.SetTag("stream.search.length", text.Length); // clean precision-about
        Activity.Current?.SetTag("stream.search.text", text); // leak TC1001 direct
        return Task.FromResult<IReadOnlyList<Title>>([]);
    }

    [Authorize(Policy = "ProfileOwner")]
    public async Task<IReadOnlyList<ContinueWatchingItem>> GetContinueWatchingAsync(Guid profileId, IResolverContext context)
    {
        var profileRef = pseudonymizer.ComputeStreamgqlSubscriberId(profileId.ToString());
        logger.LogDebug("Continue watching for {ProfileRef}", profileRef); // clean precision-pseudonym
        var items = await catalog.ContinueWatchingAsync(profileId, context.RequestAborted);
        logger.LogDebug("Continue watching rows: {Items}", items); // leak TC1001 logging-objects
        Activity.Current?.SetTag("stream.continue.count", items.Count); // clean precision-about
        Activity.Current?.SetTag("stream.continue.profile", profileId); // leak TC1001 direct
        return items;
    }
}

[MutationType]
public sealed class RatingMutations(ILogger<RatingMutations> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _ratings = meter.CreateCounter<long>("stream.ratings");

    public bool RateTitle(RateTitleInput input, IResolverContext context)
    {
        _ratings.Add(1, new KeyValuePair<string, object?>("stars", input.Stars), new KeyValuePair<string, object?>("title", input.TitleId)); // clean precision-about
        _ratings.Add(1, new KeyValuePair<string, object?>("rater", pseudonymizer.ComputeStreamgqlSubscriberId(input.ProfileId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Rating {Stars} for {TitleId}; review {Review}", input.Stars, input.TitleId, input.Review); // leak TC1001 direct
        logger.LogInformation("Review length {Length}", input.Review?.Length ?? 0); // clean precision-about
        return true;
    }
}
