namespace PayKit.Connect;

// Connected accounts, transfers and payouts, in the shape of a marketplace payments API.

public sealed record Individual(string FirstName, string LastName, string? Email, string? Phone, DateOnly? Dob, string? IdNumberLast4);

public sealed record ExternalBankAccount(string Id, string? AccountHolderName, string BankName, string Country, string Last4, string? RoutingNumber, string? Iban);

public sealed record ConnectedAccount(
    string Id,
    string BusinessType,
    string? Email,
    string Country,
    bool PayoutsEnabled,
    Individual? Individual,
    string? CompanyName,
    ExternalBankAccount? DefaultBankAccount,
    IReadOnlyList<string> RequirementsCurrentlyDue);

public sealed record Transfer(string Id, long Amount, string Currency, string DestinationAccountId, string? TransferGroup, string? Description);

public sealed record Payout(
    string Id,
    long Amount,
    string Currency,
    DateTimeOffset ArrivalDate,
    string Status,
    string Method,
    string DestinationId,
    string? StatementDescriptor,
    string? FailureCode,
    string? FailureMessage);

/// <summary>"Payouts are not enabled for account acct_…" and the like: quotes the connected account.</summary>
public sealed class AccountRestrictedException(string accountId, IReadOnlyList<string> requirements)
    : Exception($"Payouts are not enabled for account {accountId}; requirements due: {string.Join(", ", requirements)}")
{
    public string AccountId { get; } = accountId;

    public IReadOnlyList<string> Requirements { get; } = requirements;
}

public interface IConnectClient
{
    Task<ConnectedAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    Task<Transfer> TransferAsync(long amount, string currency, string destinationAccountId, string? transferGroup, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    Task<Payout> PayoutAsync(long amount, string currency, RequestOptions requestOptions, CancellationToken cancellationToken = default);
}
