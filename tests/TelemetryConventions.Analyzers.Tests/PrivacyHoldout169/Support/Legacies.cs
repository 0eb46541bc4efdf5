namespace Fundraising.Legacies;

// Gifts in wills: notifications from executors, estates and their cases.

/// <summary>An executor. Prints executor id, name, email, phone and role.</summary>
public sealed record Executor(string ExecutorId, string Name, string Email, string Phone, string Role);

/// <summary>A legacy notification. Prints case id, the deceased's name, the executor, the estimated value and the legacy type.</summary>
public sealed record LegacyNotification(string CaseId, string DeceasedName, Executor Executor, decimal EstimatedValue, string LegacyType);

/// <summary>A case's progress: case id, stage, estimate and days open; names no one.</summary>
public sealed record LegacyCaseSummary(string CaseId, string Stage, decimal Estimated, int DaysOpen);

public interface ILegacyCaseStore
{
    Task<LegacyCaseSummary> OpenAsync(LegacyNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>Probate is not granted yet; quotes the case id only.</summary>
public sealed class ProbateNotGrantedException(string caseId) : Exception($"Probate not granted for case {caseId}");

/// <summary>The estate is disputed; quotes the deceased's name.</summary>
public sealed class EstateDisputeException(string deceasedName) : Exception($"Estate of {deceasedName} is contested");
