namespace DsrKit.Erasure;

public enum ErasureStatus
{
    Erased,
    Anonymised,
    Retained,
    Failed,
    Skipped,
}

/// <summary>One system's part of an erasure, as queued to the deletion workers.</summary>
public sealed record ErasureTask(Guid JobId, Guid RequestId, string System, string SubjectKey, int Attempt);

/// <summary>What a system reports after erasing.</summary>
public sealed record ErasureOutcome(string System, int RowsDeleted, int RowsAnonymised, ErasureStatus Status);

/// <summary>What is kept after an erasure so that a restored backup can be re-erased: a keyed pseudonym and the systems.</summary>
public sealed record Tombstone(string SubjectPseudonym, DateTimeOffset ErasedAt, IReadOnlyList<string> Systems);

public interface IErasureTarget
{
    string System { get; }

    Task<ErasureOutcome> EraseAsync(string subjectKey, CancellationToken cancellationToken);
}

public interface ITombstoneStore
{
    Task WriteAsync(Tombstone tombstone, CancellationToken cancellationToken);
}

/// <summary>A system could not erase; the message is the system's reason, not the subject.</summary>
public sealed class ErasureFailedException(string system, string reason)
    : Exception($"Erasure failed in {system}: {reason}")
{
    public string System { get; } = system;
}

/// <summary>A legal hold blocks the erasure; quotes the subject's key and the hold.</summary>
public sealed class ErasureBlockedException(string system, string subjectKey, string holdId)
    : Exception($"Erasure of '{subjectKey}' in {system} is blocked by legal hold {holdId}.")
{
    public string System { get; } = system;

    public string HoldId { get; } = holdId;
}
