namespace ClubHub.Access;

// The shapes of the door and turnstile controllers: member cards (RFID) and rotating QR passes. Records print their members.

/// <summary>A tap or scan at a door. Prints door, club, the credential presented (a card UID or a QR token), its kind and time.</summary>
public sealed record EntryAttempt(string DoorId, string Club, string Credential, string CredentialKind, DateTimeOffset At);

/// <summary>The controller's decision. Prints whether allowed, the reason code and the door.</summary>
public sealed record EntryDecision(bool Allowed, string ReasonCode, string DoorId);

/// <summary>A QR entry pass issued to one member. Prints token, membership number and expiry.</summary>
public sealed record QrPass(string Token, string MembershipNumber, DateTimeOffset ExpiresAt);

/// <summary>A door's state. Prints door, online, open and queue length.</summary>
public sealed record DoorStatus(string DoorId, bool Online, bool Open, int QueueLength);

public interface IAccessController
{
    Task OpenAsync(string doorId, CancellationToken cancellationToken = default);

    Task<DoorStatus> StatusAsync(string doorId, CancellationToken cancellationToken = default);

    Task<string?> MembershipForCardAsync(string cardUid, CancellationToken cancellationToken = default);

    Task<string?> MembershipForQrAsync(string token, CancellationToken cancellationToken = default);
}

/// <summary>No member holds the card; quotes the card's UID and the door.</summary>
public sealed class CardNotRecognisedException(string cardUid, string doorId) : Exception($"Card {cardUid} not recognised at {doorId}")
{
    public string DoorId { get; } = doorId;
}

/// <summary>The QR pass has expired; quotes only when it expired.</summary>
public sealed class QrPassExpiredException(DateTimeOffset expiredAt) : Exception($"QR pass expired at {expiredAt:HH:mm:ss}")
{
    public DateTimeOffset ExpiredAt { get; } = expiredAt;
}

/// <summary>The door controller does not answer; quotes the door.</summary>
public sealed class DoorOfflineException(string doorId) : Exception($"Door controller {doorId} is offline")
{
    public string DoorId { get; } = doorId;
}
