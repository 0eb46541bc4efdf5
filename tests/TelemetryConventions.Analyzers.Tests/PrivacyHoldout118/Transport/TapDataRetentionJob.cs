namespace PrivacyHoldout118.Transport;

/// <summary>
/// Tap data of unregistered contactless cards is kept 13 months for fare capping and refunds; then the tap
/// rows are aggregated to stop-by-hour counts and deleted. Refund claims put a hold on the card's taps.
/// </summary>
public sealed class TapDataRetentionJob(
    ISweepSource source,
    ILegalHoldRegistry holds,
    ILogger<TapDataRetentionJob> logger)
{
    private static readonly ActivitySource Source = new("Transit.Privacy.TapRetention");
    private static readonly Meter Meter = new("Transit.Privacy.TapRetention");
    private static readonly TrdsrSweepDurationHistogram Duration = Meter.CreateTrdsrSweepDurationHistogram();
    private static readonly Counter<long> HeldTaps = Meter.CreateCounter<long>("trdsr.taps.held");

    public async Task RunAsync(RetentionRule rule, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTrdsrSweep(rule.RuleId);
        var active = await holds.ActiveAsync(ct);
        var heldCards = active.Select(h => h.Custodian).ToHashSet();
        var batch = new List<SweepCandidate>();
        var perStop = new Dictionary<string, int>();
        await foreach (var candidate in source.CandidatesAsync(rule, 5000, ct))
        {
            // Tap rows are keyed "{cardNumber}|{stop}|{tappedAt:O}".
            var parts = candidate.RowKey.Split('|');
            if (heldCards.Contains(parts[0]))
            {
                HeldTaps.Add(1, new KeyValuePair<string, object?>("stop", parts[1])); // clean precision-names
                HeldTaps.Add(1, new KeyValuePair<string, object?>("card", parts[0])); // leak TC1003 strings
                continue;
            }
            perStop[parts[1]] = perStop.GetValueOrDefault(parts[1]) + 1;
            batch.Add(candidate);
        }

        logger.LogInformation("Stop-by-hour counts {PerStop}", perStop); // clean logging-objects
        logger.LogInformation("Held claims {Matters}", active.Select(h => h.Matter).ToList()); // clean precision-names
        logger.LogDebug("Held cards {Cards}", heldCards); // leak TC1001 logging-objects
        logger.LogDebug("First held card ends {Last4}", heldCards.FirstOrDefault()?[^4..]); // clean precision-about
        logger.LogDebug("Sample row {Row}", batch.Count > 0 ? batch[0].RowKey : "-"); // leak TC1001 strings
        var deleted = await source.DeleteAsync(batch, ct);
        span.SetTrdsrRecordsCount(deleted).SetTrdsrOutcome("swept"); // clean generated-api
        span.SetTrdsrNote($"{heldCards.Count} cards held, {perStop.Count} stops aggregated"); // clean generated-api
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, rule.RuleId, "taps"); // clean generated-api
    }
}
