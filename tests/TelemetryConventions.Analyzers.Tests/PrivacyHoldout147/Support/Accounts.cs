namespace Bank.Accounts;

// Current accounts, savings pots and overdrafts. Records print their members.

/// <summary>A current account. Prints account number, sort code, IBAN, holder's name, customer number, product and balance.</summary>
public sealed record CurrentAccount(string AccountNumber, string SortCode, string Iban, string HolderName, string CustomerNumber, string ProductCode, decimal Balance);

/// <summary>An account opening. Prints application id, customer number, product, channel and the opening decision.</summary>
public sealed record AccountOpening(string ApplicationId, string CustomerNumber, string ProductCode, string Channel, string Decision);

/// <summary>A product. Prints code, name, monthly fee, overdraft limit and interest rate.</summary>
public sealed record AccountProduct(string ProductCode, string Name, decimal MonthlyFee, decimal OverdraftLimit, decimal InterestRate);

/// <summary>An overdraft review. Prints review id, account number, current and proposed limit, the decision and the reason code.</summary>
public sealed record OverdraftReview(string ReviewId, string AccountNumber, decimal CurrentLimit, decimal ProposedLimit, string Decision, string ReasonCode);

/// <summary>The outcome of a review batch. Prints batch id, reviewed, lowered, raised and held.</summary>
public sealed record OverdraftBatchSummary(string BatchId, int Reviewed, int Lowered, int Raised, int Held);

public interface IAccountLedger
{
    Task<CurrentAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<AccountProduct> ProductAsync(string productCode, CancellationToken cancellationToken = default);

    Task FreezeAsync(string accountNumber, string reasonCode, CancellationToken cancellationToken = default);

    Task<string> OpenAsync(string customerNumber, string productCode, CancellationToken cancellationToken = default);
}

/// <summary>The account is frozen; quotes the account number.</summary>
public sealed class AccountFrozenException(string accountNumber) : Exception($"Account {accountNumber} is frozen");

/// <summary>Not enough funds; quotes the shortfall.</summary>
public sealed class InsufficientFundsException(decimal shortfall) : Exception($"Insufficient funds: short by {shortfall:0.00}")
{
    public decimal Shortfall { get; } = shortfall;
}

/// <summary>The product is closed to new customers; quotes the product code.</summary>
public sealed class ProductClosedException(string productCode) : Exception($"Product {productCode} is closed to new applications");
