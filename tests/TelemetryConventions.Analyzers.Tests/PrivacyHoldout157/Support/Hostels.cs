namespace Stays.Hostels;

// A hostel's beds, lockers and wristbands.

/// <summary>A bed assignment. Prints dorm, bed, guest's name and passport number.</summary>
public sealed record BedAssignment(string Dorm, int Bed, string GuestName, string PassportNumber);

/// <summary>A wristband issued to one guest for doors and lockers. Prints its UID, the guest's name and the dorm.</summary>
public sealed record Wristband(string Uid, string GuestName, string Dorm);

/// <summary>A dorm's occupancy. Prints dorm, beds and occupied beds.</summary>
public sealed record DormOccupancy(string Dorm, int Beds, int Occupied);

/// <summary>A wristband was refused at a door; quotes its UID.</summary>
public sealed class WristbandRefusedException(string uid, string door) : Exception($"Wristband {uid} refused at {door}");

/// <summary>A dorm is full; quotes the dorm and the night.</summary>
public sealed class DormFullException(string dorm, DateOnly night) : Exception($"Dorm {dorm} is full on {night:yyyy-MM-dd}");
