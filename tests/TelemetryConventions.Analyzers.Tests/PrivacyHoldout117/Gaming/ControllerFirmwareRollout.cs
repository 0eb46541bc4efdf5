namespace PrivacyHoldout117.Gaming;

/// <summary>A player's controller registered to their account: its serial and the account.</summary>
public sealed record RegisteredController(string Serial, Guid PlayerId, string Model, string FirmwareVersion);

/// <summary>
/// Rolls out controller firmware through the companion app. Controllers are the players' own
/// devices (bought at retail, registered to an account); the studio's dev kits are its own.
/// </summary>
public sealed class ControllerFirmwareRollout(
    IDeviceUpdateClient updates,
    ILogger<ControllerFirmwareRollout> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _installs = meter.CreateCounter<long>("geoplay.firmware.installs");
    private readonly Dictionary<string, RegisteredController> _bySerial = new();

    public async Task RollOutAsync(FirmwareImage image, IReadOnlyList<RegisteredController> controllers, IReadOnlyList<string> devKits, CancellationToken ct)
    {
        foreach (var c in controllers)
        {
            _bySerial[c.Serial] = c;
        }

        var rollout = await updates.StartRolloutAsync(image, "canary", controllers.Select(c => c.Serial).ToList(), ct);
        using var span = source.StartGeoplayRollout(rollout.RolloutId, image.Version); // clean generated-api
        span.SetGeoplayRolloutRing("canary").SetGeoplayDeviceModel(image.Model); // clean generated-api
        span.Activity?.SetTag("geoplay.rollout.devkits", string.Join(",", devKits)); // clean precision-names
        span.Activity?.SetTag("geoplay.rollout.targets", string.Join(",", rollout.DeviceIds)); // leak TC1001 strings
        span.Activity?.SetTag("geoplay.rollout.target_count", rollout.DeviceIds.Count); // clean precision-about
        logger.LogInformation("Rollout {RolloutId} of {@Image}", rollout.RolloutId, image); // clean logging-objects

        await foreach (var d in updates.GetDeploymentsAsync(rollout.RolloutId, ct))
        {
            _installs.Add(1, new KeyValuePair<string, object?>("state", d.State.ToString()), new KeyValuePair<string, object?>("model", image.Model)); // clean precision-about
            if (d.State == DeploymentState.Failed)
            {
                var owner = _bySerial[d.DeviceId];
                logger.LogWarning("Controller update failed: {Deployment}", d); // leak TC1001 logging-objects
                logger.LogWarning("Controller update failed for {Controller}", owner); // leak TC1001 cross-member
                span.SetGeoplayNote($"failed {d.ResultCode} on {owner.Model} fw {owner.FirmwareVersion}"); // clean generated-api
                Activity.Current?.SetTag("geoplay.failed.player", HashCode.Combine(owner.PlayerId, d.RolloutId)); // leak TC1002 hashes
            }
        }
    }

    public void OnIneligible(DeviceNotEligibleException ex)
    {
        logger.LogWarning("Controller not eligible: {Reason}", ex.Reason); // clean exceptions
        logger.LogWarning(ex, "Controller not eligible"); // leak TC1001 exceptions
        Activity.Current?.AddException(ex); // leak TC1001 exceptions
    }
}
