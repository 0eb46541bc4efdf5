namespace Lending.Affordability;

// Income, commitments and affordability.

/// <summary>What the engine is given. Prints customer number, gross income, commitments and dependants.</summary>
public sealed record AffordabilityInput(string CustomerNumber, decimal GrossIncome, decimal Commitments, int Dependants);

/// <summary>The engine's answer: outcome, disposable income, maximum loan and stress rate; names no one.</summary>
public sealed record AffordabilityResult(string Outcome, decimal DisposableIncome, decimal MaximumLoan, decimal StressRate);

public interface IAffordabilityEngine
{
    Task<AffordabilityResult> AssessAsync(AffordabilityInput input, CancellationToken cancellationToken = default);
}

/// <summary>Income could not be verified; quotes the customer number.</summary>
public sealed class IncomeVerificationException(string customerNumber) : Exception($"Income for {customerNumber} could not be verified with open banking");

/// <summary>The loan is not affordable; quotes the monthly shortfall only.</summary>
public sealed class AffordabilityShortfallException(decimal shortfall) : Exception($"Monthly shortfall of {shortfall:0.00} under stress");
