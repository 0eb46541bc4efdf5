namespace Wagering.Accounts;

// The operator's customer accounts, bets and payments.

/// <summary>A player's account. Prints account id, username, email, mobile, date of birth and postcode.</summary>
public sealed record PlayerAccount(Guid AccountId, string Username, string Email, string Mobile, DateOnly DateOfBirth, string Postcode);

/// <summary>A bet slip. Prints slip id, the account id, stake, market and sport.</summary>
public sealed record BetSlip(string SlipId, Guid AccountId, decimal Stake, string Market, string Sport);

/// <summary>Limits on an account. Prints the limits and the review date; names no one.</summary>
public sealed record DepositLimits(decimal Daily, decimal Weekly, decimal Monthly, DateOnly ReviewOn);

/// <summary>A deposit. Prints the deposit id, account id, amount, card's last four digits and method.</summary>
public sealed record Deposit(string DepositId, Guid AccountId, decimal Amount, string CardLastFour, string Method);

public interface IAccountStore
{
    Task<PlayerAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken = default);

    Task<PlayerAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<DepositLimits> LimitsAsync(Guid accountId, CancellationToken cancellationToken = default);

    Task CloseAsync(Guid accountId, string reasonCode, CancellationToken cancellationToken = default);
}

/// <summary>The payment service provider; not telemetry.</summary>
public interface IPaymentGateway
{
    Task<string> ChargeAsync(Deposit deposit, CancellationToken cancellationToken = default);
}

/// <summary>The messaging service; not telemetry.</summary>
public interface IPlayerMessenger
{
    Task SendAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No account; quotes the account id.</summary>
public sealed class AccountNotFoundException(Guid accountId) : Exception($"No account {accountId}");

/// <summary>A stake above the limit; quotes the limit only.</summary>
public sealed class StakeLimitException(decimal limit) : Exception($"Stake above the limit of {limit}")
{
    public decimal Limit { get; } = limit;
}

/// <summary>The provider declined; quotes the decline code only.</summary>
public sealed class PaymentDeclinedException(string declineCode) : Exception($"Payment declined ({declineCode})")
{
    public string DeclineCode { get; } = declineCode;
}
