namespace PrivacyHoldout80.Gaming;

/// <summary>A matchmaking ticket: the party's leader, its members' gamertags, the skill rating and the region.</summary>
public sealed record MatchTicket(string TicketId, Guid LeaderId, IReadOnlyList<string> Gamertags, int Skill, string Region);

/// <summary>Thrown when a ticket names a member the party service does not know.</summary>
public sealed class UnknownMemberException(string ticketId, string gamertag)
    : Exception($"Ticket {ticketId}: member '{gamertag}' is not in the party")
{
    public string TicketId { get; } = ticketId;
}

/// <summary>Parses tickets with a forward-only <see cref="Utf8JsonReader"/> over the rented buffer of the socket read.</summary>
public sealed partial class MatchTicketCodec(ILogger<MatchTicketCodec> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _tickets = meter.CreateCounter<long>("netwire.tickets", "{ticket}");

    public MatchTicket? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string ticketId = "", region = "";
        var leader = Guid.Empty;
        var skill = 0;
        var gamertags = new List<string>(4);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            if (reader.ValueTextEquals("ticket"u8) && reader.Read()) ticketId = reader.GetString()!;
            else if (reader.ValueTextEquals("leader"u8) && reader.Read()) leader = reader.GetGuid();
            else if (reader.ValueTextEquals("skill"u8) && reader.Read()) skill = reader.GetInt32();
            else if (reader.ValueTextEquals("region"u8) && reader.Read()) region = reader.GetString()!;
            else if (reader.ValueTextEquals("members"u8) && reader.Read())
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    gamertags.Add(reader.GetString()!);
                }
            }
        }

        var ticket = new MatchTicket(ticketId, leader, gamertags, skill, region);
        _tickets.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("party.size", gamertags.Count)); // clean precision-about
        LogTicket(logger, ticketId, gamertags.Count, skill, region); // clean precision-about
        logger.LogDebug("Ticket parsed: {@Ticket}", ticket); // leak TC1001 logging-objects
        Activity.Current?.SetTag("netwire.ticket.leader", pseudonymizer.ComputeNetwirePlayerId(leader.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("netwire.ticket.leader.hash", leader.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("netwire.ticket.party", string.Join(';', gamertags)); // leak TC1001 strings
        return ticket;
    }

    public void Reject(MatchTicket ticket, string missingGamertag)
    {
        var error = new UnknownMemberException(ticket.TicketId, missingGamertag);
        logger.LogWarning(error, "Ticket {TicketId} rejected", ticket.TicketId); // leak TC1001 exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, nameof(UnknownMemberException)); // clean exceptions
        Activity.Current?.SetTag("error.ticket", error.TicketId); // clean exceptions
        Activity.Current?.AddException(error); // leak TC1001 exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Ticket {TicketId}: party of {PartySize}, skill {Skill}, region {Region}")]
    private static partial void LogTicket(ILogger logger, string ticketId, int partySize, int skill, string region);
}
