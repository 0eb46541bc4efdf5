using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Gaming;

public interface IMatchQueue
{
    Task EnqueueAsync(MatchTicket ticket, CancellationToken cancellationToken);

    Task<Match?> WaitForMatchAsync(Guid ticketId, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// The matchmaker publishes what it does to the "Arena.Matchmaking" diagnostic listener; the
/// span observer and the studio's APM agent turn the events into telemetry.
/// </summary>
public sealed class Matchmaker(IMatchQueue queue)
{
    private static readonly DiagnosticSource Diagnostics = new DiagnosticListener("Arena.Matchmaking");

    public async Task<Match?> FindMatchAsync(string mode, string region, int skill, CancellationToken cancellationToken)
    {
        var player = PlayerContext.Current ?? throw new InvalidOperationException("No player in context.");
        var ticket = new MatchTicket(Guid.NewGuid(), mode, region, skill, DateTimeOffset.UtcNow);

        var search = new Activity("Arena.Matchmaking.Search");
        if (Diagnostics.IsEnabled(search.OperationName))
        {
            Diagnostics.StartActivity(search, new { player.TitleId, player.PlayerRef, Mode = mode }); // clean precision-pseudonym
        }

        await queue.EnqueueAsync(ticket, cancellationToken);
        if (Diagnostics.IsEnabled("Arena.Matchmaking.TicketQueued"))
        {
            Diagnostics.Write("Arena.Matchmaking.TicketQueued", new TicketQueued(ticket.TicketId, player.TitleId, mode, region, player.PlayerId)); // leak TC1001 logging-objects
        }

        var match = await queue.WaitForMatchAsync(ticket.TicketId, TimeSpan.FromSeconds(90), cancellationToken);
        if (match is null)
        {
            var waited = (DateTimeOffset.UtcNow - ticket.QueuedAt).TotalSeconds;
            Diagnostics.Write("Arena.Matchmaking.TicketExpired", new { ticket.TicketId, player.Gamertag, WaitedSeconds = waited }); // leak TC1001 logging-objects
        }
        else
        {
            Diagnostics.Write("Arena.Matchmaking.MatchFound", new { match.MatchId, match.Mode, PlayerCount = match.Tickets.Length, AverageSkill = match.Tickets.Average(t => t.Skill) }); // clean precision-names
        }

        if (search.Id is not null)
        {
            Diagnostics.StopActivity(search, new { ticket.TicketId, Matched = match is not null });
        }

        return match;
    }
}
