// Wallet passes in the shape of Apple Wallet's pass.json and its web service, and of Google Wallet's pass objects.
namespace WalletKit;

public enum BarcodeFormat
{
    QR,
    Aztec,
    PDF417,
    Code128,
}

/// <summary>A pass's barcode: <c>format</c>, <c>message</c>, <c>messageEncoding</c>, <c>altText</c>. A class: it prints its type's name.</summary>
public sealed class PassBarcode
{
    public BarcodeFormat Format { get; init; }

    /// <summary>The text encoded in the barcode (what a scanner reads).</summary>
    public required string Message { get; init; }

    public string MessageEncoding { get; init; } = "iso-8859-1";

    /// <summary>The text printed under the barcode.</summary>
    public string? AltText { get; init; }
}

/// <summary>A field on the pass's face or back (<c>key</c>, <c>label</c>, <c>value</c>). A record: it prints its value.</summary>
public sealed record PassField(string Key, string Label, string Value);

/// <summary>An Apple-style pass (pass.json). A class: it prints its type's name.</summary>
public sealed class WalletPass
{
    public required string PassTypeIdentifier { get; init; }

    /// <summary>Unique within the pass type; the issuer chooses it.</summary>
    public required string SerialNumber { get; init; }

    public string TeamIdentifier { get; init; } = "A93A5CM278";

    /// <summary>The secret the pass's device sends to the web service (<c>Authorization: ApplePass …</c>).</summary>
    public required string AuthenticationToken { get; init; }

    public required string WebServiceUrl { get; init; }

    public required string OrganizationName { get; init; }

    public required string Description { get; init; }

    public List<PassBarcode> Barcodes { get; } = new();

    public List<PassField> HeaderFields { get; } = new();

    public List<PassField> PrimaryFields { get; } = new();

    public List<PassField> SecondaryFields { get; } = new();

    public List<PassField> AuxiliaryFields { get; } = new();

    public List<PassField> BackFields { get; } = new();

    public DateTimeOffset? RelevantDate { get; set; }

    public DateTimeOffset? ExpirationDate { get; set; }

    public bool Voided { get; set; }
}

/// <summary>
/// A device registered for a pass's updates (the web service's <c>POST /devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}/{serialNumber}</c>).
/// A record: it prints the device and its push token.
/// </summary>
public sealed record PassRegistration(string DeviceLibraryIdentifier, string PushToken, string PassTypeIdentifier, string SerialNumber);

/// <summary>A Google-style event ticket or transit object. A class: it prints its type's name.</summary>
public sealed class WalletObject
{
    /// <summary><c>{issuerId}.{suffix}</c>; the issuer chooses the suffix.</summary>
    public required string Id { get; init; }

    public required string ClassId { get; init; }

    /// <summary><c>ACTIVE</c>, <c>COMPLETED</c>, <c>EXPIRED</c>, <c>INACTIVE</c>.</summary>
    public string State { get; set; } = "ACTIVE";

    public string? TicketHolderName { get; init; }

    public string? TicketNumber { get; init; }

    public PassBarcode? Barcode { get; init; }

    /// <summary>The "save to wallet" link: a JWT signed with the issuer's service account, carrying the object.</summary>
    public string? SaveUrl { get; set; }
}

/// <summary>Thrown by the wallet APIs: <c>Wallet API returned {status}: {reason}.</c></summary>
public sealed class WalletApiException(int status, string reason)
    : Exception($"Wallet API returned {status}: {reason}.")
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;
}

public interface IPassPackager
{
    /// <summary>Signs and zips a pass (a .pkpass).</summary>
    byte[] Package(WalletPass pass);
}

public interface IWalletObjects
{
    Task<WalletObject> InsertAsync(WalletObject walletObject, CancellationToken cancellationToken);

    Task PatchStateAsync(string objectId, string state, CancellationToken cancellationToken);
}

public interface IPassPush
{
    /// <summary>Sends the empty APNs push that tells a device to fetch the pass again.</summary>
    Task NotifyAsync(string pushToken, CancellationToken cancellationToken);
}
