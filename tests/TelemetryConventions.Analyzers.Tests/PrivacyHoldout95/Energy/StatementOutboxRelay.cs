namespace PrivacyHoldout95.Energy;

/// <summary>
/// Relays the billing outbox: <c>BillReady</c> rows go to <c>billing.statements</c>, keyed by account number so that a
/// household's statements stay in order. Failed rows are retried with back-off, then dead-lettered.
/// </summary>
public sealed class StatementOutboxRelay(
    IOutboxStore outbox,
    IDeadLetterStore deadLetters,
    IMessageBroker broker,
    Pseudonymizer pseudonymizer,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<StatementOutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supply.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = await outbox.FetchUnprocessedAsync(options.Value.BatchSize, time.GetUtcNow(), stoppingToken);
            if (batch.Count == 0)
            {
                continue;
            }
            var oldest = batch.Min(m => m.OccurredOnUtc);
            logger.LogInformation("Relaying {Count} statements, oldest {Lag} behind", batch.Count, time.GetUtcNow() - oldest); // clean precision-about
            logger.LogDebug("Batch keys {Keys}", string.Join(",", batch.Select(m => m.PartitionKey))); // leak TC1001 strings
            foreach (var message in batch)
            {
                using var span = Source.StartMeterjobsOutboxDispatch(message.Type) // clean precision-names
                    .SetMeterjobsJobAttempt(message.Attempts + 1)
                    .SetMeterjobsJobKey(message.PartitionKey!); // leak TC1001 generated-api
                span.SetMeterjobsHouseholdId(pseudonymizer.PseudonymizeMeterjobsHouseholdId(message.PartitionKey!)); // clean precision-pseudonym
                OpenTelemetry.Baggage.SetBaggage("meterjobs.household.id", pseudonymizer.ComputeMeterjobsHouseholdId(message.PartitionKey!)); // clean precision-pseudonym
                try
                {
                    await broker.PublishAsync(message.Destination, message.PartitionKey, message.Content, cancellationToken: stoppingToken);
                    await outbox.MarkProcessedAsync(message.Id, time.GetUtcNow(), stoppingToken);
                    span.SetMeterjobsOutcome("published");
                }
                catch (BrokerUnavailableException ex)
                {
                    span.RecordException(ex).SetMeterjobsOutcome("retrying");
                    if (message.Attempts + 1 >= options.Value.MaxAttempts)
                    {
                        await deadLetters.AddAsync(new DeadLetter(message.Id, "billing-outbox", message.Type, message.Content, DeadLetterReason.MaxAttemptsExceeded, message.Attempts + 1, time.GetUtcNow()) { PartitionKey = message.PartitionKey, ErrorMessage = ex.Message }, stoppingToken);
                        await outbox.DeleteAsync(message.Id, stoppingToken);
                        logger.LogMeterjobsJobDeadLetteredEvent("statement-relay", "dead_lettered", message.Attempts + 1, pseudonymizer.PseudonymizeMeterjobsHouseholdId(message.PartitionKey!), ex.Status); // clean generated-api
                        logger.LogError("Statement {MessageId} for account {Account} dead-lettered", message.Id, message.PartitionKey); // leak TC1001 direct
                        continue;
                    }
                    await outbox.MarkFailedAsync(message.Id, ex.Message, time.GetUtcNow() + Backoff.Exponential(message.Attempts + 1, options.Value.BaseDelay, options.Value.MaxDelay), stoppingToken);
                }
            }
        }
    }
}

/// <summary>A command for a household's smart meter (tariff switch, prepay top-up, firmware), queued for the head-end system.</summary>
public sealed record MeterCommand(Guid CommandId, string MeterSerial, string AccountNumber, string Kind, DateTimeOffset QueuedAt);

public interface IHeadEndSystem
{
    Task<string> SendAsync(MeterCommand command, CancellationToken cancellationToken = default);
}

/// <summary>The head-end's refusal; carries its response code and the device it addressed (the meter serial).</summary>
public sealed class HeadEndRejectedException(string responseCode, string deviceId) : Exception($"Head-end rejected command for device {deviceId}: {responseCode}")
{
    public string ResponseCode { get; } = responseCode;
}

/// <summary>Drains the meter command channel with a bounded number of workers.</summary>
public sealed class MeterCommandWorker(Channel<MeterCommand> commands, IHeadEndSystem headEnd, Pseudonymizer pseudonymizer, Meter meter, ILogger<MeterCommandWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supply.HeadEnd");
    private readonly Counter<long> _rejections = meter.CreateCounter<long>("meterjobs.headend.rejections", "{command}");
    private string? _lastKind;

    /// <summary>Read by the worker's health check.</summary>
    public void ReportProgress() => logger.LogDebug("Head-end worker: last command kind {Kind}, {Backlog} queued", _lastKind, commands.Reader.Count); // clean cross-member

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var command in commands.Reader.ReadAllAsync(stoppingToken))
        {
            using var span = Source.StartMeterjobsJobRun("meter-command").SetMeterjobsJobId(command.CommandId.ToString("N"));
            span.Activity?.SetTag("meterjobs.command.kind", command.Kind); // clean precision-names
            _lastKind = command.Kind;
            span.Activity?.SetTag("meterjobs.meter.serial", command.MeterSerial); // leak TC1001 direct
            span.Activity?.SetTag("meterjobs.meter.model", command.MeterSerial[..3]); // clean precision-about
            span.Activity?.SetTag("meterjobs.queue.wait_ms", (DateTimeOffset.UtcNow - command.QueuedAt).TotalMilliseconds); // clean precision-about
            try
            {
                var correlation = await headEnd.SendAsync(command, stoppingToken);
                logger.LogInformation("Command {CommandId} accepted as {Correlation}", command.CommandId, correlation);
            }
            catch (HeadEndRejectedException ex)
            {
                span.RecordException(ex, includeMessage: true).SetMeterjobsOutcome("rejected"); // leak TC1001 exceptions
                _rejections.Add(1, new KeyValuePair<string, object?>("meterjobs.headend.code", ex.ResponseCode), new("meterjobs.household.id", pseudonymizer.ComputeMeterjobsHouseholdId(command.AccountNumber))); // leak TC1003 precision-pseudonym
                logger.LogWarning("Command {Kind} rejected with {Code}", command.Kind, ex.ResponseCode); // clean exceptions
            }
        }
    }
}
