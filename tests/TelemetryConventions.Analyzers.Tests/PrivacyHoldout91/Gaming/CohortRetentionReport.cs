namespace PrivacyHoldout91.Gaming;

/// <summary>A player's activity summary as the analytics warehouse returns it.</summary>
public sealed record PlayerActivity(Guid PlayerId, string Gamertag, string InstallWeek, string Platform, int DaysActive, decimal LifetimeSpend, DateOnly LastSeen);

/// <summary>
/// The weekly cohort report: retention by install week and day, payer conversion by platform with small
/// cells suppressed, and the lapsed-payer list the CRM team re-engages; sampling for the report's QA pass.
/// </summary>
public sealed partial class CohortRetentionReport(
    IReportDataSource data,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ReportingOptions options,
    ILogger<CohortRetentionReport> logger)
{
    private readonly Counter<long> _lapsed = meter.CreateCounter<long>("spendrpt.lapsed.payers", "{player}");

    public async Task RunAsync(string title, string fromWeek, CancellationToken cancellationToken)
    {
        using var span = source.StartSpendrptRender("rpt-cohort-retention", "xlsx");
        span.SetSpendrptCohort(fromWeek).SetSpendrptDataset("ds-player-activity"); // clean precision-names
        var table = await data.QueryAsync(new ReportQuery("cohort-activity", "SELECT player_id, gamertag, install_week, platform, days_active, lifetime_spend, last_seen FROM player_summary WHERE title = @title AND install_week >= @week", options.CommandTimeout)
        {
            Parameters = { ["@title"] = title, ["@week"] = fromWeek },
        }, cancellationToken);
        var players = table.Rows.Select(r => new PlayerActivity((Guid)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (int)r[4]!, (decimal)r[5]!, (DateOnly)r[6]!)).ToList();

        var retention = PivotTable.Build(players, "install_week", p => p.InstallWeek, "retained_days", p => p.DaysActive >= 30 ? "D30" : p.DaysActive >= 7 ? "D7" : "D1", _ => 1m);
        logger.LogInformation("Retention cells {Cells}", string.Join("; ", retention.Cells.Select(c => $"{c.Row}:{c.Column}={c.Count}"))); // clean strings

        var payers = PivotTable.Build(players.Where(p => p.LifetimeSpend > 0), "platform", p => p.Platform, "country", p => p.Country(), p => p.LifetimeSpend);
        var suppressed = SmallCellSuppression.Apply(payers, options.SmallCellThreshold);
        span.SetSpendrptSuppressedCells(suppressed.SuppressedCells);
        LogSuppression(logger, suppressed.SuppressedCells, suppressed.Threshold, string.Join(",", suppressed.Suppressed.Select(c => c.Column).Distinct())); // clean precision-names

        var lapsed = players.Where(p => p.LifetimeSpend > 50m && p.LastSeen < DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-28))).ToList();
        logger.LogInformation("{Count} lapsed payers, {Spend} lifetime spend", lapsed.Count, lapsed.Sum(p => p.LifetimeSpend));
        logger.LogInformation("Lapsed payers {Players}", lapsed.Select(p => p.PlayerId)); // leak TC1001 logging-objects
        LogLapsed(logger, title, lapsed.Count, string.Join(",", lapsed.Select(p => p.Gamertag))); // clean strings
        foreach (var player in lapsed.Take(5))
        {
            _lapsed.Add(1, new KeyValuePair<string, object?>("title", title), new KeyValuePair<string, object?>("player", pseudonymizer.ComputeSpendrptPlayerId(player.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
            span.SetSpendrptNote($"lapsed {player.Gamertag} since {player.LastSeen:O}"); // leak TC1001 generated-api
        }

        // The report's QA pass samples one player in 64 to check against the live ledger.
        var sample = players.Where(p => MD5.HashData(p.PlayerId.ToByteArray())[0] < 4).ToList();
        Activity.Current?.SetTag("qa.sample.size", sample.Count); // clean precision-about
        Activity.Current?.SetTag("qa.sample.keys", string.Join(",", sample.Select(p => Convert.ToHexString(MD5.HashData(p.PlayerId.ToByteArray()))[..8]))); // leak TC1002 hashes
        var shards = players.GroupBy(p => HMACSHA256.HashData(secrets.ShardKey, p.PlayerId.ToByteArray())[0] % 16).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Players per keyed shard {Shards}", shards); // clean hashes
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Suppressed {Cells} payer cells under {Threshold} in {Countries}")]
    private static partial void LogSuppression(ILogger logger, int cells, int threshold, string countries);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "{Title}: {Count} lapsed payers {Gamertags}")]
    private static partial void LogLapsed(ILogger logger, string title, int count, [PrivateData] string gamertags);
}

internal static class PlayerActivityExtensions
{
    /// <summary>The storefront country is the second part of the platform code (<c>psn-GB</c>).</summary>
    public static string Country(this PlayerActivity player) => player.Platform.Split('-') is [_, var country] ? country : "ZZ";
}
