namespace RetentionKit;

// Retention schedules, sweeps and legal holds, as records-management libraries model them.

public sealed record RetentionRule(string RuleId, string DataCategory, TimeSpan Period, string Trigger, string LegalBasis);

/// <summary>A row a sweep found past its period: the table and the row's key.</summary>
public sealed record SweepCandidate(string Table, string RowKey, DateTimeOffset Anchor);

public sealed record SweepResult(string RuleId, int Scanned, int Deleted, int Anonymised, int SkippedForHold, TimeSpan Elapsed);

/// <summary>A legal hold: the matter, the custodian whose data is held and the lawyer who placed it.</summary>
public sealed record LegalHold(string HoldId, string Matter, string Custodian, string PlacedBy, DateTimeOffset PlacedAt, DateTimeOffset? ReleasedAt);

public interface ILegalHoldRegistry
{
    Task<IReadOnlyList<LegalHold>> HoldsForAsync(string custodian, CancellationToken cancellationToken);

    Task<IReadOnlyList<LegalHold>> ActiveAsync(CancellationToken cancellationToken);
}

public interface ISweepSource
{
    IAsyncEnumerable<SweepCandidate> CandidatesAsync(RetentionRule rule, int batchSize, CancellationToken cancellationToken);

    Task<int> DeleteAsync(IReadOnlyList<SweepCandidate> batch, CancellationToken cancellationToken);

    Task<int> AnonymiseAsync(IReadOnlyList<SweepCandidate> batch, CancellationToken cancellationToken);
}

/// <summary>A sweep's delete statement timed out; names the rule, the table and the wait.</summary>
public sealed class SweepTimeoutException(string ruleId, string table, TimeSpan waited)
    : Exception($"Sweep {ruleId} timed out on {table} after {waited.TotalSeconds:F0}s.")
{
    public string RuleId { get; } = ruleId;
}
