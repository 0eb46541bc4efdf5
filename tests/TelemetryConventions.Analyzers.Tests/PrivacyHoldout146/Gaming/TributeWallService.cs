namespace PrivacyHoldout146.Gaming;

/// <summary>Takes condolences on a fallen player's tribute wall and queues them for moderation.</summary>
public sealed class TributeWallService(
    ITributeStore tributes,
    IPlayerDirectory players,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TributeWallService> logger)
{
    private static readonly Meter WallMeter = new("Game.Tributes.Walls");
    private static readonly Counter<long> Posts = WallMeter.CreateCounter<long>("tribute.wall.posts");
    private static readonly Histogram<int> MessageLength = WallMeter.CreateHistogram<int>("tribute.wall.message.length");

    private TributeMessage? _nextForModeration;
    private readonly Dictionary<string, int> _postsByGamertag = new();
    private readonly Dictionary<string, int> _postsByWall = new();

    public async Task PostAsync(TributeMessage message, CancellationToken cancellationToken)
    {
        var wall = await tributes.WallAsync(message.WallId, cancellationToken);
        using var span = source.StartTributeOperation(wall.Realm);
        span.SetTributeRequesterId(pseudonymizer.PseudonymizeTributeRequesterId(message.AuthorId.ToString())).SetTributeMessageCount(wall.MessageCount); // clean precision-pseudonym
        logger.LogInformation("Posting on {@Wall}", wall); // clean logging-objects
        logger.LogDebug("Posting {@Message}", message); // leak TC1001 logging-objects
        Activity.Current?.SetTag("tribute.message.text", message.Text); // leak TC1001 direct
        Activity.Current?.SetTag("tribute.message.words", message.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        MessageLength.Record(message.Text.Length, new KeyValuePair<string, object?>("realm", wall.Realm)); // clean precision-about
        Posts.Add(1, new KeyValuePair<string, object?>("realm", wall.Realm), new KeyValuePair<string, object?>("wall_locked", wall.Locked)); // clean precision-about
        var authorShard = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(message.AuthorGamertag))[0] % 8;
        Posts.Add(1, new KeyValuePair<string, object?>("author_shard", authorShard)); // clean hashes
        Activity.Current?.SetTag("tribute.author.key", message.AuthorId.GetHashCode()); // leak TC1002 hashes
        _postsByGamertag[message.AuthorGamertag] = _postsByGamertag.GetValueOrDefault(message.AuthorGamertag) + 1;
        _postsByWall[message.WallId] = _postsByWall.GetValueOrDefault(message.WallId) + 1;
        _nextForModeration = message;
        try
        {
            await tributes.PostAsync(message, cancellationToken);
            meter.CreateTributeReviewDurationHistogram().Record(0, tributeRealm: wall.Realm); // clean generated-api
            span.SetTributeNote($"{message.Text.Length} characters from {message.AuthorGamertag}"); // leak TC1001 generated-api
        }
        catch (WallLockedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogTributeOperationFailedEvent(wall.Realm, "locked", tributeNote: ex.Message); // clean exceptions
        }
    }

    public void ReportModerationQueue()
    {
        logger.LogInformation("Next tribute for moderation: {Message}", _nextForModeration); // leak TC1001 cross-member
        Activity.Current?.SetTag("tribute.moderation.next_id", _nextForModeration?.MessageId); // clean cross-member
        Activity.Current?.SetTag("tribute.top_posters", string.Join(",", _postsByGamertag.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key))); // leak TC1001 cross-member
        Activity.Current?.SetTag("tribute.busiest_walls", string.Join(",", _postsByWall.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key))); // clean cross-member
    }

    public async Task ReportAuthorAsync(string gamertag, string reason, CancellationToken cancellationToken)
    {
        try
        {
            var author = await players.FindByGamertagAsync(gamertag, cancellationToken);
            logger.LogWarning("Tribute reported ({Reason}) for author {Author}", reason, pseudonymizer.ComputeTributePlayerId(author.PlayerId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("tribute.report.reason", reason); // clean precision-about
        }
        catch (PlayerNotFoundException ex)
        {
            Activity.Current?.AddEvent(new ActivityEvent("tribute.report.failed", tags: new ActivityTagsCollection { ["error"] = ex.Message })); // leak TC1001 exceptions
        }
    }
}
