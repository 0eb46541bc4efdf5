namespace PrivacyHoldout117.Gaming;

/// <summary>
/// Syncs the studio's companion settings into the twins of players' consoles: the console's
/// device id, the signed-in gamertag and the play region live in the twin's tags and reported state.
/// </summary>
public sealed class ConsoleTwinSync(
    IRegistryManager registry,
    ILogger<ConsoleTwinSync> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    IMqttClient mqtt)
{
    private readonly Counter<long> _syncs = meter.CreateCounter<long>("geoplay.twin.syncs");
    private string? _lastGamertag;

    public async Task SyncAsync(string consoleId, Guid playerId, string gamertag, string region, CancellationToken ct)
    {
        _lastGamertag = gamertag;
        using var span = source.StartGeoplayRollout("companion-settings", "7"); // clean generated-api
        span.SetGeoplayPlayerId(pseudonymizer.PseudonymizeGeoplayPlayerId(playerId.ToString())); // clean precision-pseudonym
        var twin = await registry.GetTwinAsync(consoleId, ct);
        if (twin is null)
        {
            var missing = new DeviceNotFoundException(consoleId);
            span.RecordException(missing, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning(missing, "Console twin missing"); // leak TC1001 exceptions
            return;
        }

        twin.Tags["gamertag"] = gamertag;
        span.SetGeoplayTwinVersion(twin.Version ?? 0); // clean precision-about
        span.SetGeoplayNote($"console {consoleId} synced"); // leak TC1001 generated-api
        logger.LogInformation("Console twin tags {Tags}", twin.Tags); // leak TC1001 logging-objects
        logger.LogInformation("Console twin tag names {Names}", string.Join(",", twin.Tags.Keys)); // clean precision-names
        _syncs.Add(1, new KeyValuePair<string, object?>("region", region)); // clean precision-names
        _syncs.Add(1, new KeyValuePair<string, object?>("console", consoleId)); // leak TC1003 direct

        var topic = $"consoles/{consoleId}/settings";
        var result = await mqtt.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("{}").WithRetainFlag().Build(), ct);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Publish to {Topic} failed with {Reason}", topic, result.ReasonCode); // leak TC1001 strings
            logger.LogWarning("Publish failed with {Reason}: {ReasonString}", result.ReasonCode, result.ReasonString); // clean precision-about
        }
    }

    public void Report() => Activity.Current?.SetTag("geoplay.last.gamertag", _lastGamertag); // leak TC1001 cross-member
}
