namespace Medikit.Vaccination;

// Vaccination bookings and records for workplace, school and store clinics, in the shape of a national booking
// service: sessions, bookings, consent forms and the immunisation record sent to the person's GP.

/// <summary>A clinic session. Prints its id, site, vaccine, capacity and date.</summary>
public sealed record VaccinationSession(string SessionId, string SiteCode, string Vaccine, int Capacity, DateOnly Date)
{
    public int Booked { get; init; }
}

/// <summary>A booking. Prints its id, session, the person's reference, given name and email, the vaccine and the slot.</summary>
public sealed record VaccinationBooking(string BookingId, string SessionId, string PersonRef, string GivenName, string Email, string Vaccine, DateTimeOffset SlotStart);

/// <summary>A vaccination given. Prints the NHS number, vaccine, batch, date and site.</summary>
public sealed record ImmunisationRecord(string NhsNumber, string Vaccine, string BatchNumber, DateOnly GivenOn, string SiteCode)
{
    public string? VaccinatorStaffId { get; init; }
}

/// <summary>A parent's consent form for a school session. Prints the form, the child's NHS number and name, the parent's email, the answer and the medical notes.</summary>
public sealed record ConsentForm(string FormId, string SchoolUrn, string ChildNhsNumber, string ChildName, string ParentEmail, bool Consented, string? MedicalNotes)
{
    public string YearGroup { get; init; } = string.Empty;

    public string? RefusalReason { get; init; }
}

public interface IVaccinationBookingApi
{
    Task<VaccinationSession?> SessionAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<VaccinationBooking> BookAsync(string sessionId, string personRef, string givenName, string email, CancellationToken cancellationToken = default);

    Task CancelAsync(string bookingId, CancellationToken cancellationToken = default);

    Task RecordAsync(ImmunisationRecord record, CancellationToken cancellationToken = default);
}

/// <summary>The session is full; quotes the session and its capacity.</summary>
public sealed class SessionFullException(string sessionId, int capacity)
    : Exception($"Session {sessionId} is full ({capacity})")
{
    public string SessionId { get; } = sessionId;
}

/// <summary>The person already has this vaccine this season; quotes their reference and the vaccine.</summary>
public sealed class AlreadyVaccinatedException(string personRef, string vaccine)
    : Exception($"{personRef} already has {vaccine} this season")
{
    public string Vaccine { get; } = vaccine;
}

/// <summary>The batch is expired or recalled; quotes the batch and the vaccine.</summary>
public sealed class BatchUnusableException(string batchNumber, string vaccine)
    : Exception($"Batch {batchNumber} of {vaccine} is expired or recalled");
