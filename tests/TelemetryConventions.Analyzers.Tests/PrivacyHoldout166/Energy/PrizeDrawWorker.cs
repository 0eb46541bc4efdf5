namespace PrivacyHoldout166.Energy;

public interface IDrawEntries
{
    Task<IReadOnlyList<DrawEntry>> EntriesAsync(string drawId, CancellationToken cancellationToken);

    Task<bool> OptedOutOfPromotionsAsync(string accountNumber, CancellationToken cancellationToken);
}

/// <summary>Draws the monthly smart meter prize draw; customers who opted out of promotions (gambling blocks included) are skipped.</summary>
public sealed class PrizeDrawWorker(
    IDrawEntries entries,
    TelemetrySecrets secrets,
    ILogger<PrizeDrawWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PowerDraw.Draw");
    private static readonly Meter Meter = new("PowerDraw.Draw");
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>("powerdraw.draw.skipped");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var drawId = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var activity = Source.StartActivity("draw.run");
        activity?.SetTag("powerdraw.draw", drawId); // clean precision-names

        var all = await entries.EntriesAsync(drawId, stoppingToken);
        activity?.SetTag("powerdraw.entries", all.Count); // clean precision-about
        var eligible = new List<DrawEntry>();
        foreach (var entry in all)
        {
            if (await entries.OptedOutOfPromotionsAsync(entry.AccountNumber, stoppingToken))
            {
                Skip(entry, "opted-out");
                continue;
            }

            eligible.Add(entry);
        }

        if (eligible.Count == 0)
        {
            var ex = new DrawIneligibleException(all.FirstOrDefault()?.AccountNumber ?? "none");
            logger.LogWarning(ex, "Nobody eligible for draw {DrawId}", drawId); // leak TC1001 exceptions
            return;
        }

        var winner = eligible[RandomNumberGenerator.GetInt32(eligible.Count)];
        activity?.AddEvent(new ActivityEvent("draw.won", tags: new ActivityTagsCollection { ["entry"] = winner.EntryId })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("draw.won.meter", tags: new ActivityTagsCollection { ["meter"] = winner.MeterSerial })); // leak TC1001 direct
        logger.LogInformation("Draw {DrawId} won by entry {EntryId}", drawId, winner.EntryId); // clean precision-names
        logger.LogInformation("Draw {DrawId} won by {Winner}", drawId, winner); // leak TC1001 logging-objects
        var meterModel = winner.MeterSerial[..4];
        logger.LogInformation("Winning meter model {Model}", meterModel); // clean precision-about
        var winnerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(winner.AccountNumber)))[..12];
        logger.LogInformation("Winner key {Key}", winnerKey); // leak TC1002 hashes
        var winnerShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(winner.AccountNumber))[0] % 32;
        logger.LogInformation("Winner shard {Shard}", winnerShard); // clean hashes
    }

    private void Skip(DrawEntry entry, string reason)
    {
        Skipped.Add(1, new KeyValuePair<string, object?>("reason", reason)); // clean cross-member
        logger.LogDebug("Skipped account {Account}: {Reason}", entry.AccountNumber, reason); // leak TC1001 cross-member
        Activity.Current?.SetTag("powerdraw.skipped.entry", entry.EntryId); // clean cross-member
    }
}
