namespace PrivacyHoldout90.Media;

public sealed record EpisodePublished(string TitleId, string SeriesName, int Season, int Episode, string EpisodeId, IReadOnlyList<string> Territories);

/// <summary>A viewing profile with the series on its list.</summary>
public sealed record WatchlistProfile(Guid SubscriberId, string ProfileId, string ProfileName, bool IsKids, string TimeZone);

public interface IWatchlists
{
    IAsyncEnumerable<WatchlistProfile> ProfilesFollowingAsync(string titleId, CancellationToken cancellationToken);
}

/// <summary>
/// A new episode: one push to the series topic (adult profiles' devices subscribe to the series they
/// follow), and a personalised in-app notification for every profile with the series on its list.
/// </summary>
public sealed class NewEpisodeNotifier(
    IWatchlists watchlists,
    INotificationStore inbox,
    IPreferenceStore preferences,
    IFirebaseMessaging fcm,
    ActivitySource source,
    Meter meter,
    ILogger<NewEpisodeNotifier> logger)
{
    private const string Verb = "episode.new";

    private static readonly Meter MediaMeter = new("Stream.Notifications");
    private static readonly Counter<long> Deferred = MediaMeter.CreateCounter<long>("watchnotify.deferred", "{notification}");

    public async Task OnPublishedAsync(EpisodePublished episode, CancellationToken cancellationToken)
    {
        using var span = source.StartWatchnotifyNotify(Verb, "push");
        var topic = $"series-{episode.TitleId}";
        var collapse = $"episode:{episode.TitleId}:s{episode.Season}";
        span.SetWatchnotifyTopic(topic); // clean precision-names
        span.SetWatchnotifyCollapseKey(collapse); // clean precision-names
        var body = $"Season {episode.Season}, episode {episode.Episode} is here";
        span.Activity?.SetTag("watchnotify.push.body", body); // clean strings

        var messageId = await fcm.SendAsync(new Message
        {
            Condition = $"'{topic}' in topics && !('kids' in topics)",
            Notification = new Notification { Title = episode.SeriesName, Body = body },
            Android = new AndroidConfig { CollapseKey = collapse },
        }, cancellationToken);
        logger.LogInformation("Topic push {MessageId} for {SeriesName} S{Season}E{Episode}", messageId, episode.SeriesName, episode.Season, episode.Episode); // clean precision-names

        var created = 0;
        string? lastText = null;
        await foreach (var profile in watchlists.ProfilesFollowingAsync(episode.TitleId, cancellationToken))
        {
            var settings = await preferences.GetAsync(profile.ProfileId, cancellationToken);
            if (settings.QuietHours is { } quiet && quiet.Contains(DateTimeOffset.UtcNow))
            {
                Deferred.Add(1, new KeyValuePair<string, object?>("watchnotify.timezone", profile.TimeZone)); // clean precision-about
                continue;
            }

            lastText = $"{profile.ProfileName}, episode {episode.Episode} of {episode.SeriesName} is here";
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), profile.ProfileId, null, Verb, "episode", episode.EpisodeId, lastText, DateTimeOffset.UtcNow) { CollapseKey = collapse }, cancellationToken);
            created++;
            if (profile.IsKids)
            {
                logger.LogDebug("Kids profile {ProfileName} notified in-app only", profile.ProfileName); // leak TC1001 direct
            }
            span.Activity?.AddEvent(new ActivityEvent("profile.notified", tags: new ActivityTagsCollection { ["subscriber"] = profile.SubscriberId, ["kids"] = profile.IsKids })); // leak TC1001 direct
        }

        span.SetWatchnotifyRecipientsCount(created); // clean precision-about
        span.Activity?.SetTag("watchnotify.sample_text", lastText); // leak TC1001 strings
        span.Activity?.SetTag("watchnotify.territories", string.Join(",", episode.Territories)); // clean precision-names
        meter.CreateWatchnotifyFanoutRecipientsHistogram().Record(created, Verb);
    }
}
