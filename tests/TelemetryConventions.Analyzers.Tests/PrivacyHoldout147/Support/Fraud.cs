namespace Bank.Fraud;

// Fraud calls, scam checks and mule accounts. Records print their members.

/// <summary>A fraud call. Prints case id, customer number, the number the customer called from, the agent's staff id, scam type and the agent's notes.</summary>
public sealed record FraudCall(string CaseId, string CustomerNumber, string CallerNumber, string AgentStaffId, string ScamType, string Notes);

/// <summary>The fraud engine's score. Prints score id, score, band and the rules that fired.</summary>
public sealed record FraudScore(string ScoreId, int Score, string Band, IReadOnlyList<string> Rules);

public interface IFraudEngine
{
    Task<FraudScore> ScoreAsync(string accountNumber, string payeeAccountNumber, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>A receiving account looks like a mule; quotes the account number.</summary>
public sealed class SuspectedMuleAccountException(string accountNumber) : Exception($"Account {accountNumber} is flagged as a suspected mule");

/// <summary>The fraud engine refused to score; quotes its model version.</summary>
public sealed class FraudModelUnavailableException(string modelVersion) : Exception($"Fraud model {modelVersion} is not loaded");
