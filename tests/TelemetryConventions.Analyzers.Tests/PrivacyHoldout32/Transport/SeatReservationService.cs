using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Calendaring;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Transport;

public sealed record ReservationRequest(string BookingReference, Guid ServiceId, string PassengerName, string? RailcardNumber, string? TravelCardNumber, string Coach, string Seat, string Email);

public sealed record TrainService(Guid Id, string Headcode, string Origin, string Destination, DateTimeOffset Departs, DateTimeOffset Arrives, string OriginZone, string DestinationZone);

public sealed class RailcardRejectedException(string railcardNumber, DateOnly expired)
    : Exception($"Railcard {railcardNumber} expired on {expired:yyyy-MM-dd}");

public sealed class SeatTakenException(string coach, string seat, string headcode)
    : Exception($"Seat {coach}{seat} on {headcode} is already reserved");

public interface IReservationSystem
{
    Task<TrainService> ServiceAsync(Guid serviceId, CancellationToken cancellationToken);

    Task ValidateRailcardAsync(string railcardNumber, CancellationToken cancellationToken);

    Task ReserveAsync(ReservationRequest request, CancellationToken cancellationToken);
}

/// <summary>Seat reservations for cross-border services, with an e-ticket calendar entry in the traveller's own time.</summary>
public sealed class SeatReservationService(IReservationSystem reservations, Pseudonymizer pseudonymizer, ILogger<SeatReservationService> logger)
{
    private static readonly ActivitySource Source = new("Rail.Reservations");
    private static readonly CalendarSerializer Serializer = new();

    public async Task<string?> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken)
    {
        var service = await reservations.ServiceAsync(request.ServiceId, cancellationToken);
        using var span = Source.StartBookingReserve(service.Origin, spanName: "seat.reserve");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.BookingReference + "/" + request.PassengerName)); // clean precision-pseudonym
        Activity.Current?.SetTag("reservation.pnr", request.BookingReference); // clean precision-about
        Activity.Current?.SetTag("reservation.seat", $"{request.Coach}{request.Seat}"); // clean precision-about
        Activity.Current?.SetTag("passenger.name", request.PassengerName); // leak TC1001 direct
        if (request.TravelCardNumber is { Length: > 4 } card)
        {
            Activity.Current?.SetTag("passenger.card_last4", card[^4..]); // clean precision-about
            Activity.Current?.SetBaggage("passenger.card", card); // leak TC1001 direct
            Activity.Current?.SetTag("reservation.card_key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(card)))); // leak TC1002 hashes
        }

        if (request.RailcardNumber is { } railcard)
        {
            try
            {
                await reservations.ValidateRailcardAsync(railcard, cancellationToken);
            }
            catch (RailcardRejectedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                return null;
            }
        }

        try
        {
            await reservations.ReserveAsync(request, cancellationToken);
        }
        catch (SeatTakenException ex)
        {
            logger.LogInformation(ex, "Seat refused for {Reference}", request.BookingReference); // clean exceptions
            span.AddBookingRejectedEvent(ex.Message); // clean exceptions
            return null;
        }

        logger.LogInformation("Reservation confirmed {@Reservation}", request); // leak TC1001 logging-objects

        var originZone = TimeZoneInfo.FindSystemTimeZoneById(service.OriginZone);
        var destinationZone = TimeZoneInfo.FindSystemTimeZoneById(service.DestinationZone);
        var arrivesLocal = TimeZoneInfo.ConvertTime(service.Arrives, destinationZone);
        Activity.Current?.SetTag("service.zone_shift_hours", (destinationZone.GetUtcOffset(service.Arrives) - originZone.GetUtcOffset(service.Departs)).TotalHours); // clean precision-about

        var calendar = new Calendar { Method = "PUBLISH" };
        var entry = new CalendarEvent
        {
            Uid = $"{request.BookingReference}-{request.Coach}{request.Seat}@tickets.rail.example",
            Summary = $"{service.Origin} → {service.Destination}, coach {request.Coach} seat {request.Seat}",
            Description = $"Arrives {arrivesLocal:HH:mm} local time. Passenger: {request.PassengerName}",
            DtStart = new CalDateTime(service.Departs.UtcDateTime),
            DtEnd = new CalDateTime(service.Arrives.UtcDateTime),
        };
        entry.Attendees.Add(new Attendee("mailto:" + request.Email) { CommonName = request.PassengerName });
        calendar.Events.Add(entry);
        logger.LogDebug("E-ticket calendar entry {Summary} ({Uid})", entry.Summary, entry.Uid); // clean strings
        logger.LogTrace("E-ticket entry description {Description}", entry.Description); // leak TC1001 strings
        Activity.Current?.SetTag("eticket.attendee", entry.Attendees[0].ToString()); // leak TC1001 cross-member
        return Serializer.SerializeToString(calendar);
    }
}
