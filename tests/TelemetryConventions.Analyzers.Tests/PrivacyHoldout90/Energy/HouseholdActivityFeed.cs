namespace PrivacyHoldout90.Energy;

/// <summary>Something a member did in the household's app (changed the heating schedule, topped up, joined).</summary>
public sealed record HouseholdAction(string HouseholdId, string MemberLogin, string MemberDisplayName, string Verb, string ObjectId, string ObjectLabel);

/// <summary>
/// The household feed: each member's actions are added to the household's feed, whose notification feed
/// members read as "Sam and 2 others changed the weekday schedule". Members can mute one another.
/// </summary>
public sealed class HouseholdActivityFeed(
    IStreamClient stream,
    IMuteList mutes,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<HouseholdActivityFeed> logger)
{
    public async Task PublishAsync(HouseholdAction action)
    {
        using var span = source.StartHomenotifyNotify(action.Verb, "feed");
        span.SetHomenotifyActorId(pseudonymizer.PseudonymizeHomenotifyActorId(action.MemberLogin)); // clean precision-pseudonym

        var feed = stream.Feed("household", action.HouseholdId);
        var activity = new FeedActivity(action.MemberLogin, action.Verb, action.ObjectId)
        {
            ForeignId = $"{action.Verb}:{action.ObjectId}:{DateTime.UtcNow:yyyyMMddHH}",
            Time = DateTime.UtcNow,
        };
        activity.ExtraData["actor_name"] = action.MemberDisplayName;
        activity.ExtraData["object_label"] = action.ObjectLabel;
        try
        {
            var added = await feed.AddActivityAsync(activity);
            span.SetHomenotifyNotificationId(added.Id ?? "pending"); // clean precision-names
            logger.LogInformation("Added {Activity} to a {Slug} feed", added, feed.FeedSlug); // clean logging-objects
            span.SetHomenotifyTopic(feed.Id); // leak TC1001 generated-api
            span.Activity?.SetTag("homenotify.feed.actor", added.Actor); // leak TC1001 cross-member
        }
        catch (StreamException ex)
        {
            logger.LogError(ex, "Stream refused a {Verb} activity", action.Verb); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, $"stream answered {ex.StatusCode}"); // clean exceptions
        }
    }

    public async Task<IReadOnlyList<string>> NotificationsForAsync(string memberLogin)
    {
        using var span = source.StartHomenotifyInbox(pseudonymizer.PseudonymizeHomenotifyRecipientId(memberLogin));
        var groups = await stream.Feed("notification", memberLogin).GetNotificationActivitiesAsync(25, markSeen: true);
        var muted = (await mutes.RulesOfAsync(memberLogin)).Select(r => r.MutedId).ToHashSet();
        logger.LogDebug("Hiding activities of muted members {Muted}", muted); // leak TC1001 logging-objects

        var lines = new List<string>();
        foreach (var group in groups)
        {
            var actors = group.Activities.Where(a => !muted.Contains(a.Actor)).Select(a => (string)a.ExtraData["actor_name"]).Distinct().ToList();
            lines.Add(AggregationText.Summarise(actors, group.Verb.Replace('.', ' '), (string)group.Activities[0].ExtraData["object_label"]));
            span.Activity?.AddEvent(new ActivityEvent("group.rendered", tags: new ActivityTagsCollection { ["group"] = group.Group, ["activities"] = group.ActivityCount, ["actors"] = group.ActorCount })); // clean precision-names
        }
        span.SetHomenotifyUnreadCount(groups.Count(g => !g.IsRead)); // clean precision-about
        span.Activity?.SetTag("homenotify.first_line", lines.FirstOrDefault()); // leak TC1001 strings
        return lines;
    }

    public async Task MuteAsync(string householdId, string muterLogin, string mutedLogin, TimeSpan? duration)
    {
        var rule = new MuteRule(muterLogin, mutedLogin, $"household:{householdId}", DateTimeOffset.UtcNow + duration);
        await mutes.AddAsync(rule);
        logger.LogInformation("Mute added: {Rule}", rule); // leak TC1001 logging-objects
        Activity.Current?.SetTag("homenotify.mute.scope", "household"); // clean precision-names
        Activity.Current?.SetTag("homenotify.mute.hours", duration?.TotalHours); // clean precision-about
    }
}
