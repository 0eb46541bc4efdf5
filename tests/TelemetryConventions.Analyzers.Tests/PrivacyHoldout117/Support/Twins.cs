namespace DeviceKit.Twins;

// Azure IoT Hub's device twins and AWS IoT's shadows, reduced to what the services read: a twin with
// its tags, desired and reported properties, etag and version; the registry's exceptions.

/// <summary>A JSON property bag as the SDK models it; <c>ToJson</c> writes it out, <c>ToString</c> as well.</summary>
public sealed class TwinCollection
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => _values.TryGetValue(name, out var v) ? v : null;
        set => _values[name] = value;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public long Version { get; set; }

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public string ToJson() => JsonSerializer.Serialize(_values);

    public override string ToString() => ToJson();
}

public sealed class TwinProperties
{
    public TwinCollection Desired { get; set; } = new();

    public TwinCollection Reported { get; set; } = new();
}

/// <summary>A device twin: a class; <c>ToJson</c> writes it whole (tags and properties), <c>ToString</c> as well.</summary>
public sealed class Twin(string deviceId)
{
    public string DeviceId { get; set; } = deviceId;

    public string? ModuleId { get; set; }

    public string? ETag { get; set; }

    public long? Version { get; set; }

    public string? Status { get; set; }

    public DateTime? LastActivityTime { get; set; }

    public string? ConnectionState { get; set; }

    public TwinCollection Tags { get; set; } = new();

    public TwinProperties Properties { get; set; } = new();

    public string ToJson() => JsonSerializer.Serialize(new { DeviceId, ETag, Version, Status, Tags = Tags.ToJson(), Desired = Properties.Desired.ToJson(), Reported = Properties.Reported.ToJson() });

    public override string ToString() => ToJson();
}

public sealed record BulkRegistryOperationResult(bool IsSuccessful, IReadOnlyList<DeviceRegistryOperationError> Errors);

/// <summary>One failed twin of a bulk operation: the device's id, an error code and the hub's status.</summary>
public sealed record DeviceRegistryOperationError(string DeviceId, string ErrorCode, string ErrorStatus);

public interface IRegistryManager
{
    Task<Twin?> GetTwinAsync(string deviceId, CancellationToken cancellationToken = default);

    Task<Twin> UpdateTwinAsync(string deviceId, TwinCollection desiredPatch, string etag, CancellationToken cancellationToken = default);

    Task<BulkRegistryOperationResult> UpdateTwins2Async(IEnumerable<Twin> twins, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Twin> QueryAsync(string sqlQuery, CancellationToken cancellationToken = default);
}

/// <summary>The hub has no such device: the message names it (<c>Device {id} not registered</c>).</summary>
public sealed class DeviceNotFoundException(string deviceId)
    : Exception($"Device {deviceId} not registered.")
{
    public string DeviceId { get; } = deviceId;
}

/// <summary>The twin changed since it was read: the message names the etags, not the device.</summary>
public sealed class PreconditionFailedException(string expectedEtag, string actualEtag)
    : Exception($"Precondition failed: expected etag {expectedEtag}, found {actualEtag}.");

/// <summary>The hub throttled the call: a fixed text and a retry-after.</summary>
public sealed class ThrottlingException(TimeSpan retryAfter)
    : Exception("IoT hub throttled the request.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>An AWS IoT-style shadow document: state desired/reported/delta, version, timestamp. Prints its members.</summary>
public sealed record ShadowDocument(string ThingName, IReadOnlyDictionary<string, string> Reported, IReadOnlyDictionary<string, string> Desired, IReadOnlyDictionary<string, string> Delta, long Version, long Timestamp);
