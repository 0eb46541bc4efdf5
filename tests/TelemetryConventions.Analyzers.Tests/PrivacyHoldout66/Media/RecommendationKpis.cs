namespace PrivacyHoldout66.Media;

public sealed record RowImpression(string ProfileId, string ProfileName, string RowId, string Algorithm, IReadOnlyList<string> TitleIds, bool KidsProfile);

public sealed record TitleClicked(string ProfileId, string RowId, string Algorithm, string TitleId, int Position, string? SearchText);

/// <summary>
/// The personalisation team's KPIs: impressions, click-through by row and algorithm, position of
/// the click, through the platform's <see cref="IMetrics"/> facade and a dimension builder.
/// </summary>
public sealed class RecommendationKpis(IMetrics metrics, Pseudonymizer pseudonymizer, ILogger<RecommendationKpis> logger)
{
    private readonly AllowList _algorithms = new(["collab-v7", "trending", "continue-watching", "because-you-watched"]);
    private readonly FirstSeenLimiter _searches = new(limit: 500);

    public void On(RowImpression impression)
    {
        var dims = Dimensions.Create()
            .With("row", impression.RowId)
            .With("algorithm", _algorithms.Limit(impression.Algorithm))
            .With("kids", impression.KidsProfile);
        metrics.Record("reco.impressions", impression.TitleIds.Count, dims.Build()); // clean direct
        var perProfile = Dimensions.Create().With("row", impression.RowId).WithIf(impression.KidsProfile, "profile", impression.ProfileName);
        metrics.Record("reco.impressions.kids", impression.TitleIds.Count, perProfile.Build()); // leak TC1003 direct
        logger.LogDebug("Row {Row} shown to {ProfileRef} with {Count} titles", impression.RowId, pseudonymizer.ComputePlaybackSubscriberId(impression.ProfileId), impression.TitleIds.Count); // clean precision-pseudonym
    }

    public void On(TitleClicked click)
    {
        metrics.Increment("reco.clicks", 1, Dimensions.Create().With("row", click.RowId).With("algorithm", _algorithms.Limit(click.Algorithm)).ToArray()); // clean direct
        metrics.Observe("reco.click.position", click.Position, new("row", click.RowId), new("position.band", click.Position < 5 ? "top5" : "below")); // clean precision-about
        metrics.Increment("reco.clicks.by_profile", 1, new("row", click.RowId), new("profile", click.ProfileId)); // leak TC1003 direct
        if (click.SearchText is { Length: > 0 } search)
        {
            metrics.Increment("reco.search.clicks", 1, new("row", click.RowId), new("query.length", search.Length)); // clean precision-about
            metrics.Increment("reco.search.terms", 1, new("row", click.RowId), new("query", _searches.Limit(search.Trim().ToLowerInvariant()))); // leak TC1003 strings
            Activity.Current?.SetTag("search.query", search); // leak TC1001 strings
        }
        Activity.Current?.SetTag("reco.title", click.TitleId).SetTag("reco.position", click.Position);
    }
}
