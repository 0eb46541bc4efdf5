namespace Salon.Clients;

// The salon group's client and appointment platform.

/// <summary>A salon client. Prints client number, id, names, email, mobile, date of birth, postcode and loyalty card.</summary>
public sealed record SalonClient(string ClientNumber, Guid ClientId, string FirstName, string LastName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode, string LoyaltyCardNumber);

/// <summary>An appointment. Prints appointment id, client number, stylist's staff id, service, start and length.</summary>
public sealed record Appointment(string AppointmentId, string ClientNumber, string StylistStaffId, string Service, DateTimeOffset StartsAt, int Minutes);

/// <summary>A free slot in a salon's diary. Prints slot id, salon, chair, start and length.</summary>
public sealed record AppointmentSlot(string SlotId, string Salon, string Chair, DateTimeOffset StartsAt, int Minutes);

/// <summary>A stylist, therapist or tattoo artist. Prints staff id, display name, level and salon.</summary>
public sealed record Stylist(string StaffId, string DisplayName, string Level, string Salon);

/// <summary>The client directory; not telemetry.</summary>
public interface IClientDirectory
{
    Task<SalonClient?> FindAsync(string clientNumber, CancellationToken cancellationToken = default);

    Task<SalonClient?> FindByMobileAsync(string mobile, CancellationToken cancellationToken = default);

    Task<int> NoShowsAsync(string clientNumber, CancellationToken cancellationToken = default);
}

/// <summary>Texts and emails to clients; not telemetry.</summary>
public interface IClientMessenger
{
    Task<string> TextAsync(string mobile, string text, CancellationToken cancellationToken = default);

    Task<string> EmailAsync(string email, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>The salon diary; not telemetry.</summary>
public interface IAppointmentBook
{
    Task<Appointment> BookAsync(string clientNumber, AppointmentSlot slot, string service, CancellationToken cancellationToken = default);

    Task CancelAsync(string appointmentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Appointment>> DayAsync(string salon, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>No client with that number; quotes the number.</summary>
public sealed class ClientNotFoundException(string clientNumber) : Exception($"No client {clientNumber} in the directory");

/// <summary>The slot was taken meanwhile; quotes the slot and the chair.</summary>
public sealed class SlotTakenException(string slotId, string chair) : Exception($"Slot {slotId} on chair {chair} is no longer free");

/// <summary>The client already holds an appointment then; quotes the client and the appointment.</summary>
public sealed class DoubleBookingException(string clientNumber, string appointmentId) : Exception($"Client {clientNumber} already holds appointment {appointmentId}");

/// <summary>Too many no-shows; quotes the client's mobile (as the old booking system did).</summary>
public sealed class NoShowLimitException(string mobile, int noShows) : Exception($"{mobile} has {noShows} no-shows and must pay a full deposit")
{
    public int NoShows { get; } = noShows;
}

/// <summary>The salon is closed that day; quotes the salon and the day.</summary>
public sealed class SalonClosedException(string salon, DateOnly day) : Exception($"Salon {salon} is closed on {day:yyyy-MM-dd}");
