namespace PrivacyHoldout126.Media;

/// <summary>A profile's rating of a title (thumbs or 1–5 stars).</summary>
public sealed record TitleRating(string TitleId, Guid ProfileId, string ProfileName, int Stars, DateTimeOffset RatedAt);

public sealed record TitleRatingSummary(string TitleId, double Average, int Count, IReadOnlyDictionary<int, int> Histogram);

public sealed class TitleRatingService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TitleRatingService> logger)
{
    private static readonly ActivitySource Source = new("Media.Ratings");
    private static readonly Meter Meter = new("Media.Ratings");
    private static readonly Histogram<int> Stars = Meter.CreateHistogram<int>("title.rating.stars");
    private readonly Dictionary<string, TitleRating> _lastByTitle = new();

    public void Record(TitleRating rating, string subscriberEmail)
    {
        using var span = Source.StartCommentmodSubmit($"{rating.TitleId}:{rating.RatedAt.ToUnixTimeSeconds()}")
            .SetCommentmodTitle(rating.TitleId) // clean precision-names
            .SetCommentmodRating(rating.Stars); // clean precision-about
        span.Activity?.SetTag(CommentmodAttributes.AuthorContact, pseudonymizer.Compute("subscriber-email", subscriberEmail)); // leak TC1001 precision-pseudonym
        span.SetCommentmodAuthorId(pseudonymizer.PseudonymizeCommentmodAuthorId(rating.ProfileId.ToString())); // clean precision-pseudonym
        Stars.Record(rating.Stars, new KeyValuePair<string, object?>("title", rating.TitleId)); // clean precision-names
        logger.LogDebug("Rating {Rating}", rating); // leak TC1001 logging-objects
        _lastByTitle[rating.TitleId] = rating;
        logger.LogDebug("{Profile} rated {Title} {Stars}", rating.ProfileName, rating.TitleId, rating.Stars); // leak TC1001 direct
        var partition = HashCode.Combine(rating.ProfileId) & 0x1F;
        span.Activity?.SetTag("commentmod.partition", partition); // leak TC1002 hashes
        var keyedPartition = HMACSHA256.HashData(secrets.ShardKey, rating.ProfileId.ToByteArray())[0] & 0x1F;
        span.Activity?.SetTag("commentmod.keyed_partition", keyedPartition); // clean hashes
    }

    public void Publish(TitleRatingSummary summary, IReadOnlyList<TitleRating> latest)
    {
        using var activity = Source.StartActivity("title.rating.publish");
        activity?.SetTag("title.id", summary.TitleId); // clean precision-names
        activity?.SetTag("title.rating.average", Math.Round(summary.Average, 2)); // clean precision-about
        logger.LogInformation("Rating summary {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Star histogram {Histogram}", summary.Histogram); // clean logging-objects
        if (_lastByTitle.TryGetValue(summary.TitleId, out var last))
        {
            activity?.SetTag("title.rating.last_profile", last.ProfileName); // leak TC1001 cross-member
            activity?.SetTag("title.rating.last_stars", last.Stars); // clean cross-member
        }

        logger.LogDebug("Latest raters {Raters}", string.Join(", ", latest.Select(r => r.ProfileName))); // leak TC1001 strings
        var ratingsByProfile = latest.ToDictionary(r => r.ProfileId, r => r.Stars);
        logger.LogDebug("Latest ratings by profile {Ratings}", ratingsByProfile); // leak TC1001 logging-objects
        logger.LogDebug("Latest ratings {Stars}", latest.Select(r => r.Stars).ToArray()); // clean precision-about
    }
}
