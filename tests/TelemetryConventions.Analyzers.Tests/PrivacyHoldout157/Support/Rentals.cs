namespace Stays.Rentals;

// A short-stay rental platform: hosts, listings, smart locks and payouts.

/// <summary>A host (a private person letting a home). Prints host id, display name, email, mobile and payout IBAN.</summary>
public sealed record HostAccount(Guid HostId, string DisplayName, string Email, string Mobile, string PayoutIban);

/// <summary>A listing. Prints listing id, title, city, neighbourhood, street address and bedrooms.</summary>
public sealed record Listing(string ListingId, string Title, string City, string Neighbourhood, string StreetAddress, int Bedrooms);

/// <summary>A listing as search shows it. Prints listing id, city, bedrooms and nightly rate.</summary>
public sealed record ListingCard(string ListingId, string City, int Bedrooms, decimal NightlyRate);

/// <summary>A payout to a host. Prints host id, IBAN, amount and currency.</summary>
public sealed record HostPayout(Guid HostId, string Iban, decimal Amount, string Currency);

/// <summary>A smart lock code issued to one guest. Prints listing id, the PIN and its window.</summary>
public sealed record LockCode(string ListingId, string Pin, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);

/// <summary>A rental stay. Prints stay id, listing id, the guest's profile id and nights.</summary>
public sealed record RentalStay(string StayId, string ListingId, Guid GuestId, int Nights);

public interface IHostDirectory
{
    Task<HostAccount> GetAsync(Guid hostId, CancellationToken cancellationToken = default);

    Task<Listing> ListingAsync(string listingId, CancellationToken cancellationToken = default);
}

/// <summary>The bank rail; not telemetry.</summary>
public interface IPayoutRail
{
    Task<string> SendAsync(HostPayout payout, CancellationToken cancellationToken = default);
}

/// <summary>The smart lock vendor's cloud; not telemetry.</summary>
public interface ISmartLockCloud
{
    Task<LockCode> IssueAsync(string listingId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    Task<int> BatteryAsync(string listingId, CancellationToken cancellationToken = default);
}

/// <summary>A host is suspended; quotes the host id.</summary>
public sealed class HostSuspendedException(Guid hostId) : Exception($"Host {hostId} is suspended");

/// <summary>The bank refused a payout; quotes the IBAN.</summary>
public sealed class PayoutRejectedException(string iban, string code) : Exception($"Payout to {iban} rejected ({code})");

/// <summary>A lock does not answer; quotes the listing and the battery.</summary>
public sealed class LockOfflineException(string listingId, int battery) : Exception($"Lock at listing {listingId} offline (battery {battery} %)");
