namespace PrivacyHoldout103.Media;

public sealed record ProfileDevice(Guid ProfileId, string ProfileName, string InstallationId, string PushToken);

/// <summary>Pushes "new episode" alerts to the profiles that follow a title.</summary>
public sealed class NewEpisodePushService(IFirebaseMessaging fcm, ActivitySource source, Meter meter, ILogger<NewEpisodePushService> logger)
{
    public async Task SendAsync(string titleId, string episodeTitle, IReadOnlyList<ProfileDevice> followers, CancellationToken cancellationToken)
    {
        using var span = source.StartWatchappPushSend("new-episode", "android");
        Activity.Current?.SetTag("push.title_id", titleId); // clean precision-names
        logger.LogInformation("New episode {Episode} of {TitleId} to {Followers} profiles", episodeTitle, titleId, followers.Count); // clean precision-about
        logger.LogDebug("Followers {Profiles}", string.Join(",", followers.Select(f => f.ProfileName))); // leak TC1001 strings
        var response = await fcm.SendEachForMulticastAsync(new MulticastMessage { Tokens = followers.Select(f => f.PushToken).ToList(), Notification = new Notification { Title = episodeTitle } }, cancellationToken);
        foreach (var (device, result) in followers.Zip(response.Responses))
        {
            if (!result.IsSuccess)
            {
                logger.LogWarning("Push to profile {ProfileId} failed: {Reason}", device.ProfileId, result.Exception?.MessagingErrorCode); // leak TC1001 direct
            }
        }
        span.SetWatchappOutcome(response.FailureCount == 0 ? "sent" : "partial"); // clean direct
        meter.CreateWatchappPushSentCounter().Add(response.SuccessCount, watchappNotificationKind: "new-episode", watchappPlatform: "android", watchappOutcome: "sent"); // clean precision-about
    }
}
