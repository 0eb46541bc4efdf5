namespace PrivacyHoldout92.Gaming;

/// <summary>An entry ticket to a tournament bracket, held by one team and issued for its roster.</summary>
/// <remarks>Each player gets a check-in pass: a signed payload whose <c>sub</c> is the player's id. A record: the lists print as their types' names.</remarks>
public sealed record EntryTicket(string TicketId, string TournamentId, string TeamName, IReadOnlyList<Guid> Roster, IReadOnlyList<string> CheckInPasses);

/// <summary>A substitute swapped into a team's roster for one match day.</summary>
public sealed record RosterSwap(string TicketId, Guid OutPlayerId, Guid InPlayerId, string InGamertag);

/// <summary>Thrown when a player is already on another team's ticket: <c>Player {id} already entered with {team}.</c></summary>
public sealed class AlreadyEnteredException(Guid playerId, string team)
    : Exception($"Player {playerId} already entered with {team}.");

public interface ITournamentDesk
{
    Task<EntryTicket> IssueAsync(string tournamentId, string teamName, IReadOnlyList<Guid> roster, CancellationToken cancellationToken);

    Task SwapAsync(RosterSwap swap, CancellationToken cancellationToken);
}

/// <summary>Tournament entry tickets: issued per team, checked in by QR at the venue or lobby, rosters swapped.</summary>
public sealed class TournamentTicketService(ITournamentDesk desk, Pseudonymizer pseudonymizer, ILogger<TournamentTicketService> logger)
{
    private static readonly ActivitySource Source = new("Game.Tournaments.Tickets");

    public async Task<EntryTicket?> EnterAsync(string tournamentId, string teamName, IReadOnlyList<Guid> roster, CancellationToken cancellationToken)
    {
        using var span = Source.StartRedeemGift("tournament-entry");
        span.SetRedeemTournament(tournamentId);
        logger.LogInformation("Team {Team} entering {Tournament} with {Players} players", teamName, tournamentId, roster.Count); // clean precision-names
        try
        {
            var ticket = await desk.IssueAsync(tournamentId, teamName, roster, cancellationToken);
            span.SetRedeemGiftId(ticket.TicketId).SetRedeemOutcome("issued");
            logger.LogInformation("Roster {Roster}", string.Join(",", ticket.Roster)); // leak TC1001 strings
            logger.LogInformation("Roster of {Team}: {Pseudonyms}", teamName, ticket.Roster.Select(p => pseudonymizer.ComputeRedeemPlayerId(p.ToString())).ToArray()); // clean precision-pseudonym
            logger.LogDebug("Captain's check-in QR {Qr}", ticket.CheckInPasses[0]); // leak TC1001 strings
            logger.LogInformation("Ticket {Ticket}", ticket); // clean logging-objects
            return ticket;
        }
        catch (AlreadyEnteredException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return null;
        }
    }

    public async Task SwapAsync(RosterSwap swap, CancellationToken cancellationToken)
    {
        using var span = Source.StartRedeemGift("tournament-swap");
        await desk.SwapAsync(swap, cancellationToken);
        span.SetRedeemGiftId(swap.TicketId);
        span.SetRedeemNote($"substitute {swap.InGamertag} in"); // leak TC1001 generated-api
        span.Activity?.SetTag(RedeemAttributes.PlayerContact, pseudonymizer.ComputeRedeemPlayerId(swap.InPlayerId.ToString())); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("redeem.swap.in", pseudonymizer.ComputeRedeemPlayerId(swap.InPlayerId.ToString())); // clean precision-pseudonym
        var digest = MD5.HashData(swap.InPlayerId.ToByteArray());
        span.Activity?.SetTag("redeem.swap.in_digest", Convert.ToHexString(digest)); // leak TC1002 hashes
    }
}
