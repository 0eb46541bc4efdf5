namespace Kerbside.Tolls;

// Toll and congestion charge accounts.

/// <summary>A toll account. Prints account number, holder name, email, plate and tag id.</summary>
public sealed record TollAccount(string AccountNumber, string HolderName, string Email, string Vrm, string TagId, decimal Balance);

/// <summary>A charge for one trip: trip id, gantry, vehicle class, amount; names no one.</summary>
public sealed record TollCharge(string TripId, string GantryId, string VehicleClass, decimal Amount);

public interface ITollAccounts
{
    Task<TollAccount?> FindByPlateAsync(string vrm, CancellationToken cancellationToken = default);

    Task<TollAccount?> FindByTagAsync(string tagId, CancellationToken cancellationToken = default);

    Task DebitAsync(string accountNumber, TollCharge charge, CancellationToken cancellationToken = default);
}

/// <summary>The account is suspended; quotes the account number.</summary>
public sealed class AccountSuspendedException(string accountNumber) : Exception($"Toll account {accountNumber} is suspended");

/// <summary>The tolling back office timed out; a fixed text.</summary>
public sealed class TollBackOfficeTimeoutException() : Exception("Toll back office timed out");
