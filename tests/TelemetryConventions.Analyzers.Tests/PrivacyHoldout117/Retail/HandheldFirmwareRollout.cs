namespace PrivacyHoldout117.Retail;

/// <summary>A store handheld's reported state: the device's asset tag, the colleague signed in, the battery.</summary>
public sealed record HandheldState(string AssetTag, string StoreId, string? SignedInColleague, int BatteryPercent, string FirmwareVersion);

/// <summary>
/// Rolls scanner firmware out to the stores' handhelds (the retailer's devices, by asset tag) by
/// store wave, and reads their twins to skip devices in use.
/// </summary>
public sealed partial class HandheldFirmwareRollout(
    IDeviceUpdateClient updates,
    IRegistryManager registry,
    ILogger<HandheldFirmwareRollout> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _skipped = meter.CreateCounter<long>("vanfleet.handheld.skipped");

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "Handheld {AssetTag} in use by {Colleague}; skipped")]
    private static partial void LogInUse(ILogger logger, string assetTag, string colleague);

    public async Task RollOutWaveAsync(FirmwareImage image, string wave, IReadOnlyList<HandheldState> handhelds, CancellationToken ct)
    {
        var idle = new List<string>();
        foreach (var h in handhelds)
        {
            if (h.SignedInColleague is { } colleague)
            {
                LogInUse(logger, h.AssetTag, colleague); // leak TC1001 logging-objects
                _skipped.Add(1, new KeyValuePair<string, object?>("store", h.StoreId), new KeyValuePair<string, object?>("reason", "in_use")); // clean precision-names
                continue;
            }
            idle.Add(h.AssetTag);
        }

        using var span = source.StartVanfleetRollout($"scanner-{image.Version}-{wave}", image.Version); // clean strings
        span.SetVanfleetRolloutRing(wave).SetVanfleetDeviceModel(image.Model); // clean generated-api
        span.Activity?.SetTag("rollout.devices", string.Join(",", idle)); // clean precision-names
        logger.LogInformation("Handheld states {States}", handhelds); // leak TC1001 logging-objects
        logger.LogInformation("Handhelds idle {Idle} of {Total}, battery median {Battery}", idle.Count, handhelds.Count, handhelds.OrderBy(h => h.BatteryPercent).ElementAt(handhelds.Count / 2).BatteryPercent); // clean precision-about

        try
        {
            var rollout = await updates.StartRolloutAsync(image, wave, idle, ct);
            span.SetVanfleetNote($"wave {wave}: {idle.Count} handhelds"); // clean generated-api
            logger.LogInformation("Started {Rollout}", rollout); // clean logging-objects
        }
        catch (FirmwareInstallException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Wave {Wave} install failed at {Step}", wave, ex.Step); // clean exceptions
        }
    }

    public async Task CheckTwinAsync(string assetTag, CancellationToken ct)
    {
        var twin = await registry.GetTwinAsync(assetTag, ct);
        var colleague = twin?.Properties.Reported["signedInColleague"] as string;
        Activity.Current?.SetTag("handheld.twin.version", twin?.Version); // clean precision-about
        Activity.Current?.SetTag("handheld.colleague", colleague); // leak TC1001 direct
        Activity.Current?.SetTag("handheld.colleague.signed_in", colleague is not null); // clean precision-about
        if (colleague is not null)
        {
            Activity.Current?.SetTag(VanfleetAttributes.CourierId, pseudonymizer.ComputeVanfleetCourierId(colleague)); // clean precision-pseudonym
        }
    }
}
