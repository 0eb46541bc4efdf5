using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout42.Support.IotHub;

// Stand-ins shaped like the Azure IoT Hub service SDK (Microsoft.Azure.Devices): device twins,
// direct methods and the exceptions the service client raises.

/// <summary>A twin's desired, reported or tags section: a JSON object.</summary>
public sealed class TwinCollection
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public long Version { get; init; }

    public int Count => _values.Count;

    public object? this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : null;
        set => _values[name] = value;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public IEnumerable<string> Keys => _values.Keys;

    public string ToJson() => JsonSerializer.Serialize(_values);

    public override string ToString() => ToJson();
}

public sealed class TwinProperties
{
    public TwinCollection Desired { get; init; } = new();

    public TwinCollection Reported { get; init; } = new();
}

/// <summary>A device twin. Its <see cref="DeviceId"/> is the id the device was registered with.</summary>
public sealed class Twin
{
    public required string DeviceId { get; init; }

    public string? ETag { get; init; }

    public long Version { get; init; }

    public string Status { get; init; } = "enabled";

    public string ConnectionState { get; init; } = "Disconnected";

    public DateTimeOffset? LastActivityTime { get; init; }

    public TwinCollection Tags { get; init; } = new();

    public TwinProperties Properties { get; init; } = new();

    public string ToJson() => JsonSerializer.Serialize(new { DeviceId, ETag, Version, Tags = Tags.ToJson(), Desired = Properties.Desired.ToJson(), Reported = Properties.Reported.ToJson() });
}

public sealed class CloudToDeviceMethod(string methodName, TimeSpan? responseTimeout = null)
{
    public string MethodName { get; } = methodName;

    public TimeSpan ResponseTimeout { get; } = responseTimeout ?? TimeSpan.FromSeconds(30);

    public string PayloadJson { get; private set; } = "{}";

    public CloudToDeviceMethod SetPayloadJson(string json)
    {
        PayloadJson = json;
        return this;
    }
}

public sealed class CloudToDeviceMethodResult
{
    public int Status { get; init; }

    public string PayloadJson { get; init; } = "{}";

    public string GetPayloadAsJson() => PayloadJson;
}

public interface IRegistryManager
{
    Task<Twin> GetTwinAsync(string deviceId, CancellationToken cancellationToken = default);

    Task<Twin> UpdateTwinAsync(string deviceId, string patchJson, string etag, CancellationToken cancellationToken = default);

    Task RemoveDeviceAsync(string deviceId, CancellationToken cancellationToken = default);
}

public interface IServiceClient
{
    Task<CloudToDeviceMethodResult> InvokeDeviceMethodAsync(string deviceId, CloudToDeviceMethod method, CancellationToken cancellationToken = default);
}

/// <summary>Raised by the service client for a device the hub does not know. As the SDK does, the message quotes the device id.</summary>
public sealed class DeviceNotFoundException(string deviceId) : Exception($"Device {deviceId} not registered")
{
    public string DeviceId { get; } = deviceId;
}

/// <summary>The hub throttled the caller. The message is a fixed text.</summary>
public sealed class ThrottlingException() : Exception("Throttling: the IoT hub is throttling requests, retry later.");

/// <summary>The device did not answer a direct method in time. The message names the method and the timeout only.</summary>
public sealed class DeviceTimeoutException(string methodName, TimeSpan timeout)
    : Exception($"The operation '{methodName}' timed out after {timeout.TotalSeconds:0} seconds.");

/// <summary>A device-to-cloud message read from the hub's built-in endpoint.</summary>
public sealed class EventData
{
    public required byte[] Body { get; init; }

    public DateTimeOffset EnqueuedTime { get; init; }

    public long SequenceNumber { get; init; }

    public IDictionary<string, object> SystemProperties { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public IDictionary<string, object> Properties { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
}

public static class TwinPatch
{
    public static string Desired(object values) => JsonSerializer.Serialize(new { properties = new { desired = values } });
}
