namespace Arrears.Collections;

/// <summary>A customer in arrears as the collections system holds them.</summary>
public sealed record DebtorAccount(string AccountNumber, string FullName, string Email, string Mobile, decimal Balance, int DaysInArrears, string Stage);

/// <summary>A collection agent's note of a call: case, agent's staff id and name, the note as typed.</summary>
public sealed record CallNote(string CaseId, string AgentStaffId, string AgentName, string Text, DateOnly CalledOn);

/// <summary>A promise to pay taken on a call: case, account number, amount, due date.</summary>
public sealed record PromiseToPay(string CaseId, string AccountNumber, decimal Amount, DateOnly DueOn);

/// <summary>A repayment plan: plan id, account number, instalment, frequency, number of instalments.</summary>
public sealed record PaymentPlan(string PlanId, string AccountNumber, decimal Instalment, string Frequency, int Instalments);

/// <summary>A plan without the account: what the plan is, not whose.</summary>
public sealed record PlanSummary(string PlanId, decimal Instalment, string Frequency, int Instalments);

/// <summary>An income and expenditure assessment's totals (the standard financial statement), without the customer.</summary>
public sealed record IncomeExpenditure(decimal MonthlyIncome, decimal MonthlyOutgoings, int Dependants)
{
    public decimal Disposable => MonthlyIncome - MonthlyOutgoings;
}

/// <summary>A vulnerability flag as the collections system stores it: a category from a fixed list and a review period.</summary>
public sealed record VulnerabilityFlag(string Category, int ReviewDays, bool PauseCollections);

/// <summary>What a customer disclosed about their circumstances: account number, category, the agent's note of it.</summary>
public sealed record VulnerabilityDisclosure(string AccountNumber, string Category, string Note);

/// <summary>A county court money claim against a customer: claim number, defendant's name and address, amount, court.</summary>
public sealed record CourtClaim(string ClaimNumber, string DefendantName, string DefendantAddress, decimal Amount, string Court);

/// <summary>The court's acknowledgement of an issued claim: claim number, court, amount. Names no one.</summary>
public sealed record ClaimIssued(string ClaimNumber, string Court, decimal Amount, DateOnly IssuedOn);

/// <summary>A debt written off: write-off id, account number, amount, reason code.</summary>
public sealed record WriteOff(string WriteOffId, string AccountNumber, decimal Amount, string ReasonCode);

/// <summary>One account in a file sent to a debt purchaser: account number, name, last known address, balance.</summary>
public sealed record DebtSaleRow(string AccountNumber, string FullName, string LastKnownAddress, decimal Balance);

/// <summary>A batch of accounts sold to a debt purchaser: batch id, purchaser, number of accounts, face value.</summary>
public sealed record DebtSaleBatch(string BatchId, string Purchaser, int Accounts, decimal FaceValue);

/// <summary>A collection agent as the directory returns them. A class without ToString.</summary>
public sealed class CollectionAgent
{
    public required string StaffId { get; init; }

    public required string Name { get; init; }

    public required string Team { get; init; }
}

public interface IDebtorStore
{
    Task<DebtorAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken);

    Task SavePromiseAsync(PromiseToPay promise, CancellationToken cancellationToken);

    Task SavePlanAsync(PaymentPlan plan, CancellationToken cancellationToken);

    Task<IReadOnlyList<DebtorAccount>> InStageAsync(string stage, CancellationToken cancellationToken);
}

public interface IAgentDirectory
{
    Task<CollectionAgent> CurrentAsync(string staffId, CancellationToken cancellationToken);
}

/// <summary>A sink that is not telemetry: the purchaser's SFTP drop.</summary>
public interface IPurchaserDrop
{
    Task UploadAsync(string batchId, IReadOnlyList<DebtSaleRow> rows, CancellationToken cancellationToken);
}

/// <summary>No such debtor; quotes the account number.</summary>
public sealed class DebtorNotFoundException(string accountNumber) : Exception($"No debtor with account {accountNumber}");

/// <summary>The account is in a statutory breathing space; quotes the account number.</summary>
public sealed class BreathingSpaceException(string accountNumber) : Exception($"Account {accountNumber} is in a breathing space; collection is paused");

/// <summary>The instalment is more than the assessed disposable income; quotes amounts.</summary>
public sealed class PlanUnaffordableException(decimal disposable, decimal instalment) : Exception($"Instalment {instalment} exceeds disposable income {disposable}");

/// <summary>The purchaser rejected a batch; quotes the batch and a reason code.</summary>
public sealed class PurchaserRejectedException(string batchId, string reasonCode) : Exception($"Batch {batchId} rejected: {reasonCode}")
{
    public string BatchId { get; } = batchId;
}

/// <summary>A promise was broken; quotes the case and the days overdue.</summary>
public sealed class PromiseBrokenException(string caseId, int daysOverdue) : Exception($"Promise on case {caseId} broken, {daysOverdue} days overdue");

/// <summary>A claim already exists against this defendant; quotes the defendant's name.</summary>
public sealed class DuplicateClaimException(string defendantName) : Exception($"A claim against {defendantName} is already open");
