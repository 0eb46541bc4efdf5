namespace ConsentKit;

// Consent records, data-subject requests (erasure) and account merges, as a privacy team's shared library
// writes them.

/// <summary>A consent decision: its id, whose it is, the purpose, the decision, the policy version and the channel.</summary>
public sealed record ConsentRecord(Guid ConsentId, string SubjectId, string Purpose, bool Granted, string PolicyVersion, string Channel, DateTimeOffset RecordedAt);

/// <summary>A data-subject erasure request: the ticket, whose data, how to reach them and when it came in.</summary>
public sealed record ErasureRequest(string RequestId, string SubjectId, string ContactEmail, DateTimeOffset ReceivedAt)
{
    public IReadOnlyList<string> Systems { get; init; } = Array.Empty<string>();
}

/// <summary>What a system reports back after erasing a subject: the request, the system, the rows and whether it kept a legal-hold copy.</summary>
public sealed record ErasureReceipt(string RequestId, string System, int RowsDeleted, bool RetainedUnderHold);

public interface IConsentLedger
{
    Task<ConsentRecord> RecordAsync(string subjectId, string purpose, bool granted, string channel, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsentRecord>> HistoryAsync(string subjectId, CancellationToken cancellationToken = default);
}

public interface IErasureFanOut
{
    Task<IReadOnlyList<ErasureReceipt>> EraseAsync(ErasureRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when erasure must wait: names the request and the reason (an open claim, a debt, a hold), not the subject.</summary>
public sealed class ErasureDeferredException(string requestId, string reason)
    : Exception($"Erasure request {requestId} deferred: {reason}.")
{
    public string RequestId { get; } = requestId;

    public string Reason { get; } = reason;
}

/// <summary>A plan to merge two accounts of one person: the merge id, the surviving and the retired account, and the rule.</summary>
public sealed record AccountMergePlan(string MergeId, string SurvivorAccountId, string RetiredAccountId, string Rule);

/// <summary>The result of a merge: what moved, without the accounts.</summary>
public sealed record MergeOutcome(string MergeId, int LoginsMoved, int OrdersMoved, int ConsentsMoved, bool Completed);

/// <summary>Thrown when an external login is already linked to another account; the message quotes the provider and the person's key there.</summary>
public sealed class LoginAlreadyLinkedException(string provider, string providerKey)
    : Exception($"The {provider} login {providerKey} is already linked to another account.")
{
    public string Provider { get; } = provider;
}
