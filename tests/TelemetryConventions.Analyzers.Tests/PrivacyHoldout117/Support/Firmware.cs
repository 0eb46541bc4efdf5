namespace DeviceKit.Firmware;

// Firmware update management in the shape of device update services (Azure Device Update, Mender):
// a rollout of one image version to rings of named devices, per-device deployment states, and errors.

public enum DeploymentState
{
    Pending,
    Downloading,
    Installing,
    Succeeded,
    Failed,
    RolledBack,
}

/// <summary>A firmware image. Prints its members.</summary>
public sealed record FirmwareImage(string Model, string Version, string Sha256, long SizeBytes, Uri BlobUri);

/// <summary>A rollout: an image sent to a ring of devices, named one by one. Prints its members (the device list as its type's name).</summary>
public sealed record FirmwareRollout(string RolloutId, FirmwareImage Image, string Ring, IReadOnlyList<string> DeviceIds, DateTimeOffset StartAt);

/// <summary>One device's state in a rollout. Prints its members.</summary>
public sealed record DeviceDeployment(string RolloutId, string DeviceId, DeploymentState State, string? ResultCode, int Attempt);

/// <summary>The update agent reported a failure: an extended result code and the step, not the device.</summary>
public sealed class FirmwareInstallException(string step, int extendedResultCode)
    : Exception($"Install step '{step}' failed with extended result code 0x{extendedResultCode:X8}.")
{
    public string Step { get; } = step;

    public int ExtendedResultCode { get; } = extendedResultCode;
}

/// <summary>The update service refused the rollout: a device was not eligible; the message names it.</summary>
public sealed class DeviceNotEligibleException(string deviceId, string reason)
    : Exception($"Device '{deviceId}' is not eligible: {reason}.")
{
    public string DeviceId { get; } = deviceId;

    public string Reason { get; } = reason;
}

public interface IDeviceUpdateClient
{
    Task<FirmwareRollout> StartRolloutAsync(FirmwareImage image, string ring, IReadOnlyList<string> deviceIds, CancellationToken cancellationToken = default);

    IAsyncEnumerable<DeviceDeployment> GetDeploymentsAsync(string rolloutId, CancellationToken cancellationToken = default);

    Task CancelAsync(string rolloutId, CancellationToken cancellationToken = default);
}
