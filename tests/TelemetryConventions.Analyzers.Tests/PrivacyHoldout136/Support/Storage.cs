namespace AccessKit.Storage;

// The shapes of a smart locker and secure cycle store platform.

/// <summary>A locker assigned to someone, opened with a code.</summary>
public sealed record LockerAssignment(string LockerBankId, int LockerNumber, string HolderRef, string AccessCode, DateTimeOffset ExpiresAt);

/// <summary>A locker bank's doors.</summary>
public sealed record LockerBankStatus(string LockerBankId, int Total, int Free, int Faulted);

/// <summary>A rack space booked in a secure cycle store.</summary>
public sealed record BikeSpaceBooking(string BookingId, string HubId, int Rack, string MemberRef, string? FrameNumber, DateTimeOffset From, DateTimeOffset To);

public sealed class LockerJammedException(string lockerBankId, int lockerNumber)
    : Exception($"Locker {lockerBankId}/{lockerNumber} did not open")
{
    public string LockerBankId { get; } = lockerBankId;
}

public sealed class AccessCodeExpiredException(string accessCode, string lockerBankId)
    : Exception($"Code {accessCode} has expired at {lockerBankId}")
{
    public string LockerBankId { get; } = lockerBankId;
}

public sealed class HubFullException(string hubId, int racks)
    : Exception($"Cycle hub {hubId} has no free racks of {racks}")
{
}

public interface ILockerController
{
    Task<bool> OpenAsync(string lockerBankId, int lockerNumber, CancellationToken cancellationToken);

    Task<LockerBankStatus> StatusAsync(string lockerBankId, CancellationToken cancellationToken);

    Task<LockerAssignment> AssignAsync(string lockerBankId, string holderRef, TimeSpan keep, CancellationToken cancellationToken);

    Task<LockerAssignment?> FindByCodeAsync(string lockerBankId, string accessCode, CancellationToken cancellationToken);
}

public interface ICycleHubClient
{
    Task<BikeSpaceBooking> BookAsync(string hubId, string memberRef, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<bool> UnlockAsync(string hubId, string memberCardNumber, CancellationToken cancellationToken);
}
