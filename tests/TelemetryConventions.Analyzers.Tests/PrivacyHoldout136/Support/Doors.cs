namespace AccessKit.Doors;

// The shapes of a physical access control system's SDK: controllers, doors, card readers,
// cardholders and the event stream.

public enum AccessDecision
{
    Granted,
    Denied,
    Tailgate,
    ForcedOpen,
    HeldOpen,
}

/// <summary>One read at a door, turnstile or gate.</summary>
public sealed record AccessEvent(long EventId, string ControllerId, string DoorId, string CardNumber, string? HolderRef, AccessDecision Decision, string? ReasonCode, DateTimeOffset OccurredAt);

/// <summary>A person enrolled on the system with a card.</summary>
public sealed record Cardholder(string HolderRef, string FirstName, string LastName, string Email, string Department, IReadOnlyList<string> AccessGroups);

/// <summary>A door's state as the controller reports it.</summary>
public sealed record DoorState(string DoorId, bool Locked, bool Open, DateTimeOffset Since);

/// <summary>A change to which doors an access group opens.</summary>
public sealed record AccessGroupSchedule(string AccessGroup, string Schedule, IReadOnlyList<string> Doors);

public sealed class AccessDeniedException(string cardNumber, string doorId, string reasonCode)
    : Exception($"Card {cardNumber} denied at {doorId}: {reasonCode}")
{
    public string DoorId { get; } = doorId;

    public string ReasonCode { get; } = reasonCode;
}

public sealed class ControllerOfflineException(string controllerId, TimeSpan offlineFor)
    : Exception($"Controller {controllerId} offline for {offlineFor.TotalSeconds:F0}s")
{
    public string ControllerId { get; } = controllerId;
}

public sealed class CardholderNotFoundException(string cardNumber)
    : Exception($"No cardholder for card {cardNumber}")
{
}

public interface IAccessControlClient
{
    IAsyncEnumerable<AccessEvent> EventsAsync(string siteId, long afterEventId, CancellationToken cancellationToken);

    Task<Cardholder?> FindCardholderAsync(string cardNumber, CancellationToken cancellationToken);

    Task GrantAsync(string holderRef, string accessGroup, DateTimeOffset until, CancellationToken cancellationToken);

    Task RevokeCardAsync(string cardNumber, CancellationToken cancellationToken);

    Task<DoorState> DoorStateAsync(string doorId, CancellationToken cancellationToken);

    Task PulseOpenAsync(string doorId, CancellationToken cancellationToken);
}
