namespace Lending.Arrears;

// Arrears and collections.

/// <summary>An account in arrears. Prints account number, customer name, days in arrears, balance and stage.</summary>
public sealed record ArrearsAccount(string AccountNumber, string CustomerName, int DaysInArrears, decimal Balance, string Stage);

/// <summary>A summary of arrears: stage, days in arrears and balance; names no one.</summary>
public sealed record ArrearsSummary(string Stage, int DaysInArrears, decimal Balance);

/// <summary>A promise to pay. Prints account number, amount, due date and the agent's notes.</summary>
public sealed record PromiseToPay(string AccountNumber, decimal Amount, DateOnly Due, string AgentNotes);

public interface IArrearsLedger
{
    Task<ArrearsAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArrearsAccount>> DueForReminderAsync(int days, CancellationToken cancellationToken = default);

    Task RecordPromiseAsync(PromiseToPay promise, CancellationToken cancellationToken = default);
}

/// <summary>The account is in arrears; quotes the account number.</summary>
public sealed class AccountInArrearsException(string accountNumber) : Exception($"Account {accountNumber} is in arrears");

/// <summary>Collections are paused for the account (breathing space); quotes the reason code only.</summary>
public sealed class CollectionPausedException(string reasonCode) : Exception($"Collections paused: {reasonCode}");
