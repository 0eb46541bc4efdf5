using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Media;

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids);

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, string Country, IReadOnlyList<ViewingProfile> Profiles);

public sealed record PlaySession(Guid ProfileId, string TitleId, string Genre, string DeviceClass, double Minutes, bool Completed);

public sealed record DigestItem(string TitleId, string Genre, double Minutes);

public interface IViewingHistory
{
    Task<IReadOnlyList<PlaySession>> WeekAsync(Guid subscriberId, DateOnly weekStart, CancellationToken cancellationToken);
}

public interface IDigestMailer
{
    Task SendAsync(string email, IReadOnlyDictionary<string, IReadOnlyList<DigestItem>> itemsByProfileName, CancellationToken cancellationToken);
}

/// <summary>Builds and sends a subscriber's weekly "what your household watched" digest.</summary>
public sealed class WeeklyDigestBuilder(
    IViewingHistory history,
    IDigestMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WeeklyDigestBuilder> logger)
{
    public async Task BuildAsync(Subscriber subscriber, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var subscriberRef = pseudonymizer.PseudonymizeWatchSubscriberId(subscriber.SubscriberId.ToString());
        using var span = source.StartWatchDigestBuild(subscriberRef); // clean precision-pseudonym
        span.SetWatchProfilesCount(subscriber.Profiles.Count);

        var sessions = await history.WeekAsync(subscriber.SubscriberId, weekStart, cancellationToken);
        span.SetWatchMinutes(sessions.Sum(s => s.Minutes));
        var profiles = subscriber.Profiles.ToDictionary(p => p.ProfileId);

        var minutesByProfile = sessions
            .GroupBy(s => s.ProfileId)
            .ToDictionary(g => profiles[g.Key].Name, g => g.Sum(s => s.Minutes));
        logger.LogInformation("Digest minutes by profile {Minutes}", minutesByProfile); // leak TC1001 logging-objects
        logger.LogInformation("Digest for {Profiles} profiles, busiest {Minutes:F0} minutes", minutesByProfile.Count, minutesByProfile.Values.DefaultIfEmpty().Max()); // clean precision-about
        foreach (var (profileName, minutes) in minutesByProfile)
        {
            span.Activity?.AddEvent(new ActivityEvent("watch.profile.minutes", tags: new ActivityTagsCollection { ["profile"] = profileName, ["minutes"] = minutes })); // leak TC1001 cross-member
        }

        var busiest = sessions.GroupBy(s => s.ProfileId).MaxBy(g => g.Sum(s => s.Minutes));
        if (busiest is not null)
        {
            span.SetWatchProfileId(pseudonymizer.PseudonymizeWatchProfileId(busiest.Key.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("watch.busiest_profile", busiest.Key); // leak TC1001 cross-member
            span.Activity?.SetTag("watch.busiest_profile.kids", profiles[busiest.Key].IsKids); // clean precision-about
        }

        var items = sessions
            .GroupBy(s => s.ProfileId)
            .ToDictionary(
                g => profiles[g.Key].Name,
                g => (IReadOnlyList<DigestItem>)g.GroupBy(s => (s.TitleId, s.Genre))
                    .Select(t => new DigestItem(t.Key.TitleId, t.Key.Genre, t.Sum(s => s.Minutes)))
                    .OrderByDescending(i => i.Minutes)
                    .Take(3)
                    .ToList());
        span.SetWatchNote($"profiles in digest: {string.Join(", ", items.Keys)}"); // leak TC1001 generated-api
        logger.LogDebug("Digest items {@Items}", items.Values.SelectMany(i => i)); // clean logging-objects

        var topTitle = sessions.GroupBy(s => s.TitleId).OrderByDescending(g => g.Sum(s => s.Minutes)).Select(g => g.Key).FirstOrDefault();
        var genres = sessions.Select(s => s.Genre).Distinct().Order().ToArray();
        span.Activity?.SetTag("watch.genres", genres); // clean direct
        span.Activity?.SetTag("watch.completion_rate", sessions.Count == 0 ? 0 : sessions.Count(s => s.Completed) / (double)sessions.Count); // clean precision-about

        var devices = sessions.CountBy(s => s.DeviceClass);
        foreach (var (deviceClass, count) in devices)
        {
            meter.CreateWatchSessionsCounter().Add(count, deviceClass); // clean cross-member
        }

        try
        {
            await mailer.SendAsync(subscriber.Email, items, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            span.RecordException(ex, "digest mail cancelled", includeMessage: true); // clean exceptions
            throw;
        }
        logger.LogWatchDigestSentEvent(subscriberRef, topTitle, watchNote: $"{items.Count} profiles, {sessions.Count} sessions"); // clean generated-api
        logger.LogWatchDigestSentEvent(subscriberRef, topTitle, watchNote: $"sent to {subscriber.Email}"); // leak TC1001 generated-api
        span.Activity?.SetTag(WatchAttributes.SubscriberEmail, pseudonymizer.ComputeWatchSubscriberId(subscriber.Email)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("watch.subscriber.email_domain", subscriber.Email[(subscriber.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Digest sent for plan {SubscriberPlan} in {SubscriberCountry}", subscriber.Plan, subscriber.Country); // clean precision-names
    }

    public void ReportSkipped(IReadOnlyList<Subscriber> skipped, string reason)
    {
        var kidsOnly = skipped.Where(s => s.Profiles.All(p => p.IsKids)).ToList();
        logger.LogInformation("Skipped {Count} digests ({Reason}); {KidsOnly} kids-only households", skipped.Count, reason, kidsOnly.Count);
        logger.LogInformation("Skipped digests by plan {@Plans}", skipped.GroupBy(s => s.Plan).Select(g => new { Plan = g.Key, Subscribers = g.Count() })); // clean logging-objects
        logger.LogDebug("Skipped subscribers {Subscribers}", skipped.Select(s => s.SubscriberId)); // leak TC1001 logging-objects
        skipped.ToList().ForEach(s => logger.LogDebug("Skipped {Subscriber}: {Reason}", pseudonymizer.ComputeWatchSubscriberId(s.SubscriberId.ToString()), reason)); // clean precision-pseudonym
        Activity.Current?.SetTag("watch.skipped.first", skipped.FirstOrDefault()?.Profiles.FirstOrDefault()?.Name); // leak TC1001 direct
        try
        {
            var byProfileName = skipped.SelectMany(s => s.Profiles).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            logger.LogDebug("Skipped households have {Profiles} profiles", byProfileName.Count); // clean precision-about
        }
        catch (ArgumentException ex)
        {
            logger.LogDebug("Profile names repeat across skipped households: {Error}", ex.Message); // leak TC1001 exceptions
        }
    }
}
