namespace PrivacyHoldout90.Media;

public sealed record QuietHoursRequest(TimeOnly Start, TimeOnly End, string TimeZone);

public sealed record MuteTitleRequest(string TitleId);

/// <summary>The profile's bell: badge, read all, quiet hours, and muting a title's notices.</summary>
public static class NotificationSettingsEndpoints
{
    private static readonly Meter SettingsMeter = new("Stream.NotificationSettings");
    private static readonly Counter<long> MutedTitles = SettingsMeter.CreateCounter<long>("watchnotify.titles.muted", "{title}");

    public static EndpointRoutes MapNotificationSettings(this EndpointRoutes routes) => routes
        .MapGet("/profiles/{profileId}/notifications/badge", BadgeAsync)
        .MapPost("/profiles/{profileId}/notifications/read-all", ReadAllAsync)
        .MapPost("/profiles/{profileId}/notifications/quiet-hours", QuietHoursAsync)
        .MapPost("/profiles/{profileId}/notifications/mute-title", MuteTitleAsync);

    private static async Task<int> BadgeAsync(string profileId, INotificationStore inbox, ActivitySource source, Pseudonymizer pseudonymizer)
    {
        using var span = source.StartWatchnotifyInbox(pseudonymizer.PseudonymizeWatchnotifyRecipientId(profileId)); // clean precision-pseudonym
        var count = await inbox.CountUnreadAsync(profileId);
        span.SetWatchnotifyUnreadCount(count); // clean precision-about
        return Math.Min(count, 99);
    }

    private static async Task<int> ReadAllAsync(string profileId, INotificationStore inbox, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Stream.NotificationSettings");
        var page = await inbox.ListAsync(profileId, 100, null);
        var ids = page.Where(n => !n.IsRead).Select(n => n.Id).ToList();
        var changed = await inbox.MarkReadAsync(profileId, ids, DateTimeOffset.UtcNow);
        logger.LogInformation("Marked read: {NotificationIds}", ids); // clean precision-names
        logger.LogDebug("Profile {ProfileId} marked {Changed} notifications read", profileId, changed); // leak TC1001 direct
        return changed;
    }

    private static async Task QuietHoursAsync(string profileId, QuietHoursRequest request, IPreferenceStore preferences, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Stream.NotificationSettings");
        var current = await preferences.GetAsync(profileId);
        var updated = current with { QuietHours = new QuietHours(request.Start, request.End, request.TimeZone) };
        await preferences.SaveAsync(updated);
        logger.LogInformation("Quiet hours set: {QuietHours}", updated.QuietHours); // clean precision-about
        logger.LogDebug("Preferences saved: {Preferences}", updated); // leak TC1001 logging-objects
        Activity.Current?.SetTag("watchnotify.quiet.minutes", (request.End - request.Start).TotalMinutes); // clean precision-about
        Activity.Current?.SetTag("watchnotify.quiet.timezone", request.TimeZone); // clean precision-about
    }

    private static async Task MuteTitleAsync(string profileId, MuteTitleRequest request, IMuteList mutes, Pseudonymizer pseudonymizer)
    {
        await mutes.AddAsync(new MuteRule(profileId, $"title:{request.TitleId}", "title", null));
        Activity.Current?.SetTag("watchnotify.muted.title", request.TitleId); // clean precision-names
        Activity.Current?.SetTag("watchnotify.muted.by", pseudonymizer.ComputeWatchnotifyRecipientId(profileId)); // clean precision-pseudonym
        MutedTitles.Add(1, new KeyValuePair<string, object?>("watchnotify.profile", profileId)); // leak TC1003 direct
    }
}
