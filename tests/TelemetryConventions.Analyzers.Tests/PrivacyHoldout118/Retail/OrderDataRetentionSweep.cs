namespace PrivacyHoldout118.Retail;

/// <summary>
/// Orders are kept seven years for accounting, but the delivery address, phone and email on them go after
/// two: the sweep blanks them and keeps the postcode district for demand planning.
/// </summary>
public sealed class OrderDataRetentionSweep(
    ISweepSource source,
    ILegalHoldRegistry holds,
    ILogger<OrderDataRetentionSweep> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.Privacy.Retention");
    private static readonly Meter Meter = new("Shop.Privacy.Retention");
    private static readonly RtdsrSweepDurationHistogram Duration = Meter.CreateRtdsrSweepDurationHistogram();
    private static readonly Counter<long> Blanked = Meter.CreateCounter<long>("rtdsr.orders.blanked");

    private static readonly RetentionRule DeliveryContacts = new("ret-delivery-contacts", "order-contact", TimeSpan.FromDays(730), "delivered", "contract");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartRtdsrSweep(DeliveryContacts.RuleId);
        var active = await holds.ActiveAsync(stoppingToken);
        span.Activity?.SetTag("rtdsr.holds.matters", string.Join(",", active.Select(h => h.Matter))); // clean precision-names
        logger.LogInformation("Holds {Holds}", active.Select(h => new { h.HoldId, h.Matter, h.PlacedAt })); // clean logging-objects
        logger.LogInformation("Holds {Holds}", active.Select(h => new { h.HoldId, h.Custodian })); // leak TC1001 logging-objects
        logger.LogDebug("Custodians on hold {Custodians}", string.Join(",", active.Select(h => h.Custodian))); // leak TC1001 strings

        var batch = new List<SweepCandidate>();
        await foreach (var candidate in source.CandidatesAsync(DeliveryContacts, 500, stoppingToken))
        {
            // Order rows are keyed by order number.
            batch.Add(candidate);
        }

        var blanked = await source.AnonymiseAsync(batch, stoppingToken);
        Blanked.Add(blanked, new KeyValuePair<string, object?>("rule", DeliveryContacts.RuleId)); // clean precision-names
        logger.LogInformation("Blanked contacts on orders {Orders}", string.Join(",", batch.Take(50).Select(c => c.RowKey))); // clean precision-names
        logger.LogDebug("First candidate {Candidate}", batch.FirstOrDefault()); // clean logging-objects
        span.SetRtdsrRecordsCount(blanked).SetRtdsrOutcome("swept"); // clean generated-api
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, DeliveryContacts.RuleId, "orders"); // clean generated-api
    }
}
