namespace PrivacyHoldout141.Support;

// A retailer's click-and-collect couriers: self-employed couriers on e-bikes and scooters take orders
// from stores to customers' doors and to lockers, with a photo at handover, and are paid weekly.

/// <summary>A courier job. Prints the job, the order, the store, the customer's number, name and mobile, the drop address and position, the slot and the parcels.</summary>
public sealed record CourierJob(
    string JobId,
    string OrderId,
    string StoreId,
    string CustomerNumber,
    string CustomerName,
    string CustomerMobile,
    string DropAddress,
    GeoPoint DropPosition,
    string Slot,
    int Parcels);

/// <summary>The proof of a handover. Prints the job, the photo key, the courier's position at the door, the name signed and the time.</summary>
public sealed record ProofOfHandover(string JobId, string PhotoKey, GeoPoint CourierPosition, string? SignedName, DateTimeOffset At);

/// <summary>A store's courier board for a slot. Prints the store, the slot, the jobs waiting and the couriers online.</summary>
public sealed record CourierBoard(string StoreId, string Slot, int JobsWaiting, int CouriersOnline);

public interface ICourierNetworkClient
{
    Task<string?> OfferAsync(CourierJob job, CancellationToken cancellationToken = default);

    Task<CourierBoard> BoardAsync(string storeId, string slot, CancellationToken cancellationToken = default);

    Task CompleteAsync(string jobId, ProofOfHandover proof, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DriverPayout>> WeeklyPayoutsAsync(DateOnly weekEnding, CancellationToken cancellationToken = default);

    Task ReturnToStoreAsync(string jobId, string reasonCode, CancellationToken cancellationToken = default);
}

/// <summary>No locker is free at the bank; the message quotes the locker bank and the store.</summary>
public sealed class LockerUnavailableException(string lockerBank, string storeId) : Exception($"No free locker at {lockerBank} for store {storeId}")
{
    public string LockerBank { get; } = lockerBank;
}

/// <summary>The customer did not answer at the door; the message quotes the customer's mobile.</summary>
public sealed class CustomerUnreachableException(string customerMobile) : Exception($"Customer on {customerMobile} did not answer")
{
    public string ReasonCode { get; } = "no-answer";
}
