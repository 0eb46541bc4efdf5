namespace PrivacyHoldout91.Media;

/// <summary>A play of a title, as the report's data set holds it.</summary>
public sealed record TitlePlay(string TitleId, string Genre, string Territory, Guid SubscriberId, Guid ProfileId, string ProfileName, int Minutes, bool Completed);

/// <summary>
/// The content team's weekly title performance report: the top titles, completion by territory and genre
/// with small cells suppressed, and the "superfans" sheet the marketing team asked for; its result is
/// cached by title and week.
/// </summary>
public sealed class ContentPerformanceReport(
    IReportDataSource data,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ReportingOptions options,
    ILogger<ContentPerformanceReport> logger)
{
    private readonly Histogram<double> _completion = meter.CreateHistogram<double>("viewrpt.title.completion", "1");

    public async Task BuildAsync(string week, CancellationToken cancellationToken)
    {
        using var span = source.StartViewrptRender("rpt-title-performance", "xlsx");
        var table = await data.QueryAsync(new ReportQuery("title-plays", "SELECT title_id, genre, territory, subscriber_id, profile_id, profile_name, minutes, completed FROM plays_weekly WHERE week = @week", options.CommandTimeout) { Parameters = { ["@week"] = week } }, cancellationToken);
        var plays = table.Rows.Select(r => new TitlePlay((string)r[0]!, (string)r[1]!, (string)r[2]!, (Guid)r[3]!, (Guid)r[4]!, (string)r[5]!, (int)r[6]!, (bool)r[7]!)).ToList();
        span.SetViewrptRowCount(plays.Count).SetViewrptDataset("ds-plays-weekly");

        var topTitles = plays.GroupBy(p => p.TitleId).OrderByDescending(g => g.Sum(p => p.Minutes)).Take(options.TopN).ToList();
        logger.LogInformation("Top titles {Titles}", string.Join(",", topTitles.Select(g => g.Key))); // clean precision-names
        span.SetViewrptTitle(topTitles[0].Key); // clean precision-names
        foreach (var title in topTitles)
        {
            _completion.Record(title.Average(p => p.Completed ? 1.0 : 0.0), new KeyValuePair<string, object?>("title", title.Key), new KeyValuePair<string, object?>("week", week)); // clean precision-names
        }

        var byTerritory = PivotTable.Build(plays, "territory", p => p.Territory, "genre", p => p.Genre, p => p.Minutes);
        var suppressed = SmallCellSuppression.Apply(byTerritory, options.SmallCellThreshold);
        logger.LogInformation("Territory by genre: {Cells} cells, {Suppressed} suppressed under {Threshold}", byTerritory.Cells.Count, suppressed.SuppressedCells, suppressed.Threshold);

        // Superfans: profiles that watched the most of this week's top title.
        var superfans = topTitles[0].GroupBy(p => p.ProfileId).OrderByDescending(g => g.Sum(p => p.Minutes)).Take(20).Select(g => g.First()).ToList();
        logger.LogInformation("Superfans of {Title}: {Profiles}", topTitles[0].Key, superfans.Select(s => s.ProfileName)); // leak TC1001 logging-objects
        logger.LogInformation("Superfans of {Title}: {Count}, from {Territories} territories", topTitles[0].Key, superfans.Count, superfans.Select(s => s.Territory).Distinct().Count()); // clean precision-about
        Activity.Current?.SetTag("report.superfan.top", superfans[0].SubscriberId); // leak TC1001 direct
        Activity.Current?.SetTag("report.superfan.refs", string.Join(",", superfans.Select(s => pseudonymizer.ComputeViewrptSubscriberId(s.SubscriberId.ToString())))); // clean precision-pseudonym

        var binge = plays.GroupBy(p => p.ProfileId).Where(g => g.Sum(p => p.Minutes) > 1_200).ToDictionary(g => g.Key, g => g.Sum(p => p.Minutes));
        logger.LogInformation("Binge watchers this week {Binge}", binge); // leak TC1001 logging-objects
        logger.LogInformation("Binge watchers this week: {Count}, longest {Minutes} min", binge.Count, binge.Values.DefaultIfEmpty().Max());

        var cacheKey = $"title-perf:{topTitles[0].Key}:{week}";
        Activity.Current?.SetTag("report.cache.key", cacheKey); // clean precision-names
        var profileBuckets = binge.Keys.Select(k => k.GetHashCode() & 0xF).Distinct().Count();
        Activity.Current?.SetTag("report.binge.buckets", profileBuckets); // clean precision-about
        Activity.Current?.SetTag("report.binge.sample", binge.Keys.Select(k => Convert.ToHexString(SHA256.HashData(k.ToByteArray()))[..12]).FirstOrDefault()); // leak TC1002 hashes
        Activity.Current?.SetTag("report.binge.shard", binge.Keys.Select(k => HMACSHA256.HashData(secrets.ShardKey, k.ToByteArray())[0] % 32).FirstOrDefault()); // clean hashes
    }
}
