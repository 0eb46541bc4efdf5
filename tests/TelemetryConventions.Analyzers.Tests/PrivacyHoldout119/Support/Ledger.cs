namespace LoyaltyKit.Ledger;

/// <summary>One line of a member's points ledger. A record: prints its members.</summary>
public sealed record LedgerEntry(string EntryId, string MemberNumber, int Delta, string Reason, string Source, DateTimeOffset PostedAt)
{
    public string? PartnerCode { get; init; }

    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>What the ledger answered to a posting. A record: prints its members (ids of things and numbers).</summary>
public sealed record PostingResult(string EntryId, int Posted, int NewBalance, bool Duplicate);

/// <summary>A balance as the platform returns it. A record: prints its members (numbers and a date).</summary>
public sealed record PointsBalance(int Available, int Pending, int Lifetime, int ExpiringNext, DateOnly? NextExpiry);

/// <summary>An idempotent posting request. A class without <c>ToString</c>.</summary>
public sealed class PostingRequest
{
    public required string IdempotencyKey { get; init; }

    public required string MemberNumber { get; init; }

    public required int Points { get; init; }

    public required string Reason { get; init; }

    public string? Source { get; init; }
}

/// <summary>An expiry run over a programme. A record: prints its members (all about the run).</summary>
public sealed record ExpiryRun(string RunId, string Programme, DateOnly Cutoff, int Members, long Points);

/// <summary>A member's points that are about to expire. A record: prints its members.</summary>
public sealed record ExpiryNotice(string MemberNumber, string Email, int Points, DateOnly ExpiresOn);

public interface IPointsLedger
{
    Task<PostingResult> PostAsync(PostingRequest request, CancellationToken cancellationToken = default);

    Task<PointsBalance> BalanceAsync(string memberNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string memberNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ExpiryNotice> ExpiringAsync(string programme, DateOnly cutoff, CancellationToken cancellationToken = default);
}

/// <summary>Not enough points: quotes the member and the amounts, as the engine's error text does.</summary>
public sealed class InsufficientPointsException(string memberNumber, int requested, int available)
    : Exception($"Member {memberNumber} has {available} points; {requested} requested")
{
    public int Requested { get; } = requested;

    public int Available { get; } = available;
}

/// <summary>A concurrent write to the same ledger: quotes the entry and versions only.</summary>
public sealed class LedgerConflictException(string entryId, long expectedVersion) : Exception($"Ledger entry {entryId} changed (expected version {expectedVersion})")
{
    public long ExpectedVersion { get; } = expectedVersion;
}

/// <summary>An idempotency key already used: quotes the key.</summary>
public sealed class DuplicatePostingException(string idempotencyKey) : Exception($"Posting '{idempotencyKey}' was already applied");
