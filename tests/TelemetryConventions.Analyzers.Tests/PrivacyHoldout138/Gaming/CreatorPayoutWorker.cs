namespace PrivacyHoldout138.Gaming;

/// <summary>A creator in the programme: id, channel handle, creator code and the tier they earn at.</summary>
public sealed record ProgrammeCreator(string CreatorId, string ChannelHandle, string CreatorCode, string Tier, string PayoutEmail);

public sealed record CreatorEarning(string CreatorId, decimal Revenue, int Purchases, string Month);

public interface ICreatorLedger
{
    Task<IReadOnlyList<CreatorEarning>> EarningsForAsync(string month, CancellationToken cancellationToken);

    Task<ProgrammeCreator> CreatorAsync(string creatorId, CancellationToken cancellationToken);
}

public sealed class CreatorPayoutWorker(
    ICreatorLedger ledger,
    IPayoutClient payouts,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CreatorPayoutWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.CreatorPayouts");
    private readonly Histogram<double> _payoutAmounts = meter.CreateHistogram<double>("creator.payout.amount", "USD");
    private string? _lastRejectedHandle;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var span = Source.StartCreatorpayPayout($"creators-{month}").SetCreatorpayProgramme("support-a-creator"); // clean precision-names
        var started = Stopwatch.GetTimestamp();
        var earnings = await ledger.EarningsForAsync(month, stoppingToken);
        span.SetCreatorpayItemCount(earnings.Count).SetCreatorpayAmount((double)earnings.Sum(e => e.Revenue)); // clean precision-about

        var lines = new List<PayoutLine>();
        foreach (var earning in earnings)
        {
            var creator = await ledger.CreatorAsync(earning.CreatorId, stoppingToken);
            var share = earning.Revenue * (creator.Tier == "partner" ? 0.07m : 0.05m);
            lines.Add(new PayoutLine(creator.CreatorId, share, "USD", month));
            _payoutAmounts.Record((double)share, new KeyValuePair<string, object?>("tier", creator.Tier)); // clean precision-names
            _payoutAmounts.Record((double)share, new KeyValuePair<string, object?>("creator_code", creator.CreatorCode)); // leak TC1003 direct
            logger.LogDebug("Creator {CreatorId} earns {Share} from {Purchases} purchases", creator.CreatorId, share, earning.Purchases); // leak TC1001 direct
            using (logger.BeginScope(new Dictionary<string, object> { ["Creator"] = pseudonymizer.ComputeCreatorpayCreatorId(creator.CreatorId) })) // clean precision-pseudonym
            {
                logger.LogDebug("Tier {Tier} applied", creator.Tier); // clean precision-names
            }
        }

        var batch = new PayoutBatch($"creators-{month}", month, lines, lines.Sum(l => l.Amount));
        logger.LogInformation("Submitting {Batch}", batch); // clean logging-objects

        try
        {
            var result = await payouts.SubmitAsync(batch, stoppingToken);
            span.SetCreatorpayOutcome(result.Rejected == 0 ? "ok" : "partial"); // clean precision-about
            meter.CreateCreatorpayPayoutCompletedCounter().Add(result.Accepted, "support-a-creator", creatorpayOutcome: "ok"); // clean generated-api
        }
        catch (PayoutRejectedException ex)
        {
            var creator = await ledger.CreatorAsync(ex.PayeeId, stoppingToken);
            _lastRejectedHandle = creator.ChannelHandle;
            logger.LogError("Payout rejected: {Reason}", ex.Reason); // clean exceptions
            logger.LogError("Payout rejected: {Error}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddCreatorpayPayoutFailedEvent($"creators-{month}", ex.Reason, creatorpayCreatorId: pseudonymizer.PseudonymizeCreatorpayCreatorId(ex.PayeeId)); // clean generated-api
            meter.CreateCreatorpayPayoutCompletedCounter().Add(1, "support-a-creator", creatorpayOutcome: $"rejected:{ex.PayeeId}"); // leak TC1003 generated-api
        }
        catch (PayoutApiException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        finally
        {
            meter.CreateCreatorpayPayoutDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "support-a-creator"); // clean generated-api
        }
    }

    public void Escalate()
    {
        if (_lastRejectedHandle is not null)
        {
            Activity.Current?.SetTag("creator.escalation.handle", _lastRejectedHandle); // leak TC1001 cross-member
            Activity.Current?.SetTag("creator.escalation.handle_length", _lastRejectedHandle.Length); // clean precision-about
            var cohort = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(_lastRejectedHandle))) % 10;
            Activity.Current?.SetTag("creator.escalation.cohort", cohort); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastRejectedHandle))[0] % 32;
            Activity.Current?.SetTag("creator.escalation.shard", shard); // clean hashes
        }
    }
}
