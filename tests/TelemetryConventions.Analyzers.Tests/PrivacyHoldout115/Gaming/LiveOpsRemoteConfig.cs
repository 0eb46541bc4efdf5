namespace PrivacyHoldout115.Gaming;

public sealed record ConfigOverride(string Gamertag, Guid PlayerId, string Key, string Value, string Reason);

public sealed record RemoteConfigPayload(string Version, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Sources);

/// <summary>
/// Serves the game's remote configuration (drop rates, event timers, store layout) to clients at login:
/// the season's defaults, platform and country conditions, and per-player overrides that live-ops sets
/// for QA testers and partnered streamers.
/// </summary>
public sealed class LiveOpsRemoteConfig(IReadOnlyList<ConfigOverride> overrides, Pseudonymizer pseudonymizer, ILogger<LiveOpsRemoteConfig> logger)
{
    private static readonly ActivitySource Source = new("Studio.RemoteConfig");
    private static readonly Meter Meter = new("Studio.RemoteConfig");
    private static readonly Counter<long> Served = Meter.CreateCounter<long>("remote_config.served");

    private readonly Dictionary<string, string> _seasonDefaults = new(StringComparer.Ordinal)
    {
        ["drop_rate.legendary"] = "0.004",
        ["event.timer.minutes"] = "45",
        ["store.layout"] = "grid",
    };

    public RemoteConfigPayload ConfigFor(Guid playerId, string gamertag, string platform, string country)
    {
        using var span = Source.StartGameflagEvaluate("remote-config");
        var values = new Dictionary<string, string>(_seasonDefaults, StringComparer.Ordinal);
        var sources = new List<string> { "season-7" };
        if (platform == "switch")
        {
            values["store.layout"] = "list";
            sources.Add("platform:switch");
        }

        var mine = overrides.Where(o => o.PlayerId == playerId).ToList();
        foreach (var o in mine)
        {
            values[o.Key] = o.Value;
            sources.Add("override:" + o.Gamertag);
        }

        var payload = new RemoteConfigPayload("s7." + values.Count, values, sources);
        span.SetGameflagSegment(platform + "/" + country).SetGameflagOutcome(mine.Count > 0 ? "overridden" : "served"); // clean precision-names
        span.SetGameflagNote("sources: " + string.Join(",", sources)); // leak TC1001 generated-api
        Activity.Current?.SetTag("remote_config.version", payload.Version); // clean precision-names
        Activity.Current?.SetTag("remote_config.override_count", mine.Count); // clean precision-about
        Activity.Current?.SetTag("remote_config.override_reasons", string.Join(",", mine.Select(o => o.Reason).Distinct())); // clean strings
        Served.Add(1, new KeyValuePair<string, object?>("version", payload.Version), new KeyValuePair<string, object?>("overridden", mine.Count > 0)); // clean precision-about

        logger.LogDebug("Remote config for {Platform}/{Country}: {Values}", platform, country, values); // clean logging-objects
        if (mine.Count > 0)
        {
            logger.LogInformation("Overrides applied: {Overrides}", mine); // leak TC1001 logging-objects
            logger.LogInformation("Overrides applied for {Player}", pseudonymizer.PseudonymizeGameflagSubjectId(playerId.ToString())); // clean precision-pseudonym
            Served.Add(1, new KeyValuePair<string, object?>("override_player", gamertag)); // leak TC1003 direct
        }
        return payload;
    }
}
