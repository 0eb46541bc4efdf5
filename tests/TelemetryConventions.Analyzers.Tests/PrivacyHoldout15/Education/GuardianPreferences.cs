using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Education;

public enum AlertChannel
{
    Email,
    Sms,
    App,
}

public sealed record NotificationPreferences(
    Guid GuardianId,
    string Email,
    string? Mobile,
    IReadOnlySet<AlertChannel> Channels,
    TimeOnly QuietFrom,
    TimeOnly QuietUntil,
    string TimeZoneId,
    bool WeeklyDigest);

public interface IPreferenceStore
{
    Task<NotificationPreferences?> GetAsync(Guid guardianId, CancellationToken cancellationToken);

    Task SaveAsync(NotificationPreferences preferences, CancellationToken cancellationToken);
}

public sealed record ChannelDecision(AlertChannel Channel, bool Deferred, DateTimeOffset SendAt);

/// <summary>Picks the channel for a school alert and holds it back during the guardian's quiet hours.</summary>
public sealed class GuardianChannelPolicy(IPreferenceStore preferences, Pseudonymizer pseudonymizer, ILogger<GuardianChannelPolicy> logger, Meter meter, TimeProvider clock)
{
    private readonly Counter<long> _deferred = meter.CreateCounter<long>("school.alerts.deferred", "{alert}");
    private readonly Histogram<double> _delay = meter.CreateHistogram<double>("school.alerts.deferral", "h");

    public async Task<ChannelDecision?> DecideAsync(Guid guardianId, bool urgent, CancellationToken cancellationToken)
    {
        var prefs = await preferences.GetAsync(guardianId, cancellationToken);
        if (prefs is null)
        {
            logger.LogWarning("No notification preferences for guardian {GuardianId}", guardianId); // leak TC1001 direct
            return null;
        }

        Baggage.SetBaggage("guardian.ref", pseudonymizer.ComputeNotifyRecipientId(guardianId.ToString())); // clean precision-pseudonym
        var channel = prefs.Channels.Contains(AlertChannel.App) ? AlertChannel.App : prefs.Channels.Contains(AlertChannel.Sms) && prefs.Mobile is not null ? AlertChannel.Sms : AlertChannel.Email;
        Activity.Current?.SetTag("alert.channels", prefs.Channels.Count); // clean precision-about
        Activity.Current?.SetTag("alert.has_mobile", prefs.Mobile is not null); // clean precision-about

        var zone = TimeZoneInfo.FindSystemTimeZoneById(prefs.TimeZoneId);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var local = TimeOnly.FromDateTime(now.DateTime);
        var quiet = prefs.QuietFrom > prefs.QuietUntil
            ? local >= prefs.QuietFrom || local < prefs.QuietUntil
            : local >= prefs.QuietFrom && local < prefs.QuietUntil;

        if (!quiet || urgent)
        {
            return new ChannelDecision(channel, false, clock.GetUtcNow());
        }

        var wait = prefs.QuietUntil.ToTimeSpan() - local.ToTimeSpan();
        if (wait < TimeSpan.Zero)
        {
            wait += TimeSpan.FromDays(1);
        }

        _deferred.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()), new KeyValuePair<string, object?>("time_zone", prefs.TimeZoneId)); // clean precision-about
        _delay.Record(wait.TotalHours, new KeyValuePair<string, object?>("guardian", pseudonymizer.ComputeNotifyRecipientId(guardianId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Quiet hours {From}-{Until} ({Zone}): alert deferred by {Wait}", prefs.QuietFrom, prefs.QuietUntil, prefs.TimeZoneId, wait); // clean precision-about
        logger.LogDebug("Deferred alert for {Email} / {Mobile}", prefs.Email, prefs.Mobile); // leak TC1001 direct
        return new ChannelDecision(channel, true, clock.GetUtcNow() + wait);
    }

    public async Task UpdateAsync(NotificationPreferences updated, CancellationToken cancellationToken)
    {
        var before = await preferences.GetAsync(updated.GuardianId, cancellationToken);
        await preferences.SaveAsync(updated, cancellationToken);
        var emailChanged = before is not null && !string.Equals(before.Email, updated.Email, StringComparison.OrdinalIgnoreCase);
        logger.LogInformation("Preferences saved: email changed {EmailChanged}, digest {Digest}, {Channels} channel(s)", emailChanged, updated.WeeklyDigest, updated.Channels.Count); // clean precision-about
        logger.LogInformation("Preferences saved: {Preferences}", updated); // leak TC1001 logging-objects
        if (emailChanged)
        {
            Activity.Current?.AddEvent(new ActivityEvent("preferences.email_changed", tags: new ActivityTagsCollection { ["old"] = before!.Email, ["new"] = updated.Email })); // leak TC1001 direct
        }
    }
}
