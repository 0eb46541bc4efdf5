namespace WebState;

// An idempotency middleware's store, after the IETF draft's Idempotency-Key header: the first response to a
// key is kept and replayed to retries; a retry with another body is refused.

/// <summary>A stored response. <see cref="Body"/> is the JSON the endpoint returned the first time.</summary>
public sealed record StoredResponse(string Key, string RequestFingerprint, int StatusCode, string Body, DateTimeOffset StoredAt)
{
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public enum IdempotencyOutcome
{
    Started,
    Replayed,
    InFlight,
    Mismatch,
}

public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or returns the response stored for it.</summary>
    Task<(IdempotencyOutcome Outcome, StoredResponse? Stored)> TryBeginAsync(string key, string fingerprint, TimeSpan lockFor, CancellationToken cancellationToken);

    Task CompleteAsync(StoredResponse response, TimeSpan keepFor, CancellationToken cancellationToken);

    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Thrown when a key is reused with a different request; quotes the key, as the middleware's problem detail does.</summary>
public sealed class IdempotencyKeyReusedException(string key, string storedFingerprint, string fingerprint)
    : Exception($"Idempotency-Key '{key}' was used for a different request (stored {storedFingerprint}, got {fingerprint}).")
{
    public string Key { get; } = key;
}

/// <summary>Thrown when a retry arrives while the first request with the key is still running.</summary>
public sealed class IdempotencyInFlightException(TimeSpan retryAfter)
    : Exception($"A request with the same Idempotency-Key is still in progress; retry after {retryAfter.TotalSeconds:0}s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
