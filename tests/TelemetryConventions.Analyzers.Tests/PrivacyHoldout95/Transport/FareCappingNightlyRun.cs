namespace PrivacyHoldout95.Transport;

/// <summary>A card's taps for a service day, as the back office priced them during the day.</summary>
public sealed record CardDay(string CardNumber, DateOnly ServiceDay, string Zone, int Taps, decimal Charged);

/// <summary>A refund owed because a card went over its cap.</summary>
public sealed record CapRefund(string CardNumber, DateOnly ServiceDay, decimal Amount, string CapKind);

public interface ITapLedger
{
    /// <summary>Card days of a service day, ordered by card number, after <paramref name="afterCard"/>.</summary>
    Task<IReadOnlyList<CardDay>> CardDaysAsync(DateOnly serviceDay, string? afterCard, int take, CancellationToken cancellationToken = default);

    Task IssueRefundsAsync(IReadOnlyList<CapRefund> refunds, CancellationToken cancellationToken = default);
}

/// <summary>The refund ledger rejected a chunk; names the service day and the ledger's code.</summary>
public sealed class RefundLedgerException(DateOnly serviceDay, string code) : Exception($"Refund ledger rejected the chunk for {serviceDay:O}: {code}");

/// <summary>A card's taps do not add up (a tap-out with no tap-in the pricing engine missed); quotes the card.</summary>
public sealed class TapSequenceException(string cardNumber, int taps) : Exception($"Card {cardNumber} has an unpaired tap ({taps} taps)");

/// <summary>
/// The nightly fare capping run: after the service day closes, works through every card's day in chunks (restartable from
/// its checkpoint) and refunds what went over the daily cap. A revenue protection officer can re-run it for one card.
/// </summary>
public sealed class FareCappingNightlyRun(ITapLedger ledger, ICheckpointStore checkpoints, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IOptions<JobOptions> options, Meter meter, ILogger<FareCappingNightlyRun> logger)
{
    private const string JobName = "fare-capping";
    private const decimal DailyCap = 8.10m;
    private static readonly ActivitySource Source = new("Transit.Revenue.Batch");
    private readonly FleetjobsJobsCompletedCounter _completed = meter.CreateFleetjobsJobsCompletedCounter();
    private readonly Histogram<double> _refundAmounts = meter.CreateHistogram<double>("fleetjobs.refund.amount", "GBP");

    public async Task<JobExecution> RunAsync(DateOnly serviceDay, string? singleCard, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string> { ["run.date"] = serviceDay.ToString("O"), ["network"] = "metro" };
        if (singleCard is not null)
        {
            values["card"] = singleCard;
        }
        var execution = new JobExecution(DateTime.UtcNow.Ticks, JobName, new JobParameters(values)) { StartTime = DateTimeOffset.UtcNow };
        using var span = Source.StartFleetjobsJobRun(JobName).SetFleetjobsJobId(execution.Id.ToString(CultureInfo.InvariantCulture));
        if (singleCard is null)
        {
            logger.LogInformation("Starting {Execution}", execution); // clean logging-objects
        }
        else
        {
            logger.LogInformation("Starting single-card re-run {Execution}", execution); // leak TC1001 logging-objects
            span.SetFleetjobsRiderId(pseudonymizer.PseudonymizeFleetjobsRiderId(singleCard)); // clean precision-pseudonym
        }

        var partition = singleCard is null ? "all" : Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(singleCard)))[..8];
        span.Activity?.SetTag("fleetjobs.partition", partition); // clean hashes
        var checkpoint = await checkpoints.LoadAsync(JobName, $"{serviceDay:O}/{partition}", cancellationToken);
        logger.LogDebug("Checkpoint partition {Partition}", $"{JobName}/{serviceDay:O}/{partition}"); // clean strings
        if (checkpoint is not null)
        {
            logger.LogInformation("Resuming after card {LastCard}, {Processed} processed", checkpoint.LastKey, checkpoint.Processed); // leak TC1001 direct
        }

        var after = checkpoint?.LastKey;
        var refunded = 0m;
        while (true)
        {
            var chunk = await ledger.CardDaysAsync(serviceDay, after, options.Value.BatchSize, cancellationToken);
            var days = singleCard is null ? chunk : chunk.Where(d => d.CardNumber == singleCard).ToList();
            if (chunk.Count == 0)
            {
                break;
            }
            var refunds = new List<CapRefund>();
            foreach (var day in days)
            {
                if (day.Taps % 2 == 1 && day.Zone == "Z1")
                {
                    var ex = new TapSequenceException(day.CardNumber, day.Taps);
                    span.Activity?.AddEvent(new ActivityEvent("fleetjobs.card.anomaly", tags: new ActivityTagsCollection { ["exception.type"] = nameof(TapSequenceException), ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                    continue;
                }
                if (day.Charged > DailyCap)
                {
                    refunds.Add(new CapRefund(day.CardNumber, serviceDay, day.Charged - DailyCap, "daily"));
                    _refundAmounts.Record((double)(day.Charged - DailyCap), new KeyValuePair<string, object?>("fleetjobs.zone", day.Zone)); // clean precision-about
                }
            }
            try
            {
                await ledger.IssueRefundsAsync(refunds, cancellationToken);
            }
            catch (RefundLedgerException ex)
            {
                span.RecordException(ex, includeMessage: true).SetFleetjobsOutcome("ledger_rejected"); // clean exceptions
                logger.LogError(ex, "Refund chunk rejected; {Refunds}", refunds); // leak TC1001 logging-objects
                throw;
            }
            refunded += refunds.Sum(r => r.Amount);
            span.SetFleetjobsBatchSize(chunk.Count);
            span.Activity?.SetTag("fleetjobs.chunk.refund_cards", string.Join(",", refunds.Select(r => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r.CardNumber)))[..12]))); // leak TC1002 hashes
            after = chunk[^1].CardNumber;
            await checkpoints.SaveAsync(new Checkpoint(JobName, $"{serviceDay:O}/{partition}", after, DateTimeOffset.UtcNow, (checkpoint?.Processed ?? 0) + chunk.Count), cancellationToken);
        }

        execution.Status = BatchStatus.Completed;
        execution.ExitCode = "COMPLETED";
        span.SetFleetjobsOutcome("succeeded").SetFleetjobsNote($"refunded {refunded:0.00} GBP for {serviceDay:O}"); // clean generated-api
        _completed.Add(1, JobName, "revenue", "succeeded");
        return execution;
    }
}
