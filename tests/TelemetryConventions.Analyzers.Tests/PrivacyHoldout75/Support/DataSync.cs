using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace DataSync;

// A stand-in for the in-house data toolkit the services share for migrations, dual writes,
// reconciliation, data quality and record matching. Stores, checkpoint tables, idempotency tables
// and review queues are storage, not telemetry. What prints what:
// - RecordDiff.ChangedFields returns the names of the public properties whose values differ (names only).
// - RecordDiff.Changes returns FieldChange records, positional: each prints Field, Old and New.
// - ReconciliationReport.ToString() prints its name and counts only; MissingInTarget, MissingInSource
//   and Mismatched are the lists of keys, as the two systems key the records.
// - Checkpoint is a positional record: it prints Job, BatchId, LastKey, Processed and At.
// - MigrationBatch is a positional record: it prints Job, BatchId, Number and Size.
// - RuleViolation is a positional record: it prints Rule, Row, Column and the offending Value.
// - MatchCandidate is a positional record: it prints LeftKey, RightKey, Score and Rule.
// - MergeDecision.ToString() prints the merge id (an operation) and the survivorship rule; not the
//   golden record id nor the keys.
// - ShadowComparison is a positional record: it prints Matches, the list's type name for
//   DifferingFields (a List<string> does not print its items) and both latencies.
// - PersistedDocument.ToString() prints "<collection>/<id> v<schema version>".
// - DuplicateRecordException's message quotes the entity and both keys.
// - MigrationConflictException's message quotes the batch id and the two versions only.
// - SchemaUpgradeException's message quotes the collection, the document id, both versions and the reason.
// - IdempotencyConflictException's message quotes the idempotency key.

public sealed record FieldChange(string Field, object? Old, object? New);

public static class RecordDiff
{
    public static IReadOnlyList<string> ChangedFields<T>(T before, T after) =>
        Changes(before, after).Select(c => c.Field).ToList();

    public static IReadOnlyList<FieldChange> Changes<T>(T before, T after)
    {
        var changes = new List<FieldChange>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var old = before is null ? null : property.GetValue(before);
            var @new = after is null ? null : property.GetValue(after);
            if (!Equals(old, @new))
            {
                changes.Add(new FieldChange(property.Name, old, @new));
            }
        }
        return changes;
    }
}

public interface IRecordStore<T>
{
    string Name { get; }

    Task<T?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task PutAsync(string key, T record, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    IAsyncEnumerable<KeyValuePair<string, T>> ScanAsync(string? after, int pageSize, CancellationToken cancellationToken = default);
}

public sealed class ReconciliationReport
{
    public required string Name { get; init; }

    public int SourceCount { get; init; }

    public int TargetCount { get; init; }

    public IReadOnlyList<string> MissingInTarget { get; init; } = [];

    public IReadOnlyList<string> MissingInSource { get; init; } = [];

    public IReadOnlyList<string> Mismatched { get; init; } = [];

    public bool Balanced => MissingInTarget.Count == 0 && MissingInSource.Count == 0 && Mismatched.Count == 0;

    public override string ToString() =>
        $"{Name}: source {SourceCount}, target {TargetCount}, missing in target {MissingInTarget.Count}, missing in source {MissingInSource.Count}, mismatched {Mismatched.Count}";
}

public static class Reconciler
{
    public static ReconciliationReport Compare<T>(string name, IReadOnlyDictionary<string, T> source, IReadOnlyDictionary<string, T> target, Func<T, T, bool> equal) =>
        new()
        {
            Name = name,
            SourceCount = source.Count,
            TargetCount = target.Count,
            MissingInTarget = source.Keys.Where(k => !target.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList(),
            MissingInSource = target.Keys.Where(k => !source.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList(),
            Mismatched = source.Where(p => target.TryGetValue(p.Key, out var t) && !equal(p.Value, t)).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList(),
        };
}

public sealed record Checkpoint(string Job, string BatchId, string? LastKey, long Processed, DateTimeOffset At);

public interface ICheckpointStore
{
    Task<Checkpoint?> LoadAsync(string job, CancellationToken cancellationToken = default);

    Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);
}

public sealed record MigrationBatch(string Job, string BatchId, int Number, int Size);

public sealed record RuleViolation(string Rule, int Row, string Column, string? Value);

public sealed class QualityRule<TRow>(string name, string column, Func<TRow, string?> read, Func<string?, bool> valid)
{
    public string Name { get; } = name;

    public string Column { get; } = column;

    public RuleViolation? Check(int row, TRow value)
    {
        var cell = read(value);
        return valid(cell) ? null : new RuleViolation(Name, row, Column, cell);
    }
}

public static class DataQuality
{
    public static IReadOnlyList<RuleViolation> Check<TRow>(IReadOnlyList<TRow> rows, params QualityRule<TRow>[] rules)
    {
        var violations = new List<RuleViolation>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var rule in rules)
            {
                if (rule.Check(i + 1, rows[i]) is { } violation)
                {
                    violations.Add(violation);
                }
            }
        }
        return violations;
    }
}

public sealed record MatchCandidate(string LeftKey, string RightKey, double Score, string Rule);

public sealed class MergeDecision
{
    public Guid MergeId { get; init; } = Guid.NewGuid();

    public required Guid GoldenId { get; init; }

    public required string SurvivorKey { get; init; }

    public required string RetiredKey { get; init; }

    public required string SurvivorshipRule { get; init; }

    public override string ToString() => $"merge {MergeId:N} by {SurvivorshipRule}";
}

public interface IReviewQueue
{
    Task EnqueueAsync(MatchCandidate candidate, string reason, CancellationToken cancellationToken = default);
}

public sealed record ShadowComparison(bool Matches, IReadOnlyList<string> DifferingFields, TimeSpan PrimaryLatency, TimeSpan ShadowLatency);

public static class Shadow
{
    public static async Task<(T Primary, T? Secondary, ShadowComparison Comparison)> CompareAsync<T>(Func<Task<T>> primary, Func<Task<T?>> shadow)
    {
        var started = DateTimeOffset.UtcNow;
        var p = await primary();
        var primaryLatency = DateTimeOffset.UtcNow - started;
        started = DateTimeOffset.UtcNow;
        var s = await shadow();
        var shadowLatency = DateTimeOffset.UtcNow - started;
        var differing = s is null ? new List<string> { "*" } : RecordDiff.ChangedFields(p, s).ToList();
        return (p, s, new ShadowComparison(differing.Count == 0, differing, primaryLatency, shadowLatency));
    }
}

public sealed class PersistedDocument
{
    public required string Collection { get; init; }

    public required string Id { get; init; }

    public int SchemaVersion { get; set; }

    public Dictionary<string, object?> Body { get; init; } = new(StringComparer.Ordinal);

    public string ETag { get; set; } = string.Empty;

    public override string ToString() => $"{Collection}/{Id} v{SchemaVersion}";
}

public interface IDocumentStore
{
    IAsyncEnumerable<PersistedDocument> BelowVersionAsync(string collection, int version, int pageSize, CancellationToken cancellationToken = default);

    Task ReplaceAsync(PersistedDocument document, CancellationToken cancellationToken = default);
}

public interface IFeatureFlags
{
    bool IsEnabled(string flag);

    bool IsEnabledFor(string flag, string subjectKey);
}

public interface IIdempotencyStore
{
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default);
}

public sealed class DuplicateRecordException(string entity, string existingKey, string incomingKey)
    : Exception($"{entity} '{incomingKey}' duplicates existing {entity} '{existingKey}'.")
{
    public string Entity { get; } = entity;
}

public sealed class MigrationConflictException(string batchId, int expectedVersion, int actualVersion)
    : Exception($"Batch {batchId} conflicts with the target: expected schema v{expectedVersion}, found v{actualVersion}.")
{
    public string BatchId { get; } = batchId;

    public int ExpectedVersion { get; } = expectedVersion;

    public int ActualVersion { get; } = actualVersion;
}

public sealed class SchemaUpgradeException(string collection, string documentId, int from, int to, string reason)
    : Exception($"Cannot upgrade {collection}/{documentId} from v{from} to v{to}: {reason}")
{
    public int From { get; } = from;

    public int To { get; } = to;
}

public sealed class IdempotencyConflictException(string key)
    : Exception($"Idempotency key '{key}' was already used with a different payload.")
{
}
