namespace HomeCare.Clients;

/// <summary>A care client. Prints the client id, full name, date of birth, NHS number, home address, postcode, phone, key safe code and the access notes.</summary>
public sealed record CareClient(string ClientId, string FullName, DateOnly DateOfBirth, string NhsNumber, string AddressLine, string Postcode, string Phone, string? KeySafeCode, string? AccessNotes);

/// <summary>A care package: package id, commissioned hours a week, the area and the funding stream; names no one.</summary>
public sealed record CarePackage(string PackageId, decimal HoursPerWeek, string Area, string Funding);

/// <summary>A client's profile as the office keeps it; a class without ToString.</summary>
public sealed class CareClientProfile
{
    public required string ClientId { get; init; }

    public required string PreferredName { get; init; }

    public string? NextOfKinPhone { get; init; }

    public int VisitsPerDay { get; init; }
}

/// <summary>A client's key safe: client id, code, where the safe is fitted and when the code was last changed.</summary>
public sealed record KeySafe(string ClientId, string Code, string Location, DateTimeOffset ChangedAt);

/// <summary>A position fix as a phone reports it; prints six decimals.</summary>
public readonly record struct GeoFix(double Latitude, double Longitude)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude:F6},{Longitude:F6}");
}

public interface IClientStore
{
    Task<CareClient?> FindAsync(string clientId, CancellationToken cancellationToken = default);

    Task<CareClientProfile?> ProfileAsync(string clientId, CancellationToken cancellationToken = default);

    Task<KeySafe?> KeySafeAsync(string clientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> DueForRotationAsync(int days, CancellationToken cancellationToken = default);

    Task SaveKeySafeAsync(KeySafe keySafe, CancellationToken cancellationToken = default);
}

/// <summary>Texts and emails to clients, families and carers; not telemetry.</summary>
public interface ICareMessenger
{
    Task TextAsync(string mobile, string body, CancellationToken cancellationToken = default);

    Task EmailAsync(string email, string subject, string body, CancellationToken cancellationToken = default);
}

/// <summary>No such client; the message quotes the client id.</summary>
public sealed class ClientNotFoundException(string clientId) : Exception($"Care client {clientId} was not found");

/// <summary>A key safe code was typed wrong too often; the message quotes the client's postcode.</summary>
public sealed class KeySafeLockedException(string postcode) : Exception($"Key safe at {postcode} is locked after three failed codes");

/// <summary>The package is suspended (a hospital stay); quotes the package id and a reason code.</summary>
public sealed class PackageSuspendedException(string packageId, string reasonCode) : Exception($"Package {packageId} suspended ({reasonCode})");
