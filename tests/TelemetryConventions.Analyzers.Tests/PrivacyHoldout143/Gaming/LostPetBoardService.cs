namespace PrivacyHoldout143.Gaming;

/// <summary>A lost pet posted on the game's community board by a player.</summary>
public sealed record LostPetPost(string PostId, Guid PlayerId, string Gamertag, string PetName, string Species, string Colour, string LastSeenDistrict, string ContactPhone, string? ChipNumber, string? Story);

/// <summary>
/// The game's community board of real lost pets: players post their own lost pets, nearby players are asked to
/// look out, and possible reunions from the found reports are passed on to the poster.
/// </summary>
public sealed partial class LostPetBoardService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<LostPetBoardService> logger)
{
    private readonly Counter<long> _posts = meter.CreateCounter<long>("pawquest.lost_board.posts", "{post}");

    private readonly Dictionary<string, string> _phoneByPost = new(StringComparer.Ordinal);

    private string? _lastPoster;

    public void Post(LostPetPost post)
    {
        using var span = source.StartPawquestOperation("community-board");
        span.SetPawquestPlayerId(pseudonymizer.PseudonymizePawquestPlayerId(post.PlayerId.ToString())); // clean generated-api
        Activity.Current?.SetTag("pawquest.lost.species", post.Species);
        Activity.Current?.SetTag("pawquest.lost.district", post.LastSeenDistrict); // clean precision-about
        Activity.Current?.SetTag("pawquest.lost.pet_name", post.PetName); // clean precision-names

        var report = new LostPetReport(post.PostId, post.ChipNumber, post.PetName, post.Species, post.Colour, post.LastSeenDistrict, post.Gamertag, post.ContactPhone);
        logger.LogInformation("Lost pet posted {Report}", report); // leak TC1001 logging-objects
        LogPosted(logger, post.Gamertag, post.PostId); // leak TC1001 logging-objects
        LogContactHeld(logger, post.ContactPhone, post.PostId); // clean logging-objects
        if (post.Story is { Length: > 0 } story)
        {
            Activity.Current?.SetTag("pawquest.lost.story_length", story.Length); // clean precision-about
            logger.LogDebug("Story preview {Preview}", story[..Math.Min(40, story.Length)]); // leak TC1001 strings
        }

        _phoneByPost[post.PostId] = post.ContactPhone;
        _lastPoster = post.Gamertag;
        _posts.Add(1, new KeyValuePair<string, object?>("district", post.LastSeenDistrict), new KeyValuePair<string, object?>("shard", ShardOf(post.PlayerId))); // clean hashes
    }

    public void Matched(ReunionMatch match)
    {
        logger.LogInformation("Possible reunion {Match}", match); // clean logging-objects
        Activity.Current?.SetTag("pawquest.reunion.score", match.Score); // clean precision-about
        if (_phoneByPost.TryGetValue(match.LostReportId, out var phone))
        {
            Activity.Current?.AddEvent(new ActivityEvent("pawquest.reunion.notify", tags: new ActivityTagsCollection { ["pawquest.notify.to"] = phone })); // leak TC1001 cross-member
        }
    }

    public void Summarise()
    {
        logger.LogInformation("Open posts {Posts}", _phoneByPost.Keys); // clean cross-member
        logger.LogInformation("Open posts with contacts {Posts}", _phoneByPost); // leak TC1001 cross-member
        logger.LogInformation("Last poster {Poster}", _lastPoster); // leak TC1001 cross-member
    }

    private int ShardOf(Guid playerId) => HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] % 16;

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "{Gamertag} posted lost pet {PostId}")]
    private static partial void LogPosted(ILogger logger, string gamertag, string postId);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Contact {ContactPhone} held for post {PostId}")]
    private static partial void LogContactHeld(ILogger logger, [PrivateData] string contactPhone, string postId);
}
