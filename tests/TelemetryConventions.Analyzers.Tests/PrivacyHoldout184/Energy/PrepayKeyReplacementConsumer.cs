namespace PrivacyHoldout184.Energy;

/// <summary>Replaces lost and stolen prepayment keys: the old key is put on the meter's blocking list and a new one posted. The topic is keyed by account number.</summary>
public sealed partial class PrepayKeyReplacementConsumer(IConsumer<string, PrepayKeyReplacement> consumer, IBlockingList blockingList, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PrepayKeyReplacementConsumer> logger, PropertyOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.PrepayKeys");
    private static readonly Meter Meter = new("Supplier.PrepayKeys");
    private static readonly Counter<long> KeysBlocked = Meter.CreateCounter<long>("prepaykeys.blocked");
    private readonly PrepaykeysOperationsCounter _operations = Meter.CreatePrepaykeysOperationsCounter();
    private readonly PrepaykeysOperationDurationHistogram _duration = Meter.CreatePrepaykeysOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null) continue;
            var started = Stopwatch.GetTimestamp();
            var request = result.Message.Value;
            using var span = Source.StartPrepaykeysOperation(request.Depot);
            span.Activity?.SetTag("messaging.destination.name", result.Topic); // clean direct
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean direct
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("prepaykeys.request.id", request.RequestId); // clean direct
            span.Activity?.SetTag("prepaykeys.reason", request.Reason); // clean direct
            span.Activity?.SetTag("prepaykeys.key.serial", request.KeySerial); // leak TC1001 direct
            span.Activity?.SetTag("prepaykeys.meter.serial", request.MeterSerial); // leak TC1001 direct
            span.Activity?.SetTag("prepaykeys.meter.model", request.MeterSerial[..3]); // clean precision-about
            span.Activity?.SetTag("prepaykeys.key.serial_length", request.KeySerial.Length); // clean precision-about
            span.Activity?.SetTag("prepaykeys.account_type", "prepayment"); // clean precision-names
            span.SetPrepaykeysOwnerId(pseudonymizer.PseudonymizePrepaykeysOwnerId(request.AccountNumber)); // clean precision-pseudonym
            span.SetPrepaykeysItemCategory("prepay-key"); // clean precision-names
            span.SetPrepaykeysNote($"key for meter {request.MeterSerial}"); // leak TC1001 generated-api
            span.SetPrepaykeysNote($"depot {request.Depot}, reason {request.Reason}"); // clean generated-api
            using var scope = logger.BeginScope("Account {AccountNumber}", request.AccountNumber); // leak TC1001 direct
            using var depotScope = logger.BeginScope("Depot {Depot}", request.Depot); // clean direct

            KeyReplaced(logger, request.RequestId, request.AccountNumber, request.KeySerial); // clean logging-objects
            KeyBlockedPlain(logger, request.RequestId, request.KeySerial); // leak TC1001 logging-objects
            logger.LogInformation("Replacement {Request}", request); // leak TC1001 logging-objects
            logger.LogInformation("Replacement {Request}", request with { AccountNumber = "", KeySerial = "", MeterSerial = "" }); // clean logging-objects
            logger.LogInformation("Replacement {Request}", request with { KeySerial = "" }); // leak TC1001 logging-objects

            try
            {
                await blockingList.BlockAsync(new BlockRequest(request.RequestId, request.KeySerial, "prepay", request.Reason), stoppingToken);
                KeysBlocked.Add(1, new KeyValuePair<string, object?>("depot", request.Depot)); // clean direct
                KeysBlocked.Add(1, new KeyValuePair<string, object?>("meter", request.MeterSerial)); // leak TC1003 direct
                var tray = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.AccountNumber))[0] % 16;
                KeysBlocked.Add(1, new KeyValuePair<string, object?>("tray", tray)); // clean hashes
                span.Activity?.SetTag("prepaykeys.key.digest", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(request.KeySerial)))); // leak TC1002 hashes
                span.Activity?.SetTag("prepaykeys.account.shard", HashCode.Combine(request.AccountNumber, request.Depot) % 32); // leak TC1002 hashes
                _operations.Add(1, request.Depot, "blocked"); // clean generated-api
            }
            catch (SerialOnBlockingListException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogPrepaykeysOperationFailedEvent(request.Depot, "already-blocked", prepaykeysNote: ex.Message); // leak TC1001 generated-api
                span.Activity?.SetTag("error.type", nameof(SerialOnBlockingListException)); // clean exceptions
            }
            catch (BlockingListUnavailableException ex)
            {
                span.Activity?.AddException(ex); // clean exceptions
                logger.LogPrepaykeysOperationFailedEvent(request.Depot, "list-down", prepaykeysNote: ex.Message); // clean generated-api
                _operations.Add(1, request.Depot, request.AccountNumber); // leak TC1003 generated-api
            }

            consumer.Commit(result);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Depot); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Replacement {RequestId} for {AccountNumber}, key {KeySerial}")]
    private static partial void KeyReplaced(ILogger logger, string requestId, [PrivateData] string accountNumber, [PrivateData] string keySerial);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Replacement {RequestId} blocked key {KeySerial}")]
    private static partial void KeyBlockedPlain(ILogger logger, string requestId, string keySerial);
}
