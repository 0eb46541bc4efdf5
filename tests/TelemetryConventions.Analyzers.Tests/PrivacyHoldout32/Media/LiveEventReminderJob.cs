using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Jobs;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Media;

public sealed record ReminderTarget(Guid SubscriberId, Guid ProfileId, string ProfileName, string DeviceToken, string TimeZoneId, string Locale);

public interface IReminderAudience
{
    Task<IReadOnlyList<ReminderTarget>> ForEventAsync(Guid eventId, CancellationToken cancellationToken);
}

/// <summary>"Starts in 15 minutes" pushes for viewers who set a reminder on a live event, in their own time zone.</summary>
public sealed class LiveEventReminderJob(IReminderAudience audience, IPushClient push, IRecurringJobManager recurring, Pseudonymizer pseudonymizer, ILogger<LiveEventReminderJob> logger)
{
    public void ScheduleWeekly(Guid seriesId, string cron)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        recurring.AddOrUpdate<LiveEventReminderJob>($"live-reminders-{seriesId:N}", job => job.RunAsync(seriesId, CancellationToken.None), cron, london);
        logger.LogInformation("Weekly reminders for series {SeriesId} on {Cron} ({Zone})", seriesId, cron, london.Id); // clean precision-about
    }

    public async Task RunAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var targets = await audience.ForEventAsync(eventId, cancellationToken);
        Activity.Current?.SetTag("reminder.event", eventId); // clean precision-about
        Activity.Current?.SetTag("reminder.targets", targets.Count); // clean precision-about
        foreach (var target in targets)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(target.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(15), zone);
            var body = $"{target.ProfileName}, it starts at {local:HH:mm}. Tap to watch live.";
            var notification = new PushNotification(target.DeviceToken, "Live soon", body, new Dictionary<string, string> { ["eventId"] = eventId.ToString() });
            try
            {
                var pushId = await push.SendAsync(notification, cancellationToken);
                logger.LogDebug("Push {PushId} for profile {ProfileId}", pushId, target.ProfileId); // leak TC1001 direct
                logger.LogBookingReminderSentEvent("push", pseudonymizer.PseudonymizeBookingSubjectId(target.SubscriberId.ToString()), bookingNote: $"{target.Locale} {zone.Id}"); // clean precision-about
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Push for event {EventId} failed", eventId); // clean exceptions
                logger.LogWarning("Unregistering push token {Token}", target.DeviceToken); // leak TC1001 direct
                Activity.Current?.SetTag("push.token.suffix", target.DeviceToken[^4..]); // clean precision-about
            }

            logger.LogTrace("Reminder text {Body}", body); // leak TC1001 strings
        }
    }
}
