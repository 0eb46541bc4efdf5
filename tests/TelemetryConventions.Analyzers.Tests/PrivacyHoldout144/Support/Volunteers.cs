namespace CultureHub.Volunteers;

// Volunteers: guides, crews and trolley volunteers, their qualifications and rosters. Records print their members.

/// <summary>A volunteer. Prints volunteer number, full name, email, mobile and roles (as their array type's name).</summary>
public sealed record Volunteer(string VolunteerNumber, string FullName, string Email, string Mobile, string[] Roles);

/// <summary>A qualification. Prints volunteer number, role, PCV licence number and validity.</summary>
public sealed record CrewQualification(string VolunteerNumber, string Role, string? PcvLicenceNumber, DateOnly ValidUntil);

/// <summary>A roster slot. Prints slot id, line or gallery, role, day and the volunteer number once filled.</summary>
public sealed record RosterSlot(string SlotId, string Line, string Role, DateOnly Day, string? VolunteerNumber);

/// <summary>A guided tour. Prints tour id, gallery, start, capacity and language.</summary>
public sealed record GuidedTour(string TourId, string Gallery, DateTimeOffset Starts, int Capacity, string Language);

public interface IVolunteerRegister
{
    Task<Volunteer?> FindAsync(string volunteerNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CrewQualification>> QualificationsAsync(string volunteerNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RosterSlot>> OpenSlotsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task<RosterSlot> FillAsync(string slotId, string volunteerNumber, CancellationToken cancellationToken = default);
}

/// <summary>Texts volunteers; not telemetry.</summary>
public interface IVolunteerTexts
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>The volunteer is not qualified for the role; quotes the volunteer number and the role.</summary>
public sealed class CrewNotQualifiedException(string volunteerNumber, string role) : Exception($"Volunteer {volunteerNumber} is not qualified as {role}")
{
    public string Role { get; } = role;
}

/// <summary>A licence has expired; quotes the holder's name and the date.</summary>
public sealed class LicenceExpiredException(string holderName, DateOnly expired) : Exception($"Licence of {holderName} expired on {expired:yyyy-MM-dd}");

/// <summary>The slot is already filled; quotes the slot.</summary>
public sealed class SlotFilledException(string slotId) : Exception($"Roster slot {slotId} is already filled");
