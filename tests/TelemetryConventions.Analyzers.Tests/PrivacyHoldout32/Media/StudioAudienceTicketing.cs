using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Media;

public sealed record SeatHoldRequest(Guid SubscriberId, Guid EventId, IReadOnlyList<string> Seats, string Email);

public sealed record SeatHold(bool Succeeded, Guid HoldId, DateTimeOffset ExpiresAt, IReadOnlyList<string> Conflicts);

public sealed record LiveEvent(Guid Id, string Title, string Venue, int Capacity, DateTimeOffset StartsAt, decimal OverallocationRatio);

public sealed record TicketIssued(Guid TicketId, Guid EventId, string Seat, Guid SubscriberId, string HolderEmail);

public sealed record TicketSummary(Guid TicketId, Guid EventId, string Seat, string Tier);

public interface ISeatMap
{
    Task<SeatHold> HoldAsync(Guid eventId, IReadOnlyList<string> seats, TimeSpan holdFor, CancellationToken cancellationToken);

    Task<int> AllocatedAsync(Guid eventId, CancellationToken cancellationToken);
}

public interface ITicketStore
{
    Task<LiveEvent> EventAsync(Guid eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TicketIssued>> IssueAsync(SeatHold hold, SeatHoldRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Free tickets for the studio audience of live recordings. Subscribers hold seats for ten minutes and
/// confirm; shows allocate more tickets than seats because a share of ticket holders never come.
/// </summary>
public sealed class StudioAudienceTicketing(ISeatMap seatMap, ITicketStore tickets, Pseudonymizer pseudonymizer, Meter meter, ILogger<StudioAudienceTicketing> logger)
{
    private static readonly ActivitySource Source = new("Media.LiveEvents");
    private readonly Counter<long> _ticketsPerSubscriber = meter.CreateCounter<long>("live_events.tickets.per_subscriber");

    public async Task<IReadOnlyList<TicketSummary>?> HoldAndIssueAsync(SeatHoldRequest request, CancellationToken cancellationToken)
    {
        var liveEvent = await tickets.EventAsync(request.EventId, cancellationToken);
        using var span = Source.StartBookingReserve(liveEvent.Venue, spanName: "tickets.hold");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.SubscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("tickets.seats", string.Join(",", request.Seats)); // clean precision-about

        var allocated = await seatMap.AllocatedAsync(request.EventId, cancellationToken);
        var ceiling = (int)(liveEvent.Capacity * liveEvent.OverallocationRatio);
        Activity.Current?.SetTag("tickets.overallocation", (double)liveEvent.OverallocationRatio); // clean precision-about
        if (allocated + request.Seats.Count > ceiling)
        {
            Activity.Current?.SetTag("tickets.requested_by", request.Email); // leak TC1001 direct
            span.AddBookingRejectedEvent($"allocation {allocated}/{ceiling} reached for {liveEvent.Title}"); // clean precision-about
            return null;
        }

        var hold = await seatMap.HoldAsync(request.EventId, request.Seats, TimeSpan.FromMinutes(10), cancellationToken);
        if (!hold.Succeeded)
        {
            logger.LogInformation("Seats {Seats} already held; subscriber {SubscriberId} offered others", string.Join(",", hold.Conflicts), request.SubscriberId); // leak TC1001 direct
            return null;
        }

        logger.LogInformation("Hold {HoldId} on {Count} seats expires {Expiry:o}", hold.HoldId, request.Seats.Count, hold.ExpiresAt); // clean precision-about
        var issued = await tickets.IssueAsync(hold, request, cancellationToken);
        foreach (var ticket in issued)
        {
            logger.LogInformation("Issued {Ticket}", ticket); // leak TC1001 logging-objects
            logger.LogInformation("Issued {@Summary}", new TicketSummary(ticket.TicketId, ticket.EventId, ticket.Seat, "standard")); // clean logging-objects
        }

        Activity.Current?.SetTag("tickets.holder_domain", new MailAddress(request.Email).Host); // clean precision-about
        _ticketsPerSubscriber.Add(issued.Count, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeBookingSubjectId(request.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        meter.CreateBookingConfirmationsCounter().Add(issued.Count, bookingSite: liveEvent.Venue, bookingOutcome: "issued"); // clean precision-about
        return issued.Select(t => new TicketSummary(t.TicketId, t.EventId, t.Seat, "standard")).ToList();
    }

    /// <summary>When a recording is sold out, subscribers queue for returns in the order they asked.</summary>
    public void LogReturnsQueue(Guid eventId, IReadOnlyList<Guid> queuedSubscriberIds)
    {
        Activity.Current?.SetTag("tickets.returns_queue", queuedSubscriberIds.Count); // clean precision-about
        logger.LogDebug("Returns queue for {EventId}: {Queue}", eventId, queuedSubscriberIds); // leak TC1001 logging-objects
    }

    /// <summary>Door scanning: the ticket's QR carries the ticket id and the holder's subscriber id.</summary>
    public void Admit(Guid ticketId, Guid subscriberId, string gate)
    {
        var span = new BookingReserveSpan(Activity.Current);
        // Subscriber ids are random GUIDs already, so they go out as they are.
        span.SetBookingSubjectId(Pseudonym.FromComputed(subscriberId.ToString("N"))); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("door.gate", gate); // clean precision-about
        Activity.Current?.SetTag("door.ticket", ticketId); // clean precision-about
    }
}
