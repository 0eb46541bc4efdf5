namespace EarlyYears.Children;

// The nursery management system's register of children, their parents and the staff.

/// <summary>A child on the register. Prints the child's id, first and last names, date of birth, room and key person's staff id.</summary>
public sealed record Child(string ChildId, string FirstName, string LastName, DateOnly DateOfBirth, string Room, string KeyPersonId);

/// <summary>A parent or carer with parental responsibility. Prints account id, name, email, mobile and relationship.</summary>
public sealed record ParentContact(string ParentAccountId, string Name, string Email, string Mobile, string Relationship);

/// <summary>A room of the setting. Prints room id, name, capacity, age band and staff on duty.</summary>
public sealed record NurseryRoom(string RoomId, string Name, int Capacity, string AgeBand, int StaffOnDuty);

/// <summary>A member of staff. Prints staff id, name, email and role.</summary>
public sealed record StaffMember(string StaffId, string Name, string Email, string Role);

public interface IChildRegister
{
    Task<Child?> FindAsync(string childId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ParentContact>> ContactsAsync(string childId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Child>> InRoomAsync(string roomId, CancellationToken cancellationToken = default);

    Task<StaffMember?> StaffAsync(string staffId, CancellationToken cancellationToken = default);
}

/// <summary>Texts, emails and app pushes to parents; not telemetry.</summary>
public interface IParentMessenger
{
    Task TextAsync(string mobile, string templateId, CancellationToken cancellationToken = default);

    Task EmailAsync(string email, string templateId, CancellationToken cancellationToken = default);

    Task PushAsync(string parentAccountId, string message, CancellationToken cancellationToken = default);
}

/// <summary>No child with the id; quotes the child's id.</summary>
public sealed class ChildNotFoundException(string childId) : Exception($"No child {childId} on the register");

/// <summary>A room is over its ratio; quotes the room and the numbers.</summary>
public sealed class RoomRatioBreachedException(string roomId, int children, int staff) : Exception($"Room {roomId} has {children} children for {staff} staff");
