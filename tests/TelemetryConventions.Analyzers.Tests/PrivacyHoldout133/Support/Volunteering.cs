namespace Goodwork.Volunteering;

// A volunteer management platform's client, in the shape of the hosted rota tools charities use.

/// <summary>A registered volunteer. Prints its members: id, full name, email, mobile and postcode.</summary>
public sealed record Volunteer(string VolunteerId, string FullName, string Email, string Mobile, string Postcode)
{
    public IReadOnlyList<string> Skills { get; init; } = [];
}

/// <summary>A shift on a rota. Prints its members: id, site, role, start and capacity.</summary>
public sealed record Shift(string ShiftId, string Site, string Role, DateTimeOffset StartsAt, int Capacity);

/// <summary>A volunteer placed on a shift. Prints its members, the volunteer's id among them.</summary>
public sealed record RotaAssignment(string ShiftId, string VolunteerId, string Role, DateTimeOffset ConfirmedAt);

/// <summary>A sign-up submitted from the public form. Prints its members.</summary>
public sealed record SignUpForm(string FullName, string Email, string Mobile, string Postcode, string Programme, string? AboutMe);

/// <summary>A rota's fill for one site and day. Prints its members: site, day, shifts and open places.</summary>
public sealed record RotaFill(string Site, DateOnly Day, int Shifts, int OpenPlaces);

public interface IRotaClient
{
    Task<Volunteer?> FindVolunteerAsync(string volunteerId, CancellationToken cancellationToken = default);

    Task<Volunteer> RegisterAsync(SignUpForm form, CancellationToken cancellationToken = default);

    Task<RotaAssignment> AssignAsync(string shiftId, string volunteerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Shift>> OpenShiftsAsync(string site, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RotaAssignment>> AssignmentsAsync(string shiftId, CancellationToken cancellationToken = default);

    Task CancelAsync(string shiftId, string volunteerId, CancellationToken cancellationToken = default);
}

/// <summary>The shift has no place left; quotes the shift and its capacity.</summary>
public sealed class ShiftFullException(string shiftId, int capacity)
    : Exception($"Shift {shiftId} is full ({capacity} places)")
{
    public string ShiftId { get; } = shiftId;
}

/// <summary>The volunteer is already on the rota for an overlapping shift; quotes the volunteer's id.</summary>
public sealed class AlreadyRosteredException(string volunteerId, string shiftId)
    : Exception($"Volunteer {volunteerId} already rostered over shift {shiftId}")
{
    public string ShiftId { get; } = shiftId;
}

/// <summary>Sends texts and emails to volunteers; not telemetry.</summary>
public interface IVolunteerMessenger
{
    Task SendAsync(string to, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}
