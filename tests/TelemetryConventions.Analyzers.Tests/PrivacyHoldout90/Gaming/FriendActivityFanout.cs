namespace PrivacyHoldout90.Gaming;

public sealed record AchievementUnlocked(Guid PlayerId, string Gamertag, string AchievementId, string AchievementName, string GameId);

public interface IFriendGraph
{
    Task<IReadOnlyList<Guid>> CloseFriendsAsync(Guid playerId, CancellationToken cancellationToken);
}

/// <summary>
/// Friend activity: an unlocked achievement goes to the player's user feed (their friends' timelines
/// follow it) and, for close friends, straight to their notification feeds. Timelines are read back
/// aggregated ("Kestrel and 3 others unlocked Dragon Slayer").
/// </summary>
public sealed class FriendActivityFanout(
    IStreamClient stream,
    IFriendGraph friends,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<FriendActivityFanout> logger)
{
    private const string Verb = "achievement.unlocked";

    public async Task OnAchievementAsync(AchievementUnlocked unlocked, CancellationToken cancellationToken)
    {
        using var span = source.StartClanfeedNotify(Verb, "feed");
        span.SetClanfeedActorId(pseudonymizer.PseudonymizeClanfeedActorId(unlocked.PlayerId.ToString())); // clean precision-pseudonym

        var activity = new FeedActivity($"player:{unlocked.PlayerId:N}", "unlock", $"achievement:{unlocked.AchievementId}")
        {
            ForeignId = $"unlock:{unlocked.PlayerId:N}:{unlocked.AchievementId}",
            Time = DateTime.UtcNow,
        };
        activity.ExtraData["gamertag"] = unlocked.Gamertag;
        activity.ExtraData["achievement"] = unlocked.AchievementName;

        var close = await friends.CloseFriendsAsync(unlocked.PlayerId, cancellationToken);
        var notificationFeeds = close.Select(f => $"notification:{f:N}").ToList();
        activity.To.AddRange(notificationFeeds);
        try
        {
            await stream.Feed("user", unlocked.PlayerId.ToString("N")).AddActivityAsync(activity);
        }
        catch (StreamException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return;
        }

        span.SetClanfeedRecipientsCount(close.Count); // clean precision-about
        span.Activity?.SetTag("clanfeed.achievement", unlocked.AchievementId); // clean precision-names
        span.Activity?.SetTag("clanfeed.foreign_id", activity.ForeignId); // leak TC1001 strings
        logger.LogDebug("Achievement activity copied to {Feeds}", notificationFeeds); // leak TC1001 logging-objects
        logger.LogInformation("{Gamertag} unlocked {Achievement} in {GameId}", unlocked.Gamertag, unlocked.AchievementName, unlocked.GameId); // leak TC1001 direct
        meter.CreateClanfeedFanoutRecipientsHistogram().Record(close.Count, Verb);
    }

    public async Task<IReadOnlyList<string>> TimelineAsync(Guid viewerId)
    {
        using var span = source.StartClanfeedInbox(pseudonymizer.PseudonymizeClanfeedRecipientId(viewerId.ToString())); // clean precision-pseudonym
        var groups = await stream.Feed("timeline_aggregated", viewerId.ToString("N")).GetNotificationActivitiesAsync(30);

        var lines = new List<string>();
        foreach (var group in groups)
        {
            var gamertags = group.Activities.Select(a => (string)a.ExtraData["gamertag"]).Distinct().ToList();
            var line = AggregationText.Summarise(gamertags, "unlocked", (string)group.Activities[0].ExtraData["achievement"]);
            lines.Add(line);
            span.Activity?.AddEvent(new ActivityEvent("timeline.group", tags: new ActivityTagsCollection { ["group.id"] = group.Id, ["line"] = line })); // leak TC1001 strings
        }
        span.SetClanfeedUnreadCount(groups.Count(g => !g.IsSeen)); // clean precision-about
        logger.LogDebug("Timeline groups {Groups}", groups.Select(g => g.Group)); // clean precision-names
        return lines;
    }
}
