namespace PrivacyHoldout184.Support;

/// <summary>An item handed in: item id, category, where it was found, the finder's description, the name written on the item (if any), when.</summary>
public sealed record FoundItem(string ItemId, string Category, string FoundAt, string Description, string? NameOnItem, DateTime FoundOn);

/// <summary>A found item without its description or any name: item id, category, station or desk, day found.</summary>
public sealed record FoundItemSummary(string ItemId, string Category, string Desk, DateOnly FoundOn);

/// <summary>An owner's claim on a found item: claim id, item id, owner's name, email, phone, and the proof of ownership as they describe it.</summary>
public sealed record OwnerClaim(string ClaimId, string ItemId, string OwnerName, string OwnerEmail, string OwnerPhone, string ProofDescription);

/// <summary>A courier return of an item to its owner: return id, item id, recipient's name, delivery address, postcode, courier, tracking number.</summary>
public sealed record CourierReturn(string ReturnId, string ItemId, string RecipientName, string DeliveryAddress, string Postcode, string Courier, string TrackingNumber);

/// <summary>A courier return without the recipient: return id, courier, service level, fee.</summary>
public sealed record CourierReturnSummary(string ReturnId, string Courier, string Service, decimal Fee);

/// <summary>An IMEI check as sent to the blocking list: check id, the IMEI, the network.</summary>
public sealed record ImeiCheck(string CheckId, string Imei, string Network);

/// <summary>An IMEI check's result: check id, outcome code, whether the handset is blocked, the network; names no handset.</summary>
public sealed record ImeiCheckResult(string CheckId, string Outcome, bool Blocked, string Network);

/// <summary>A loss or theft claim on handset insurance: claim number, policy number, claimant id, name, email, the IMEI, crime reference, circumstances as told, excess.</summary>
public sealed record TheftClaim(string ClaimNumber, string PolicyNumber, string ClaimantId, string ClaimantName, string ClaimantEmail, string Imei, string CrimeReference, string Circumstances, decimal Excess);

/// <summary>A claim decision: claim number, outcome, excess, the handling team; names no one.</summary>
public sealed record ClaimDecision(string ClaimNumber, string Outcome, decimal Excess, string HandlerTeam);

/// <summary>A claim handler: staff number, name, email.</summary>
public sealed record ClaimHandler(string StaffNumber, string Name, string Email);

/// <summary>A request to block a handset on the networks: request id, the IMEI, network, reason code.</summary>
public sealed record BlockRequest(string RequestId, string Imei, string Network, string ReasonCode);

/// <summary>A device finder's last known position: device id, owner id, latitude, longitude, when seen.</summary>
public sealed record DeviceLocation(string DeviceId, string OwnerId, double Latitude, double Longitude, DateTime SeenAt);

/// <summary>An owner as the self-service portal holds them (a class, no ToString).</summary>
public sealed class OwnerProfile
{
    public required string OwnerId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public int ItemsReturned { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The found-item register (the office's record of items and owners), not telemetry.</summary>
public interface IFoundItemRegister
{
    Task<FoundItem?> FindAsync(string itemId, CancellationToken cancellationToken = default);

    Task LogAsync(FoundItem item, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FoundItem>> MatchAsync(string description, CancellationToken cancellationToken = default);
}

/// <summary>The claims ledger of the insurer, not telemetry.</summary>
public interface IClaimsLedger
{
    Task<TheftClaim?> FindAsync(string claimNumber, CancellationToken cancellationToken = default);

    Task<ClaimHandler> AssignAsync(string claimNumber, CancellationToken cancellationToken = default);

    Task RecordAsync(ClaimDecision decision, CancellationToken cancellationToken = default);
}

/// <summary>The shared blocking list (the networks' IMEI and serial block register), not telemetry.</summary>
public interface IBlockingList
{
    Task<ImeiCheckResult> CheckAsync(ImeiCheck check, CancellationToken cancellationToken = default);

    Task BlockAsync(BlockRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The courier's booking API, not telemetry.</summary>
public interface ICourierBooking
{
    Task<string> BookAsync(CourierReturn courierReturn, CancellationToken cancellationToken = default);
}

/// <summary>No such owner; quotes the owner's id.</summary>
public sealed class OwnerNotFoundException(string ownerId) : Exception($"Owner {ownerId} is not registered");

/// <summary>A handset already on the blocking list; quotes the IMEI.</summary>
public sealed class ImeiBlockedException(string imei) : Exception($"Handset {imei} is on the blocking list");

/// <summary>A claimant whose identity could not be confirmed; quotes the claimant's name.</summary>
public sealed class ClaimantNotVerifiedException(string claimantName) : Exception($"Could not verify {claimantName}");

/// <summary>A device serial found on the blocking list; quotes the serial.</summary>
public sealed class SerialOnBlockingListException(string serial) : Exception($"Serial {serial} is reported stolen");

/// <summary>No courier could collect; quotes the courier and the depot.</summary>
public sealed class CourierUnavailableException(string courier, string depot) : Exception($"{courier} has no collection slot at {depot}");

/// <summary>No such found item; quotes the item id.</summary>
public sealed class ItemNotFoundException(string itemId) : Exception($"Item {itemId} is not in the register");

/// <summary>The blocking list did not answer; quotes the provider and the status code.</summary>
public sealed class BlockingListUnavailableException(string provider, int statusCode) : Exception($"Blocking list {provider} answered {statusCode}");

/// <summary>A claim over the policy's limit; quotes the claim number and the amount.</summary>
public sealed class ClaimLimitExceededException(string claimNumber, decimal amount) : Exception($"Claim {claimNumber} of {amount} exceeds the limit");
