namespace PrivacyHoldout175.Gaming;

/// <summary>Sells seats for the studio's esports finals at the arena to players, over gRPC from the game client.</summary>
public sealed partial class ArenaTicketService(ILogger<ArenaTicketService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Studio.ArenaTickets");
    private static readonly Meter Meter = new("Studio.ArenaTickets");
    private static readonly Counter<long> Seats = Meter.CreateCounter<long>("arena.seats.sold");

    public Task<string> BuySeat(ArenaTicket ticket, ServerCallContext context)
    {
        using var activity = Source.StartActivity("arena.seat.buy");
        activity?.SetTag("arena.block", ticket.Block); // clean precision-names
        activity?.SetTag("arena.seat", ticket.Seat); // clean precision-names
        activity?.SetTag("player.id", ticket.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", ticket.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.gamertag.length", ticket.Gamertag.Length); // clean precision-about
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct

        SeatSold(logger, ticket.Gamertag, ticket.Seat); // leak TC1001 logging-objects
        SeatSoldRedacted(logger, ticket.PlayerId.ToString(), ticket.Seat); // clean logging-objects
        logger.LogInformation("Seat sold: {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogInformation("Seat {Seat} in block {Block} sold", ticket.Seat, ticket.Block); // clean precision-names

        var player = pseudonymizer.PseudonymizeArenaplayHolderId(ticket.PlayerId.ToString());
        using var span = Source.StartArenaplayOperation("arena-north").SetArenaplayHolderId(player).SetArenaplayEventType("match"); // clean generated-api
        span.SetArenaplayNote(ticket.Gamertag + " in " + ticket.Block); // leak TC1001 generated-api
        Seats.Add(1, new KeyValuePair<string, object?>("block", ticket.Block)); // clean precision-names
        Seats.Add(1, new KeyValuePair<string, object?>("gamertag", ticket.Gamertag)); // leak TC1003 direct
        Seats.Add(1, new KeyValuePair<string, object?>("player", player.ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Seat bought by player {Player}", player); // clean precision-pseudonym
        return Task.FromResult(ticket.Seat);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Gamertag} bought seat {Seat}")]
    private static partial void SeatSold(ILogger logger, string gamertag, string seat);

    [LoggerMessage(Level = LogLevel.Information, Message = "Player {PlayerId} bought seat {Seat}")]
    private static partial void SeatSoldRedacted(ILogger logger, [PrivateData] string playerId, string seat);
}
