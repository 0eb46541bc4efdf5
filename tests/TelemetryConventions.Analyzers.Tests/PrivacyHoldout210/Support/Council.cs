namespace PrivacyHoldout210.Support;

// The council's revenues and waste platform: records, systems of record and exceptions. None of this is telemetry.

/// <summary>A resident as the customer record holds them.</summary>
public sealed record Resident(string ResidentId, string FullName, string Email, string Mobile, string AddressLine, string Postcode, string Uprn);

/// <summary>A council tax account: its number, the liable person and the home it is for.</summary>
public sealed record CouncilTaxAccount(string AccountNumber, string LiablePerson, string Uprn, string Band, decimal Balance, bool SinglePersonDiscount, string? Email);

/// <summary>A single person discount review sent to one account holder.</summary>
public sealed record DiscountReview(string ReviewId, string AccountNumber, string HolderName, string HolderEmail, int OtherAdultsDeclared, string Outcome, string? Declaration);

/// <summary>A bulky waste collection booked at a home address.</summary>
public sealed record BulkyCollection(string BookingId, string ResidentName, string AddressLine, string Postcode, string Mobile, IReadOnlyList<string> Items, DateOnly CollectionDate, string RoundId);

/// <summary>A missed bin reported by a resident.</summary>
public sealed record MissedBinReport(string ReportId, string Uprn, string AddressLine, string BinType, string RoundId, string? Comment);

/// <summary>A debt passed to enforcement agents.</summary>
public sealed record EnforcementCase(string CaseReference, string AccountNumber, string DebtorName, string DebtorAddress, string AgentName, string AgentBadge, decimal Amount, string Stage);

/// <summary>A collection slot on a round: no person in it.</summary>
public sealed record CollectionSlot(string SlotId, string RoundId, DateOnly Date, int Capacity, int Booked);

/// <summary>A round's day: no person in it.</summary>
public sealed record RoundSummary(string RoundId, string Depot, int Collected, int Missed, int Returned);

/// <summary>A campaign's figures for one band: no person in it.</summary>
public sealed record DiscountSummary(string Band, int Reviewed, int Removed, int NoReply);

/// <summary>A debtor's profile as the enforcement screen shows it. A class without ToString.</summary>
public sealed class DebtorProfile
{
    public required string AccountNumber { get; init; }

    public required string DebtorName { get; init; }

    public required string Mobile { get; init; }

    public bool Vulnerable { get; init; }
}

public interface ICouncilTaxStore
{
    Task<CouncilTaxAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken);

    Task<CouncilTaxAccount?> FindByUprnAsync(string uprn, CancellationToken cancellationToken);

    Task SaveReviewAsync(DiscountReview review, CancellationToken cancellationToken);

    Task<IReadOnlyList<DiscountReview>> ReviewsDueAsync(string campaign, CancellationToken cancellationToken);

    Task ApplyDiscountAsync(string accountNumber, string discount, CancellationToken cancellationToken);
}

public interface IWasteBookingStore
{
    Task<CollectionSlot?> NextSlotAsync(string postcode, CancellationToken cancellationToken);

    Task<BulkyCollection> BookAsync(string residentId, string addressLine, string postcode, string mobile, IReadOnlyList<string> items, CollectionSlot slot, CancellationToken cancellationToken);

    Task<MissedBinReport> ReportMissedAsync(string uprn, string binType, string? comment, CancellationToken cancellationToken);

    Task<RoundSummary> RoundAsync(string roundId, DateOnly date, CancellationToken cancellationToken);
}

public interface IEnforcementGateway
{
    Task<EnforcementCase> Refer(string accountNumber, decimal amount, CancellationToken cancellationToken);

    Task<DebtorProfile> ProfileAsync(string accountNumber, CancellationToken cancellationToken);

    Task RecallAsync(string caseReference, string reason, CancellationToken cancellationToken);
}

public interface IResidentDirectory
{
    Task<Resident?> FindAsync(string residentId, CancellationToken cancellationToken);

    Task<Resident?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>No account with that number: the message quotes it.</summary>
public sealed class AccountNotFoundException(string accountNumber)
    : Exception($"No council tax account {accountNumber}")
{
    public string AccountNumber { get; } = accountNumber;
}

/// <summary>The address is not on a round: the message quotes the UPRN and the address line.</summary>
public sealed class AddressNotServedException(string uprn, string addressLine)
    : Exception($"UPRN {uprn} ({addressLine}) is not on any collection round");

/// <summary>A debtor refused the agent entry: the message names the debtor.</summary>
public sealed class AgentVisitRefusedException(string debtorName, string caseReference)
    : Exception($"Entry refused by {debtorName} on case {caseReference}");

/// <summary>The round is full on that day: the message quotes the round and the date.</summary>
public sealed class RoundFullException(string roundId, DateOnly date)
    : Exception($"Round {roundId} has no bulky slots left on {date:yyyy-MM-dd}");

/// <summary>The valuation office's banding service failed: the message quotes a status code.</summary>
public sealed class BandingServiceUnavailableException(int status)
    : Exception($"Banding service returned {status}");

/// <summary>An unknown slot: the message quotes the slot id.</summary>
public sealed class SlotNotFoundException(string slotId)
    : Exception($"Slot {slotId} not found");
