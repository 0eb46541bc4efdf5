namespace PrivacyHoldout84.Energy;

/// <summary>A failed direct debit as the payments team publishes it, keyed by the energy account number.</summary>
public sealed record DirectDebitFailed(string AccountNumber, string InvoiceNumber, string CustomerId, long Amount, string ReturnCode, string ReturnReason, string? PayerName, int Attempt);

/// <summary>Consumes returned direct debits (ARUDD) and schedules re-presentations.</summary>
public sealed class DirectDebitRetryConsumer(
    ILogger<DirectDebitRetryConsumer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IConsumer<string, DirectDebitFailed> consumer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly RetrySchedule Representation = new([TimeSpan.FromDays(4), TimeSpan.FromDays(10)], "move_to_collections");

    private readonly Counter<long> _returns = meter.CreateCounter<long>("tariff.direct_debit.returns");
    private readonly Histogram<int> _attempts = meter.CreateHistogram<int>("tariff.direct_debit.attempts");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            Handle(result);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, DirectDebitFailed> result)
    {
        var failed = result.Message.Value;
        using var scope = logger.BeginScope("{Topic}/{Partition}@{Offset}", result.Topic, result.Partition, result.Offset); // clean precision-about
        Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
        Activity.Current?.SetTag("dd.return_code", failed.ReturnCode); // clean precision-about
        Activity.Current?.SetTag("dd.invoice", failed.InvoiceNumber);

        _returns.Add(1, new KeyValuePair<string, object?>("return_code", failed.ReturnCode), new KeyValuePair<string, object?>("attempt", failed.Attempt)); // clean precision-about
        _attempts.Record(failed.Attempt, new KeyValuePair<string, object?>("account", failed.AccountNumber)); // leak TC1003 direct
        _attempts.Record(failed.Attempt, new KeyValuePair<string, object?>("account_shard", KeyedShard.Of(secrets.ShardKey, failed.AccountNumber, 32))); // clean hashes

        var delay = Representation.DelayAfter(failed.Attempt);
        if (delay is null)
        {
            logger.LogWarning("Debit for invoice {Invoice} exhausted ({Final}) after {Attempts} attempts", failed.InvoiceNumber, Representation.FinalAction, failed.Attempt); // clean precision-about
            logger.LogTariffsubPaymentFailedEvent(failed.ReturnCode, failed.Attempt, tariffsubCustomerId: pseudonymizer.PseudonymizeTariffsubCustomerId(failed.CustomerId), tariffsubNote: failed.ReturnReason); // clean generated-api
            logger.LogTariffsubPaymentFailedEvent(failed.ReturnCode, failed.Attempt, tariffsubNote: $"payer {failed.PayerName} asked to cancel the mandate"); // leak TC1001 generated-api
            return;
        }

        logger.LogInformation("Re-presenting {Amount} for {Payload} in {Delay}", failed.Amount, failed, delay); // leak TC1001 logging-objects
        Activity.Current?.SetTag("dd.representation", $"{failed.AccountNumber}/{failed.Attempt + 1}"); // leak TC1001 strings
        Activity.Current?.SetTag("dd.representation.due", DateTimeOffset.UtcNow.Add(delay.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        var legacyBucket = failed.AccountNumber.GetHashCode() & 0x7;
        logger.LogDebug("Retry bucket {Bucket}", legacyBucket); // leak TC1002 hashes
    }
}
