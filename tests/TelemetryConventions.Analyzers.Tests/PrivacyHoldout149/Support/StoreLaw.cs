namespace Justice.Retail;

// A retailer's legal work: shop theft case files, criminal behaviour orders, civil recovery and
// court fines paid at the till.

/// <summary>A theft case file. Prints case ref, store, the offender's name and date of birth, the colleague's staff id, the CCTV clip, the value and the description.</summary>
public sealed record TheftCaseFile(string CaseRef, string StoreId, string OffenderName, DateOnly OffenderDob, string ColleagueStaffId, string CctvClipId, decimal ValueRecovered, string Description);

/// <summary>The police's answer. Prints case ref, crime reference, force and whether accepted.</summary>
public sealed record PoliceSubmission(string CaseRef, string CrimeReference, string Force, bool Accepted);

public interface IPolicePortal
{
    Task<PoliceSubmission> SubmitAsync(TheftCaseFile file, CancellationToken cancellationToken = default);
}

/// <summary>A criminal behaviour order. Prints order ref, the subject's name and photo id, court, excluded stores and expiry.</summary>
public sealed record BehaviourOrder(string OrderRef, string SubjectName, string SubjectPhotoId, string Court, string[] ExcludedStores, DateOnly ExpiresOn);

/// <summary>A subject was seen in an excluded store; quotes the subject's name and the store.</summary>
public sealed class OrderBreachException(string subjectName, string storeId) : Exception($"{subjectName} breached an order at {storeId}");

/// <summary>A fine account. Prints account number, the defendant's name, court and balance.</summary>
public sealed record FineAccount(string AccountNumber, string DefendantName, string Court, decimal Balance);

/// <summary>A payment taken at the till. Prints payment ref, account number, amount, store and till.</summary>
public sealed record FinePayment(string PaymentRef, string AccountNumber, decimal Amount, string StoreId, string Till);

public interface IFinesGateway
{
    Task<FineAccount?> LookupAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<string> PayAsync(FinePayment payment, CancellationToken cancellationToken = default);
}

/// <summary>The fine account is closed; quotes its number.</summary>
public sealed class FineAccountClosedException(string accountNumber) : Exception($"Fine account {accountNumber} is closed");

/// <summary>The till lost its connection; quotes store and till.</summary>
public sealed class TillOfflineException(string storeId, string till) : Exception($"Till {till} at {storeId} is offline");

/// <summary>A civil recovery demand. Prints demand id, the offender's name, email and address and the amount.</summary>
public sealed record CivilRecoveryDemand(string DemandId, string OffenderName, string OffenderEmail, string Address, decimal Amount);

public interface IRecoveryAgent
{
    Task<string> SendDemandAsync(CivilRecoveryDemand demand, CancellationToken cancellationToken = default);
}
