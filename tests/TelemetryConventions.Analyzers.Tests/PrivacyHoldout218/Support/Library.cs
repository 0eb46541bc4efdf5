namespace PrivacyHoldout218.Support;

/// <summary>A library member (borrower). The card number is the member's library card barcode.</summary>
public sealed record Member(string CardNumber, string FullName, string Email, string Phone, string HomeAddress, DateOnly DateOfBirth, string HomeBranch);

/// <summary>A loan of a physical or digital item.</summary>
public sealed record Loan(string LoanId, string CardNumber, string Isbn, string Title, string Format, DateTime DueAt);

/// <summary>A loan as the catalogue reports it, without the borrower.</summary>
public sealed record LoanSummary(string LoanId, string Isbn, string Format, DateTime DueAt, int Renewals);

/// <summary>A hold (reservation) on a title.</summary>
public sealed record Hold(string HoldId, string CardNumber, string Isbn, int QueuePosition, string PickupBranch);

/// <summary>A public computer booking.</summary>
public sealed record PcBooking(string BookingId, string PcId, string CardNumber, int Minutes, string Branch);

/// <summary>A print job sent from a public computer or from a member's own device.</summary>
public sealed record PrintJob(string JobId, string CardNumber, string DocumentName, int Pages, bool Colour, decimal Cost);

/// <summary>A home library service visit to a housebound member.</summary>
public sealed record HomeVisit(string VisitId, string CardNumber, string Address, string VolunteerName, DateTime ScheduledAt, int ItemsDelivered);

/// <summary>A child's entry in the summer reading challenge.</summary>
public sealed record ChallengeEntry(string EntryId, string ChildCardNumber, string ChildFirstName, string SchoolName, string ParentEmail, int BooksRead);

/// <summary>One line of a member's reading history.</summary>
public sealed record ReadingHistoryLine(string CardNumber, string Isbn, string Title, DateOnly ReturnedOn);

/// <summary>A branch's daily figures, nobody in them.</summary>
public sealed record BranchDay(string Branch, DateOnly Day, int Loans, int Holds, int PcSessions, int PagesPrinted);

/// <summary>The library management system (system of record, not telemetry).</summary>
public interface ILibraryStore
{
    Task<Member?> FindMemberAsync(string cardNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<Loan>> LoansAsync(string cardNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReadingHistoryLine>> HistoryAsync(string cardNumber, CancellationToken cancellationToken);

    Task<Hold> PlaceHoldAsync(string cardNumber, string isbn, string pickupBranch, CancellationToken cancellationToken);

    Task<LoanSummary> RenewAsync(string loanId, CancellationToken cancellationToken);

    Task SaveVisitAsync(HomeVisit visit, CancellationToken cancellationToken);

    Task SaveEntryAsync(ChallengeEntry entry, CancellationToken cancellationToken);
}

/// <summary>The e-book lending platform (an aggregator such as a digital lending vendor).</summary>
public interface IEbookPlatform
{
    Task<string> CheckoutAsync(string cardNumber, string isbn, CancellationToken cancellationToken);

    Task<int> WaitlistLengthAsync(string isbn, CancellationToken cancellationToken);
}

/// <summary>The print release and PC booking system.</summary>
public interface IPrintAndPcSystem
{
    Task<PcBooking> BookAsync(string cardNumber, string branch, int minutes, CancellationToken cancellationToken);

    Task<PrintJob> ReleaseAsync(string jobId, CancellationToken cancellationToken);

    Task<decimal> BalanceAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>The member was not found; the message quotes the card number.</summary>
public sealed class MemberNotFoundException(string cardNumber) : Exception($"No member with card {cardNumber}")
{
    public string CardNumber { get; } = cardNumber;
}

/// <summary>The member is blocked; the message quotes the member's email.</summary>
public sealed class MemberBlockedException(string email) : Exception($"Member {email} is blocked for unpaid charges");

/// <summary>The print balance is too low; the message quotes the card number and the balance.</summary>
public sealed class PrintBalanceException(string cardNumber, decimal balance) : Exception($"Card {cardNumber} has only {balance:C} print credit");

/// <summary>The hold limit was reached; the message quotes the limit only.</summary>
public sealed class HoldLimitException(int limit) : Exception($"Hold limit of {limit} reached");

/// <summary>A loan was not found; the message quotes the loan id.</summary>
public sealed class LoanNotFoundException(string loanId) : Exception($"Loan {loanId} not found");

/// <summary>The lending platform is down; the message quotes the vendor and status code.</summary>
public sealed class PlatformUnavailableException(string vendor, int statusCode) : Exception($"{vendor} returned {statusCode}");
