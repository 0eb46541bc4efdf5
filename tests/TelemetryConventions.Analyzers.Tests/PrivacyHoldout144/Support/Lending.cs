namespace CultureHub.Lending;

// Circulation and e-book lending as the library management system exposes them. Records print their members.

/// <summary>A copy in the catalogue. Prints barcode, title id, title, format, shelf mark and branch.</summary>
public sealed record CatalogueItem(string ItemBarcode, string TitleId, string Title, string Format, string ShelfMark, string Branch);

/// <summary>A loan. Prints loan id, the borrower's card number, item barcode, title id, due date and renewals.</summary>
public sealed record Loan(string LoanId, string CardNumber, string ItemBarcode, string TitleId, DateOnly DueOn, int Renewals);

/// <summary>What the desk prints on the slip. Prints loan id, item barcode, due date and renewals left.</summary>
public sealed record LoanReceipt(string LoanId, string ItemBarcode, DateOnly DueOn, int RenewalsLeft);

/// <summary>A hold on a title. Prints hold id, the borrower's card number, title id, pickup branch, queue position and when placed.</summary>
public sealed record Hold(string HoldId, string CardNumber, string TitleId, string PickupBranch, int QueuePosition, DateTimeOffset PlacedAt);

/// <summary>A hold waiting on the shelf. Prints hold id, title id, pickup branch and the collect-by date.</summary>
public sealed record HoldReady(string HoldId, string TitleId, string PickupBranch, DateOnly CollectBy);

/// <summary>An overdue loan. Prints loan id, the borrower's card number, title id, days overdue and the fine so far.</summary>
public sealed record OverdueLoan(string LoanId, string CardNumber, string TitleId, int DaysOverdue, decimal FineSoFar);

/// <summary>A fine. Prints fine id, loan id, amount and days overdue.</summary>
public sealed record FineAssessment(string FineId, string LoanId, decimal Amount, int DaysOverdue);

/// <summary>An e-book loan. Prints loan id, the borrower's card number, title id, platform and expiry.</summary>
public sealed record EbookLoan(string LoanId, string CardNumber, string TitleId, string Platform, DateTimeOffset ExpiresAt);

/// <summary>The library's licence for an e-book. Prints licence id, title id, copies owned, checkouts left and expiry.</summary>
public sealed record EbookLicence(string LicenceId, string TitleId, int CopiesOwned, int CheckoutsLeft, DateOnly ExpiresOn);

public interface ILendingService
{
    Task<LoanReceipt> CheckOutAsync(string cardNumber, string itemBarcode, CancellationToken cancellationToken = default);

    Task<LoanReceipt> RenewAsync(string loanId, CancellationToken cancellationToken = default);

    Task<Loan?> ReturnAsync(string itemBarcode, CancellationToken cancellationToken = default);

    Task<Hold> PlaceHoldAsync(string cardNumber, string titleId, string pickupBranch, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Hold>> HoldQueueAsync(string titleId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OverdueLoan>> OverdueAsync(string branch, DateOnly asAt, CancellationToken cancellationToken = default);

    Task<FineAssessment> AssessFineAsync(string loanId, CancellationToken cancellationToken = default);

    Task<CatalogueItem?> ItemAsync(string itemBarcode, CancellationToken cancellationToken = default);
}

/// <summary>The e-book platform the library licenses titles from.</summary>
public interface IEbookPlatform
{
    Task<EbookLoan> CheckoutAsync(string cardNumber, string titleId, CancellationToken cancellationToken = default);

    Task<EbookLicence> LicenceAsync(string titleId, CancellationToken cancellationToken = default);
}

/// <summary>The copy is already on loan; quotes the item barcode.</summary>
public sealed class ItemAlreadyOnLoanException(string itemBarcode) : Exception($"Item {itemBarcode} is already on loan")
{
    public string ItemBarcode { get; } = itemBarcode;
}

/// <summary>The borrower has as many loans as allowed; quotes the counts.</summary>
public sealed class LoanLimitReachedException(int current, int max) : Exception($"Loan limit reached: {current} of {max}");

/// <summary>Fines block borrowing; quotes the card number and the amount.</summary>
public sealed class FinesOutstandingException(string cardNumber, decimal amount) : Exception($"Card {cardNumber} owes {amount:0.00} in fines")
{
    public decimal Amount { get; } = amount;
}

/// <summary>No checkout is left on the licence; quotes the title and when a copy frees up.</summary>
public sealed class EbookLicenceExhaustedException(string titleId, DateOnly nextFree) : Exception($"No copy of {titleId} free before {nextFree:yyyy-MM-dd}")
{
    public string TitleId { get; } = titleId;
}
