namespace AccessKit.Loans;

/// <summary>Equipment the organisation owns and lends (a wheelchair, a scooter, a hearing loop receiver, an adaptive controller). Prints its members.</summary>
public sealed record LoanItem(string AssetTag, string Kind, string Site, bool Available);

/// <summary>A loan of an item to a person: the loan id, the item's asset tag, the borrower's reference and their mobile. Prints its members.</summary>
public sealed record EquipmentLoan(string LoanId, string AssetTag, string BorrowerRef, string BorrowerMobile, DateTimeOffset Due);

/// <summary>The loans register; not telemetry.</summary>
public interface ILoanRegister
{
    Task<LoanItem?> FindFreeAsync(string kind, string site, CancellationToken cancellationToken = default);

    Task<EquipmentLoan> LendAsync(string assetTag, string borrowerRef, string borrowerMobile, CancellationToken cancellationToken = default);

    Task ReturnAsync(string loanId, CancellationToken cancellationToken = default);
}

/// <summary>The item is out on loan; quotes the asset tag and the due time.</summary>
public sealed class ItemOnLoanException(string assetTag, DateTimeOffset due)
    : Exception($"{assetTag} is on loan until {due:HH:mm}");

/// <summary>The borrower has an overdue item; quotes the borrower's reference.</summary>
public sealed class BorrowerBlockedException(string borrowerRef)
    : Exception($"Borrower {borrowerRef} has an overdue item")
{
    public string BorrowerRef { get; } = borrowerRef;
}
