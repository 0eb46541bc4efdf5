using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Gaming;

public sealed record RosterEntry(Guid PlayerId, string Gamertag, string DiscordUserId, string Region, bool CheckedIn);

public sealed record PromotedPlayer(Guid PlayerId, string Gamertag, string DiscordUserId, string? PushToken, int FormerPosition);

public interface ICheckInStore
{
    Task<IReadOnlyList<Guid>> ClosingNowAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<RosterEntry>> RosterAsync(Guid tournamentId, CancellationToken cancellationToken);

    Task DisqualifyAsync(Guid tournamentId, IEnumerable<Guid> playerIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<PromotedPlayer>> PromoteFromWaitlistAsync(Guid tournamentId, int places, CancellationToken cancellationToken);
}

public interface IDiscordWebhook
{
    Task PostAsync(string content, CancellationToken cancellationToken);
}

/// <summary>
/// Closes check-in ten minutes before a tournament starts: players who did not check in lose their
/// slot, and as many players move up from the waitlist, pinged on Discord and by push.
/// </summary>
public sealed class CheckInWindowWorker(ICheckInStore store, IDiscordWebhook discord, IPushClient push, Pseudonymizer pseudonymizer, Meter meter, ILogger<CheckInWindowWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Game.Tournaments.CheckIn");
    private readonly Counter<long> _noShows = meter.CreateCounter<long>("tournament.no_shows");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var tournamentId in await store.ClosingNowAsync(DateTimeOffset.UtcNow, stoppingToken))
            {
                await CloseAsync(tournamentId, stoppingToken);
            }
        }
    }

    internal async Task CloseAsync(Guid tournamentId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tournament.checkin.close");
        activity?.SetTag("tournament.id", tournamentId); // clean precision-about
        var roster = await store.RosterAsync(tournamentId, cancellationToken);
        var noShows = roster.Where(r => !r.CheckedIn).ToList();
        activity?.SetTag("tournament.no_shows", noShows.Count); // clean precision-about
        activity?.SetTag("tournament.no_show_tags", string.Join(",", noShows.Select(n => n.Gamertag))); // leak TC1001 strings

        foreach (var noShow in noShows)
        {
            _noShows.Add(1, new KeyValuePair<string, object?>("region", noShow.Region)); // clean precision-about
            activity?.AddEvent(new ActivityEvent("player.disqualified", tags: new ActivityTagsCollection { ["player.ref"] = pseudonymizer.ComputeBookingSubjectId(noShow.PlayerId.ToString()) })); // clean precision-pseudonym
        }

        await store.DisqualifyAsync(tournamentId, noShows.Select(n => n.PlayerId), cancellationToken);
        var promoted = await store.PromoteFromWaitlistAsync(tournamentId, noShows.Count, cancellationToken);
        activity?.SetTag("tournament.promoted", promoted.Count); // clean precision-about
        foreach (var player in promoted)
        {
            var content = $"<@{player.DiscordUserId}> you're in! Check in within 10 minutes.";
            try
            {
                await discord.PostAsync(content, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Discord ping failed for {Content}", content); // leak TC1001 strings
            }

            logger.LogInformation("Promoted {PlayerId} from waitlist position {Position}", player.PlayerId, player.FormerPosition); // leak TC1001 direct
            using var promotion = Source.StartActivity("tournament.promote");
            if (promotion is not null)
            {
                promotion.DisplayName = $"promote {player.Gamertag}"; // leak TC1001 strings
            }

            if (player.PushToken is { } token)
            {
                var notification = new PushNotification(token, "You're in!", $"{player.Gamertag}, a slot opened up. Check in now.", new Dictionary<string, string> { ["tournamentId"] = tournamentId.ToString() });
                var pushId = await push.SendAsync(notification, cancellationToken);
                logger.LogDebug("Push {PushId} sent: {Notification}", pushId, notification); // leak TC1001 logging-objects
                activity?.SetTag("push.token.suffix", token[^4..]); // clean precision-about
            }
        }
    }
}
