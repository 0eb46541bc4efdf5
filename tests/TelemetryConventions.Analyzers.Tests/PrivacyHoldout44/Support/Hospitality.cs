using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout44.Support;

// Stand-ins for the mediator, the reservation systems (a GDS, a hotel property management system,
// a ticketing platform) and the notification senders the services call. Only the shapes matter.

public interface IRequest<TResponse>;

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public interface INotification;

public interface INotificationHandler<in TNotification>
    where TNotification : INotification
{
    Task Handle(TNotification notification, CancellationToken cancellationToken);
}

/// <summary>A passenger name record as the global distribution system returns it.</summary>
public sealed record PnrRecord(
    string RecordLocator,
    IReadOnlyList<PnrPassenger> Passengers,
    IReadOnlyList<FlightSegment> Segments,
    string? GroupName = null);

public sealed record PnrPassenger(
    int Index,
    string Surname,
    string GivenName,
    string PassengerType,
    string? FrequentFlyerNumber,
    string? ContactPhone,
    string? Email,
    IReadOnlyList<SpecialServiceRequest> Ssrs);

/// <summary>An SSR element: a four-letter IATA code (WCHR, VGML, DEAF…) and the free text the agent or traveller typed.</summary>
public sealed record SpecialServiceRequest(string Code, string? FreeText);

public sealed record FlightSegment(
    string Carrier,
    string FlightNumber,
    DateOnly DepartureDate,
    string Origin,
    string Destination,
    string BookingClass)
{
    public string Designator => $"{Carrier}{FlightNumber}";
}

public interface IGdsClient
{
    Task<PnrRecord?> RetrievePnrAsync(string recordLocator, CancellationToken cancellationToken);

    Task<IReadOnlyList<FlightSegment>> FindAlternativesAsync(FlightSegment disrupted, int seats, CancellationToken cancellationToken);

    Task<string> RebookAsync(string recordLocator, FlightSegment from, FlightSegment to, CancellationToken cancellationToken);
}

/// <summary>A hotel reservation as the property management system keeps it.</summary>
public sealed record PmsReservation(
    string ConfirmationNumber,
    string PropertyCode,
    string GuestProfileId,
    string GuestName,
    string? GuestEmail,
    DateOnly Arrival,
    DateOnly Departure,
    string RoomType,
    string? RoomNumber,
    string RateCode);

public interface IPropertyManagementSystem
{
    Task<PmsReservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> FreeRoomsAsync(string propertyCode, string roomType, DateOnly arrival, CancellationToken cancellationToken);

    Task AssignRoomAsync(string confirmationNumber, string roomNumber, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string body, CancellationToken cancellationToken);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>A key-value store (Redis, a distributed cache). Writing to it is not telemetry.</summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);
}

/// <summary>An issued ticket on the ticketing platform.</summary>
public sealed record IssuedTicket(
    string TicketId,
    string EventId,
    string Tier,
    string? SeatLabel,
    string AttendeeName,
    string AttendeeEmail,
    string Barcode);

public interface ITicketingPlatform
{
    Task<IssuedTicket?> FindByBarcodeAsync(string barcode, CancellationToken cancellationToken);

    Task<IssuedTicket> ReassignAsync(string ticketId, string newAttendeeName, string newAttendeeEmail, CancellationToken cancellationToken);
}

/// <summary>Thrown by the ticketing platform's client when the platform answers 409; its message is the platform's fixed text.</summary>
public sealed class TicketingConflictException(string code) : Exception($"Ticketing platform refused the change ({code}).")
{
    public string Code { get; } = code;
}
