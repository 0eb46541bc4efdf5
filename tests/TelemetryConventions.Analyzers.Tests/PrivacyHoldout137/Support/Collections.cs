namespace UtilityKit.Collections;

/// <summary>An agreed repayment plan on an account in arrears.</summary>
public sealed record PaymentPlan(string PlanId, string AccountNumber, decimal Arrears, decimal InstalmentAmount, string Frequency, DateOnly FirstPaymentDate);

/// <summary>An account's arrears position: amounts, days and a band.</summary>
public sealed record ArrearsSummary(decimal Balance, int DaysInArrears, string Band, int MissedPayments);

/// <summary>An income and expenditure assessment (Standard Financial Statement), totals only.</summary>
public sealed record AffordabilityAssessment(decimal MonthlyIncome, decimal MonthlyOutgoings, decimal Surplus, int Dependants);

/// <summary>Thrown when a plan is broken; quotes the account number and the missed date.</summary>
public sealed class PlanBrokenException(string accountNumber, DateOnly missed)
    : Exception($"Payment plan for account {accountNumber} broken: instalment due {missed:yyyy-MM-dd} not paid")
{
    public string AccountNumber { get; } = accountNumber;
}

/// <summary>Thrown when an instalment is below the supplier's minimum; quotes amounts only.</summary>
public sealed class InstalmentTooLowException(decimal proposed, decimal minimum)
    : Exception($"Proposed instalment {proposed:0.00} is below the minimum {minimum:0.00}");

/// <summary>The billing system's collections API: not telemetry.</summary>
public interface ICollectionsClient
{
    Task<ArrearsSummary> ArrearsAsync(string accountNumber, CancellationToken cancellationToken);

    Task<PaymentPlan> CreatePlanAsync(string accountNumber, decimal instalment, string frequency, CancellationToken cancellationToken);
}
