namespace PrivacyHoldout117.Media;

/// <summary>
/// Moves set-top box firmware through rings: the lab's reference boxes, staff homes' boxes, then
/// 1 %, 10 % and everyone. Boxes are selected from the twin registry by model and region.
/// </summary>
public sealed class StbFirmwareRingService(
    IRegistryManager registry,
    IDeviceUpdateClient updates,
    ILogger<StbFirmwareRingService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _ringDevices = meter.CreateCounter<long>("stbfleet.ring.devices");

    public async Task PromoteAsync(FirmwareImage image, string ring, string region, CancellationToken ct)
    {
        var query = $"SELECT * FROM devices WHERE tags.model = '{image.Model}' AND tags.region = '{region}' AND tags.ring = '{ring}'";
        using var span = source.StartStbfleetRollout($"{image.Model}-{image.Version}-{ring}", image.Version); // clean strings
        span.SetStbfleetRolloutRing(ring).SetStbfleetDeviceModel(image.Model); // clean generated-api
        span.Activity?.SetTag("iothub.query", query); // clean strings

        var boxes = new List<Twin>();
        await foreach (var twin in registry.QueryAsync(query, ct))
        {
            boxes.Add(twin);
        }

        _ringDevices.Add(boxes.Count, new KeyValuePair<string, object?>("ring", ring), new KeyValuePair<string, object?>("region", region)); // clean precision-about
        logger.LogInformation("Ring {Ring} boxes: {Boxes}", ring, string.Join(",", boxes.Select(b => b.DeviceId))); // leak TC1001 strings
        logger.LogInformation("Ring {Ring} first box twin {Twin}", ring, boxes.FirstOrDefault()); // leak TC1001 logging-objects

        var ids = boxes.Select(b => b.DeviceId).ToList();
        try
        {
            var rollout = await updates.StartRolloutAsync(image, ring, ids, ct);
            span.SetStbfleetNote($"{ids.Count} boxes in {region}"); // clean generated-api
            logger.LogInformation("Started {@Rollout}", rollout); // clean logging-objects
        }
        catch (DeviceNotEligibleException ex)
        {
            logger.LogWarning("Ring {Ring} refused: {Message}", ring, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
        catch (ThrottlingException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Hub throttled ring {Ring}, retry after {RetryAfter}", ring, ex.RetryAfter); // clean exceptions
        }
    }

    public async Task PinStaffBoxAsync(string boxId, Guid subscriberId, string staffEmail, CancellationToken ct)
    {
        var patch = new TwinCollection { ["ring"] = "staff", ["pinnedBy"] = "release-team" };
        var result = await registry.UpdateTwins2Async(new[] { new Twin(boxId) { Tags = patch } }, ct);
        using var span = source.StartStbfleetRollout("staff-pin", "n/a"); // clean generated-api
        span.SetStbfleetSubscriberId(pseudonymizer.PseudonymizeStbfleetSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(StbfleetAttributes.SubscriberContact, staffEmail); // leak TC1001 generated-api
        logger.LogInformation("Pinned with patch {Patch}", patch); // clean logging-objects
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Twin update failed: {Error}", error); // leak TC1001 logging-objects
            logger.LogWarning("Twin update failed: {Code} {Status}", error.ErrorCode, error.ErrorStatus); // clean precision-names
        }
    }
}
