namespace PrivacyHoldout79.Support;

/// <summary>Thrown by the tracking-plan validator; the message quotes the offending payload.</summary>
public sealed class IngestionValidationException(string eventName, string field, string payload)
    : Exception($"Event '{eventName}' failed validation on '{field}': {payload}")
{
    public string EventName { get; } = eventName;

    public string Field { get; } = field;

    public string Payload { get; } = payload;
}

/// <summary>Thrown when a whole batch is refused; quotes only the batch id, its size and a reason code.</summary>
public sealed class BatchRejectedException(string batchId, int count, string reasonCode)
    : Exception($"Batch {batchId} of {count} items rejected: {reasonCode}")
{
    public string BatchId { get; } = batchId;

    public int Count { get; } = count;

    public string ReasonCode { get; } = reasonCode;
}

/// <summary>Thrown by the body parser with the position and the raw text it could not read.</summary>
public sealed class MalformedBeaconException(int position, string rawBody)
    : Exception($"Malformed beacon at {position}: {rawBody}")
{
    public int Position { get; } = position;
}

/// <summary>A batch parked for later; the raw payload is kept for replay.</summary>
public sealed record DeadLetter(string BatchId, string Source, string ReasonCode, string RawPayload, DateTimeOffset At);

/// <summary>The dead-letter store (a blob container). Writing to it is storage, not telemetry.</summary>
public interface IDeadLetterQueue
{
    Task PutAsync(DeadLetter letter, CancellationToken cancellationToken);

    IAsyncEnumerable<DeadLetter> ReadAsync(string source, CancellationToken cancellationToken);
}

/// <summary>Forwards rows to the analytics warehouse streams (not telemetry).</summary>
public interface IAnalyticsForwarder
{
    Task ForwardAsync(string stream, IReadOnlyDictionary<string, object?> row, CancellationToken cancellationToken);
}

/// <summary>The tracking plan: which events exist and which properties each may carry.</summary>
public sealed class TrackingPlan
{
    public Dictionary<string, HashSet<string>> Events { get; } = new(StringComparer.Ordinal);

    public bool Knows(string eventName) => Events.ContainsKey(eventName);

    public IEnumerable<string> UnknownProperties(TrackEvent e) =>
        Events.TryGetValue(e.Event, out var allowed) ? e.Properties.Keys.Where(k => !allowed.Contains(k)) : e.Properties.Keys;
}
