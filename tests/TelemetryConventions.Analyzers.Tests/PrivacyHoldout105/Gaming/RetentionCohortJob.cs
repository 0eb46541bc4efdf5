namespace PrivacyHoldout105.Gaming;

public interface IPlayerProfiles
{
    Task<AudienceMember?> FindAsync(string playerId, CancellationToken ct);
}

/// <summary>
/// Weekly retention by install cohort and platform, and the win-back audience of lapsed payers synced to the
/// messaging tool. The warehouse and the messaging tool's API are not telemetry.
/// </summary>
public sealed class RetentionCohortJob(
    IFunnelQuery query,
    IPlayerProfiles profiles,
    IDestinationClient messaging,
    ActivitySource source,
    Meter meter,
    ILogger<RetentionCohortJob> logger)
{
    private readonly Histogram<double> _day7 = meter.CreateHistogram<double>("game.retention.d7", "1");

    public async Task RunAsync(string platform, DateOnly weekOf, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartGameclickSync("warehouse").SetGameclickCohort($"install:{weekOf:yyyy-MM-dd}"); // clean generated-api
        var rows = await query.RetentionAsync($"install_week:{platform}", weekOf.AddDays(-70), 10, ct);
        foreach (var row in rows)
        {
            logger.LogInformation("Install cohort {Cohort}: {Size} players, D7 {D7:P1}", row.Cohort, row.Size, row.Retention.ElementAtOrDefault(1)); // clean precision-about
            logger.LogDebug("Cohort {Row}", row); // clean logging-objects
            _day7.Record(row.Retention.ElementAtOrDefault(1), new KeyValuePair<string, object?>("cohort", row.Cohort), new KeyValuePair<string, object?>("platform", platform)); // clean precision-about
        }

        var lapsed = await query.MembersAsync("lapsed-payers-30d", ct);
        logger.LogInformation("Lapsed payers: {Count}", lapsed.Count); // clean precision-about
        logger.LogInformation("Lapsed payers {Players}", string.Join(", ", lapsed.Take(20))); // leak TC1001 strings
        span.SetGameclickNote($"lapsed payers: {lapsed.Count}"); // clean generated-api

        var members = new List<AudienceMember>();
        foreach (var playerId in lapsed)
        {
            if (await profiles.FindAsync(playerId, ct) is { } member)
            {
                members.Add(member);
            }
        }
        if (members.Count == 0)
        {
            return;
        }

        logger.LogDebug("Win-back member {Member}", members[0]); // leak TC1001 logging-objects
        Activity.Current?.SetTag("game.winback.first", members[0].ExternalId); // leak TC1001 cross-member
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(members[0].ExternalId)))[..12];
        logger.LogDebug("Win-back dedupe key {Key}", dedupe); // leak TC1002 hashes
        var batch = new SyncBatch(Guid.NewGuid(), messaging.Name, "winback-lapsed-payers", members, Removal: false);
        logger.LogInformation("Win-back batch {BatchId} to {Destination} with {Count}", batch.BatchId, batch.Destination, batch.Members.Count); // clean precision-names
        try
        {
            var result = await messaging.UpsertAsync(batch, ct);
            span.SetGameclickBatchSize(result.Accepted); // clean generated-api
            meter.CreateGameclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, messaging.Name, gameclickOutcome: "synced"); // clean generated-api
        }
        catch (DestinationException ex) when (ex.IsRateLimited)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            meter.CreateGameclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, messaging.Name, gameclickOutcome: "rate_limited"); // clean generated-api
        }
    }
}
