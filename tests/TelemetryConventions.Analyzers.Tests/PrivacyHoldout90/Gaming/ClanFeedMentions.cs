namespace PrivacyHoldout90.Gaming;

public sealed record ClanPost(string PostId, string ClanId, Guid AuthorId, string AuthorGamertag, string Body);

public interface IPlayers
{
    Task<Guid?> IdForGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task<IReadOnlySet<Guid>> BlockedByAsync(Guid playerId, CancellationToken cancellationToken);
}

/// <summary>
/// Posts to a clan's feed and notifies the players a post @mentions, unless they have blocked its
/// author. Blocking also unfollows the blocked player's feed.
/// </summary>
public sealed partial class ClanFeedMentions(
    IStreamClient stream,
    IPlayers players,
    INotificationStore inbox,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<ClanFeedMentions> logger)
{
    private const int MaxMentions = 10;

    private static readonly Meter ClanMeter = new("Clan.Feed");
    private static readonly Counter<long> MentionsSent = ClanMeter.CreateCounter<long>("clanfeed.mentions.sent", "{mention}");
    private static readonly Counter<long> MentionsBlocked = ClanMeter.CreateCounter<long>("clanfeed.mentions.blocked", "{mention}");

    public async Task OnPostAsync(ClanPost post, CancellationToken cancellationToken)
    {
        using var span = source.StartClanfeedNotify("clan.post", "feed");
        var clanFeed = stream.Feed("clan", post.ClanId);
        try
        {
            await clanFeed.AddActivityAsync(new FeedActivity($"player:{post.AuthorId:N}", "post", $"post:{post.PostId}") { ForeignId = $"post:{post.PostId}" });
        }
        catch (StreamException ex)
        {
            logger.LogError(ex, "Clan feed write failed for post {PostId}", post.PostId); // clean exceptions
            throw;
        }
        span.SetClanfeedTopic(clanFeed.Id); // clean precision-names
        span.Activity?.SetTag("clanfeed.post.length", post.Body.Length); // clean precision-about

        var mentions = Mentions.Parse(post.Body);
        if (mentions.Count > MaxMentions)
        {
            LogTooManyMentions(logger, post.PostId, mentions.Count); // clean precision-about
            span.SetClanfeedOutcome("mention_limit");
            return;
        }

        foreach (var mention in mentions.DistinctBy(m => m.Handle.ToLowerInvariant()))
        {
            var playerId = await players.IdForGamertagAsync(mention.Handle, cancellationToken);
            if (playerId is not { } mentionedId)
            {
                logger.LogDebug("Mention of unknown gamertag {Handle}", mention.Handle); // leak TC1001 direct
                continue;
            }
            if ((await players.BlockedByAsync(mentionedId, cancellationToken)).Contains(post.AuthorId))
            {
                MentionsBlocked.Add(1, new KeyValuePair<string, object?>("clanfeed.clan", post.ClanId)); // clean precision-names
                logger.LogInformation("Player {PlayerId} has blocked {AuthorId}; mention dropped", mentionedId, post.AuthorId); // leak TC1001 direct
                continue;
            }

            var text = $"{post.AuthorGamertag} mentioned you in your clan feed";
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), mentionedId.ToString(), post.AuthorId.ToString(), "clan.mention", "post", post.PostId, text, DateTimeOffset.UtcNow), cancellationToken);
            var mentioned = pseudonymizer.ComputeClanfeedRecipientId(mentionedId.ToString());
            span.Activity?.AddEvent(new ActivityEvent("mention.notified", tags: new ActivityTagsCollection { ["clanfeed.recipient.id"] = mentioned })); // clean precision-pseudonym
            MentionsSent.Add(1, new KeyValuePair<string, object?>("clanfeed.mentioned", mentioned)); // leak TC1003 precision-pseudonym
        }
        logger.LogDebug("Post {PostId} mentions {Mentions}", post.PostId, mentions); // leak TC1001 logging-objects
    }

    public async Task BlockAsync(Guid blockerId, Guid blockedId)
    {
        Activity.Current?.SetTag("clanfeed.block.pair", $"{blockerId:N}>{blockedId:N}"); // leak TC1001 strings
        Activity.Current?.SetTag("clanfeed.block.key", Convert.ToHexString(MD5.HashData(blockerId.ToByteArray().Concat(blockedId.ToByteArray()).ToArray()))); // leak TC1002 hashes
        await stream.Feed("timeline", blockerId.ToString("N")).UnfollowFeedAsync("user", blockedId.ToString("N"));
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Post {PostId} mentions {Count} players; over the limit, nobody notified")]
    private static partial void LogTooManyMentions(ILogger logger, string postId, int count);
}
