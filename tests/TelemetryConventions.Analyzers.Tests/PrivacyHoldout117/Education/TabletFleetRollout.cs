namespace PrivacyHoldout117.Education;

/// <summary>
/// Rolls out the managed image to the school's class-set tablets (asset tags, the trust's) and
/// keeps the twins of students' own enrolled laptops (bring-your-own, registered to the student).
/// </summary>
public sealed class TabletFleetRollout(
    IDeviceUpdateClient updates,
    IRegistryManager registry,
    ILogger<TabletFleetRollout> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("busfleet.rollout.failures");

    public async Task RollOutClassSetAsync(FirmwareImage image, string room, IReadOnlyList<string> assetTags, CancellationToken ct)
    {
        var rollout = await updates.StartRolloutAsync(image, $"room-{room}", assetTags, ct);
        using var span = source.StartBusfleetRollout(rollout.RolloutId, image.Version); // clean generated-api
        span.SetBusfleetRolloutRing(rollout.Ring); // clean precision-names
        logger.LogInformation("Class set rollout to {Tablets}", string.Join(",", assetTags)); // clean precision-names
        logger.LogInformation("Image {@Image}", image); // clean logging-objects

        try
        {
            await foreach (var d in updates.GetDeploymentsAsync(rollout.RolloutId, ct))
            {
                if (d.State == DeploymentState.Failed)
                {
                    _failures.Add(1, new KeyValuePair<string, object?>("tablet", d.DeviceId), new KeyValuePair<string, object?>("room", room)); // clean precision-names
                }
            }
        }
        catch (FirmwareInstallException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Step); // clean exceptions
        }
    }

    public async Task RefreshByodTwinAsync(string laptopDeviceId, string studentNumber, string studentEmail, CancellationToken ct)
    {
        using var span = source.StartBusfleetRollout("byod-policy", "2024.09"); // clean generated-api
        try
        {
            var twin = await registry.GetTwinAsync(laptopDeviceId, ct) ?? throw new DeviceNotFoundException(laptopDeviceId);
            span.SetBusfleetTwinVersion(twin.Version ?? 0); // clean precision-about
            span.SetBusfleetStudentId(pseudonymizer.PseudonymizeBusfleetStudentId(studentNumber)); // clean precision-pseudonym
            // The enrolment agent reports the OS build, the disk encryption state and the signed-in user's UPN.
            logger.LogInformation("BYOD twin reported {Reported}", twin.Properties.Reported); // leak TC1001 logging-objects
            logger.LogInformation("BYOD laptop {Device} checked for {Email}", laptopDeviceId, studentEmail); // leak TC1001 direct
            span.Activity?.SetTag("byod.owner.domain", studentEmail.Split('@')[1]); // clean precision-about
        }
        catch (DeviceNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("BYOD laptop missing: {Error}", ex.GetType().Name); // clean exceptions
        }
    }
}
