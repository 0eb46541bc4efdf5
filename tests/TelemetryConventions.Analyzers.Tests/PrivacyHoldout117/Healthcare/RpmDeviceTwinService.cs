namespace PrivacyHoldout117.Healthcare;

/// <summary>
/// Keeps the home hubs' twins in step with the EPR. The hubs are the trust's, named by asset tag
/// (<c>HUB-00123</c>) and lent to a patient for an episode; the twin's tags hold the patient's hospital
/// number and the ward the hub is enrolled to; desired properties hold sampling intervals.
/// </summary>
public sealed class RpmDeviceTwinService(
    IRegistryManager registry,
    IDeviceUpdateClient updates,
    ILogger<RpmDeviceTwinService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source)
{
    private string? _lastEnrolledPatient;

    public async Task EnrolAsync(string hubId, string hospitalNumber, string ward, CancellationToken ct)
    {
        var twin = await registry.GetTwinAsync(hubId, ct);
        if (twin is null)
        {
            logger.LogWarning("Hub {HubId} has no twin; cannot enrol", hubId); // clean precision-names
            return;
        }

        var patch = new TwinCollection { ["samplingSeconds"] = 60, ["ward"] = ward };
        twin.Tags["patientMrn"] = hospitalNumber;
        _lastEnrolledPatient = hospitalNumber;

        try
        {
            var updated = await registry.UpdateTwinAsync(hubId, patch, twin.ETag ?? "*", ct);
            Activity.Current?.SetTag("rpm.twin.version", updated.Version); // clean precision-about
            Activity.Current?.SetTag("rpm.twin.desired", patch.ToJson()); // clean logging-objects
            logger.LogInformation("Hub twin after enrolment: {Twin}", updated.ToJson()); // leak TC1001 logging-objects
            logger.LogInformation("Hub {HubId} enrolled on {Ward} with tags {TagNames}", hubId, ward, string.Join(",", twin.Tags.Keys)); // clean precision-names
        }
        catch (PreconditionFailedException ex)
        {
            logger.LogWarning(ex, "Twin of hub {HubId} changed during enrolment", hubId); // clean exceptions
        }
        catch (DeviceNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void ReportLastEnrolment()
    {
        Activity.Current?.SetTag("rpm.last_enrolled", _lastEnrolledPatient); // leak TC1001 cross-member
        Activity.Current?.SetTag("rpm.last_enrolled.present", _lastEnrolledPatient is not null); // clean precision-about
    }

    public async Task RollOutAsync(FirmwareImage image, IReadOnlyList<string> hubIds, IReadOnlyDictionary<string, string> patientByHub, CancellationToken ct)
    {
        var rollout = await updates.StartRolloutAsync(image, "ring-1", hubIds, ct);
        using var span = source.StartRpmfleetRollout(rollout.RolloutId, image.Version); // clean generated-api
        span.SetRpmfleetRolloutRing(rollout.Ring).SetRpmfleetDeviceModel(image.Model); // clean generated-api
        logger.LogInformation("Rollout {@Rollout} started", rollout); // clean logging-objects
        logger.LogInformation("Rollout {RolloutId} targets hubs {Hubs}", rollout.RolloutId, string.Join(",", hubIds)); // clean precision-names

        await foreach (var deployment in updates.GetDeploymentsAsync(rollout.RolloutId, ct))
        {
            if (deployment.State != DeploymentState.Failed)
            {
                continue;
            }
            var patient = patientByHub[deployment.DeviceId];
            span.SetRpmfleetNote($"hub {deployment.DeviceId} failed ({deployment.ResultCode}) for patient {patient}"); // leak TC1001 generated-api
            span.SetRpmfleetPatientId(pseudonymizer.PseudonymizeRpmfleetPatientId(patient)); // clean precision-pseudonym
            logger.LogRpmfleetPingRejectedEvent($"rollout/{rollout.RolloutId}", "failed", pseudonymizer.PseudonymizeRpmfleetPatientId(patient), deployment.ResultCode); // clean generated-api
            logger.LogWarning("Deployment {@Deployment} failed", deployment); // clean logging-objects
        }
    }
}
