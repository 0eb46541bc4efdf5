namespace PrivacyHoldout161.Transport;

public static partial class RailLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Ticket {Reference} issued {Origin}-{Destination}")]
    public static partial void Issued(ILogger logger, string reference, string origin, string destination);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Ticket issued {@Ticket}")]
    public static partial void IssuedWhole(ILogger logger, RailTicket ticket);
}

/// <summary>Issues e-tickets for rail journeys with seat reservations and railcard discounts.</summary>
public sealed class RailTicketIssuer(IPartnerClient retailer, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RailTicketIssuer> logger)
{
    private static readonly ActivitySource Source = new("Travel.Ticketing.Rail");
    private static readonly Meter Meter = new("Travel.Ticketing.Rail");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("rail.tickets.issued");

    public async Task IssueAsync(RailTicket ticket, string profileId, CancellationToken cancellationToken)
    {
        using var span = Source.StartTicketingOperation("GR");
        span.SetTicketingPassengerId(pseudonymizer.PseudonymizeTicketingPassengerId(profileId)); // clean precision-pseudonym
        span.SetTicketingNote($"{ticket.Origin}-{ticket.Destination} on {ticket.TrainId}, coach {ticket.Coach} seat {ticket.Seat}"); // clean generated-api
        Activity.Current?.SetTag("rail.train", ticket.TrainId); // clean precision-names
        Activity.Current?.SetTag("rail.coach", ticket.Coach); // clean precision-names
        Activity.Current?.SetTag("rail.railcard.applied", ticket.RailcardNumber is not null); // clean precision-about
        Activity.Current?.SetTag("rail.railcard", ticket.RailcardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("rail.profile", profileId); // leak TC1001 direct
        await retailer.SubmitAsync(ticket, cancellationToken);
        RailLog.Issued(logger, ticket.TicketReference, ticket.Origin, ticket.Destination); // leak TC1001 logging-objects
        RailLog.IssuedWhole(logger, ticket); // leak TC1001 logging-objects
        Issued.Add(1, new KeyValuePair<string, object?>("rail.origin", ticket.Origin), new KeyValuePair<string, object?>("rail.destination", ticket.Destination)); // clean precision-names
        Issued.Add(1, new KeyValuePair<string, object?>("rail.passenger", pseudonymizer.PseudonymizeTicketingPassengerId(profileId))); // leak TC1003 precision-pseudonym
        Issued.Add(1, new KeyValuePair<string, object?>("rail.partition", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(profileId)), 0) % 128)); // clean hashes
        Activity.Current?.SetTag("rail.ticket.key", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ticket.TicketReference)))[..10]); // leak TC1002 hashes
        Meter.CreateTicketingBookingsCounter().Add(1, "GR", ticketingOutcome: "issued"); // clean generated-api
        Meter.CreateTicketingBookingsCounter().Add(1, "GR", ticketingOutcome: ticket.PassengerName); // leak TC1003 generated-api
        Meter.CreateTicketingDurationHistogram().Record(0.4, "GR"); // clean generated-api
        Activity.Current?.SetTag("rail.passenger.name.length", ticket.PassengerName.Length); // clean precision-about
    }
}
