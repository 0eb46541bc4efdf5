namespace PrivacyHoldout207.Gaming;

/// <summary>Client telemetry about which colour-vision filters and caption sizes players pick, reported in batches.</summary>
public sealed class ColourFilterTelemetry(ILogger<ColourFilterTelemetry> logger)
{
    private static readonly Meter FilterMeter = new("Accessibility.Filters");
    private static readonly Counter<long> FilterPicks = FilterMeter.CreateCounter<long>("accessibility.filter.picks");

    public void Report(string titleId, IReadOnlyList<(string PlayerId, string Gamertag, string Filter)> picks)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TitleId"] = titleId, ["Picks"] = picks.Count }); // clean precision-about
        foreach (var pick in picks)
        {
            FilterPicks.Add(1, new KeyValuePair<string, object?>("filter", pick.Filter)); // clean precision-about
            FilterPicks.Add(1, new KeyValuePair<string, object?>("gamertag", pick.Gamertag)); // leak TC1003 direct
        }

        logger.LogInformation("Filter players: {Players}", string.Join(", ", picks.Select(p => p.Gamertag))); // leak TC1001 strings
        logger.LogInformation("Filters picked: {Filters}", string.Join(", ", picks.Select(p => p.Filter).Distinct())); // clean strings
        using var playerScope = logger.BeginScope(new Dictionary<string, object> { ["FirstPlayer"] = picks[0].PlayerId }); // leak TC1001 direct
        var sb = new StringBuilder();
        foreach (var pick in picks.Take(3))
        {
            sb.Append(pick.PlayerId).Append('=').Append(pick.Filter).Append(';');
        }

        logger.LogDebug("Sample: {Sample}", sb.ToString()); // leak TC1001 strings
    }
}
