namespace LifeEvents.Graduation;

// A university's graduation ceremonies: the registry's graduands, guest ticketing and the reception caterer.

/// <summary>A student eligible to graduate. Prints student number, full name, the name as the reader should say it, email, faculty and award.</summary>
public sealed record Graduand(string StudentNumber, string FullName, string PhoneticName, string Email, string Faculty, string Award);

/// <summary>A graduand's booking for a ceremony. Prints booking id, student number, ceremony, guest tickets and step-free access.</summary>
public sealed record CeremonyBooking(string BookingId, string StudentNumber, string CeremonyCode, int GuestTickets, bool NeedsStepFreeAccess);

/// <summary>A guest's ticket. Prints ticket id, the guest's name and email and the dietary code for the reception.</summary>
public sealed record GuestTicket(string TicketId, string GuestName, string GuestEmail, string DietaryCode);

/// <summary>A ceremony. Prints code, hall, start and capacity.</summary>
public sealed record Ceremony(string CeremonyCode, string Hall, DateTimeOffset StartsAt, int Capacity);

/// <summary>A confirmed booking. Prints booking id, ceremony and seats.</summary>
public sealed record BookingConfirmation(string BookingId, string CeremonyCode, int Seats);

/// <summary>A degree awarded after a student's death. Prints student number, the student's name, the next of kin's name and email, and the award.</summary>
public sealed record PosthumousAward(string StudentNumber, string FullName, string KinName, string KinEmail, string Award);

public interface IGraduationRegistry
{
    Task<Graduand> GraduandAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<Ceremony> CeremonyAsync(string ceremonyCode, CancellationToken cancellationToken = default);

    Task<BookingConfirmation> BookAsync(CeremonyBooking booking, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GuestTicket>> GuestsAsync(string ceremonyCode, CancellationToken cancellationToken = default);

    Task RecordAwardAsync(PosthumousAward award, CancellationToken cancellationToken = default);
}

/// <summary>The registry's mailer and the caterer's portal; not telemetry.</summary>
public interface IRegistryMailer
{
    Task SendAsync(string email, string templateId, CancellationToken cancellationToken = default);

    Task UploadGuestListAsync(string ceremonyCode, string csv, CancellationToken cancellationToken = default);
}

/// <summary>The student may not graduate; quotes the student number and a reason code.</summary>
public sealed class GraduandNotEligibleException(string studentNumber, string reasonCode) : Exception($"Student {studentNumber} is not eligible to graduate ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The ceremony is full; quotes the ceremony and its capacity.</summary>
public sealed class CeremonyFullException(string ceremonyCode, int capacity) : Exception($"Ceremony {ceremonyCode} is full ({capacity} seats)");

/// <summary>A booking asked for too many guest tickets; quotes the booking and the limit.</summary>
public sealed class GuestTicketLimitException(string bookingId, int limit) : Exception($"Booking {bookingId} exceeds the limit of {limit} guest tickets");

/// <summary>A guest is already on the ceremony's list; quotes the guest's email.</summary>
public sealed class DuplicateGuestException(string guestEmail) : Exception($"Guest {guestEmail} already holds a ticket for this ceremony");
