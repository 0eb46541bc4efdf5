namespace Campus.Halls;

// Accommodation: the university's halls, room allocations and move-in day.

/// <summary>A room in a hall. Prints hall, room number, floor and whether it is accessible; names no one.</summary>
public sealed record HallRoom(string Hall, string RoomNumber, int Floor, bool Accessible);

/// <summary>A room allocation. Prints allocation id, student number, hall, room number and move-in date.</summary>
public sealed record RoomAllocation(Guid AllocationId, string StudentNumber, string Hall, string RoomNumber, DateOnly MoveIn);

/// <summary>A move-in slot. Prints slot id, hall, start and the car's registration.</summary>
public sealed record MoveInSlot(Guid SlotId, string Hall, DateTimeOffset Start, string CarRegistration);

/// <summary>A student house let privately. Prints house id, full address, meter serial and the lead tenant's student number.</summary>
public sealed record StudentHouse(Guid HouseId, string Address, string MeterSerial, string LeadTenantStudentNumber);

public interface IHallsStore
{
    Task<HallRoom?> FreeRoomAsync(string hall, bool accessible, CancellationToken cancellationToken = default);

    Task<RoomAllocation> AllocateAsync(string studentNumber, HallRoom room, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoomAllocation>> ArrivalsAsync(string hall, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>No room is free; quotes the hall.</summary>
public sealed class RoomUnavailableException(string hall) : Exception($"No free room in {hall}");

/// <summary>The student already holds a room; quotes the student number.</summary>
public sealed class AlreadyAllocatedException(string studentNumber) : Exception($"Student {studentNumber} already has a room");
