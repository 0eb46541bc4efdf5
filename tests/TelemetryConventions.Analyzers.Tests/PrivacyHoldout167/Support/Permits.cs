namespace Kerbside.Permits;

// Parking permits and blue badges.

/// <summary>A parking permit. Prints permit id, zone, plate, holder id, holder email and expiry.</summary>
public sealed record ParkingPermit(string PermitId, string Zone, string Vrm, string HolderId, string HolderEmail, DateOnly Expires);

/// <summary>A blue badge as the national register returns it. Prints badge number, holder name, local authority and expiry.</summary>
public sealed record BlueBadge(string BadgeNumber, string HolderName, string LocalAuthority, DateOnly Expires);

/// <summary>The register's verdict on a badge: valid, whether it was reported lost or stolen, expiry month; names no one.</summary>
public sealed record BadgeVerdict(bool Valid, bool ReportedLost, string ExpiryMonth);

public interface IPermitStore
{
    Task<ParkingPermit?> FindByPlateAsync(string vrm, CancellationToken cancellationToken = default);

    Task<ParkingPermit?> FindAsync(string permitId, CancellationToken cancellationToken = default);

    Task SaveAsync(ParkingPermit permit, CancellationToken cancellationToken = default);
}

public interface IBadgeRegister
{
    Task<BadgeVerdict> CheckAsync(string badgeNumber, CancellationToken cancellationToken = default);

    Task<BlueBadge?> FindAsync(string badgeNumber, CancellationToken cancellationToken = default);
}

/// <summary>The permit expired; quotes the permit id.</summary>
public sealed class PermitExpiredException(string permitId) : Exception($"Permit {permitId} has expired");

/// <summary>The badge is not valid; quotes the badge number.</summary>
public sealed class BadgeInvalidException(string badgeNumber) : Exception($"Blue badge {badgeNumber} is not valid");
