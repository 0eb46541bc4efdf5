using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Media;

public abstract record WatchEvent(string SubscriberId, string ProfileId, string TitleId, TimeSpan Position);

public sealed record Progressed(string SubscriberId, string ProfileId, string TitleId, TimeSpan Position, TimeSpan Watched) : WatchEvent(SubscriberId, ProfileId, TitleId, Position);

public sealed record Finished(string SubscriberId, string ProfileId, string TitleId, TimeSpan Position, string SubscriberEmail) : WatchEvent(SubscriberId, ProfileId, TitleId, Position);

public sealed class HistoryOptions
{
    public bool TraceRecipients { get; init; }

    public TimeSpan CreditsThreshold { get; init; } = TimeSpan.FromMinutes(3);
}

public sealed class WatchHistoryProjector(
    ILogger<WatchHistoryProjector> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<HistoryOptions> options) : IMessageHandler<WatchEvent>
{
    private readonly Counter<long> _finished = meter.CreateCounter<long>("media.history.finished");

    public Task HandleAsync(MessageContext<WatchEvent> context, CancellationToken cancellationToken)
    {
        var watchEvent = context.Message;
        var activity = Activity.Current;
        activity.WithSubscriber(pseudonymizer.PseudonymizeMediaSubscriberId(watchEvent.SubscriberId)); // clean precision-pseudonym

        activity?.AddEvent(new ActivityEvent("history.progress", tags: new ActivityTagsCollection(ProgressTags(watchEvent)))); // clean cross-member

        if (watchEvent is Finished finished)
        {
            activity?.AddEvent(new ActivityEvent("history.finished", tags: new ActivityTagsCollection(RecommendationTags(finished)))); // leak TC1001 cross-member

            FormattableString audit = $"Subscriber {finished.SubscriberId} finished {finished.TitleId}";
            logger.LogInformation(audit.Format, audit.GetArguments()); // leak TC1001 strings
            logger.LogInformation(FormattableString.Invariant($"Finished {finished.TitleId} after {finished.Position.TotalMinutes:F0} min")); // clean strings

            // The recommendations team joins on a "gravatar-style" digest of the address.
            var emailDigest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(finished.SubscriberEmail.Trim().ToLowerInvariant()))).ToLowerInvariant();
            activity?.SetTag("media.recipient.digest", emailDigest); // leak TC1002 hashes

            _finished.Add(1, [new("media.title.id", finished.TitleId), new("media.credits.skipped", finished.Position < TimeSpan.FromMinutes(3))]); // clean direct
            _finished.Add(1, [new("media.title.id", finished.TitleId), new("media.profile", finished.ProfileId)]); // leak TC1003 direct
        }

        var recentTitles =
            from e in new[] { watchEvent }
            where e.Position > TimeSpan.Zero
            select new { e.TitleId, Minutes = (int)e.Position.TotalMinutes };
        logger.LogDebug("History appended {@Titles}", recentTitles.ToArray()); // clean logging-objects
        logger.LogDebug("History appended {@Event}", watchEvent); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }

    private static IEnumerable<KeyValuePair<string, object?>> ProgressTags(WatchEvent watchEvent)
    {
        yield return new(MediaAttributes.TitleId, watchEvent.TitleId);
        yield return new("media.position.s", (long)watchEvent.Position.TotalSeconds);
        if (watchEvent is Progressed progressed)
        {
            yield return new("media.watched.s", (long)progressed.Watched.TotalSeconds);
        }
    }

    private IEnumerable<KeyValuePair<string, object?>> RecommendationTags(Finished finished)
    {
        yield return new(MediaAttributes.TitleId, finished.TitleId);
        yield return new("media.credits", finished.Position.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture));
        if (options.Value.TraceRecipients)
        {
            yield return new("media.recipient", finished.SubscriberEmail);
        }
    }
}
