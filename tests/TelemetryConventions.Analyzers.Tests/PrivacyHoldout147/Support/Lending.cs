namespace Bank.Lending;

// Buy-now-pay-later at a retailer's checkout. Records print their members.

/// <summary>A BNPL application. Prints application id, customer number, email, retailer, order number, basket total and instalments.</summary>
public sealed record BnplApplication(string ApplicationId, string CustomerNumber, string Email, string Retailer, string OrderNumber, decimal BasketTotal, int Instalments);

/// <summary>The affordability decision. Prints decision id, outcome, credit search id, score band and reason codes.</summary>
public sealed record AffordabilityDecision(string DecisionId, string Outcome, string CreditSearchId, string ScoreBand, IReadOnlyList<string> ReasonCodes);

/// <summary>An instalment. Prints agreement id, number, amount, due date and status.</summary>
public sealed record Instalment(string AgreementId, int Number, decimal Amount, DateOnly DueOn, string Status);

public interface ICreditBureau
{
    Task<AffordabilityDecision> AssessAsync(BnplApplication application, CancellationToken cancellationToken = default);
}

/// <summary>The customer already has too many agreements; quotes the customer number and the count.</summary>
public sealed class AgreementLimitException(string customerNumber, int open) : Exception($"Customer {customerNumber} already has {open} open agreements");

/// <summary>The retailer is not enrolled; quotes the retailer id.</summary>
public sealed class RetailerNotEnrolledException(string retailerId) : Exception($"Retailer {retailerId} does not offer pay later");
