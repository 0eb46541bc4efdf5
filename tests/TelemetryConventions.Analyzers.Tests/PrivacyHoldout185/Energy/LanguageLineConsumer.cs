namespace PrivacyHoldout185.Energy;

/// <summary>The supplier's language line: calls handled through a telephone interpreter (topic keyed by account number) and bills translated for households.</summary>
public sealed partial class LanguageLineConsumer(
    IConsumer<string, LanguageLineCall> calls,
    IQueueReceiver<TranslatedBill> bills,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LanguageLineConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.LanguageLine");
    private static readonly Meter Meter = new("Supplier.LanguageLine");
    private static readonly Histogram<int> CallMinutes = Meter.CreateHistogram<int>("language_line.call_minutes");
    private static readonly Counter<long> Bills = Meter.CreateCounter<long>("language_line.bills");
    private static readonly TariffvoiceOperationsCounter Operations = Meter.CreateTariffvoiceOperationsCounter();
    private static readonly TariffvoiceOperationDurationHistogram Duration = Meter.CreateTariffvoiceOperationDurationHistogram();

    private readonly List<string> _callersToday = [];
    private int _callsToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = calls.Consume(stoppingToken);
            if (result is not null)
            {
                HandleCall(result);
                calls.Commit(result);
            }

            var bill = await bills.ReceiveAsync(stoppingToken);
            if (bill is not null)
            {
                HandleBill(bill);
            }
        }
    }

    private void HandleCall(ConsumeResult<string, LanguageLineCall> result)
    {
        var call = result.Message.Value;
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTariffvoiceOperation(call.Queue);
        span.SetTariffvoiceLanguage(call.Language); // clean precision-names
        span.SetTariffvoiceMode("telephone"); // clean precision-names
        span.SetTariffvoiceMinutes(call.Minutes); // clean generated-api
        span.SetTariffvoiceClientId(pseudonymizer.PseudonymizeTariffvoiceClientId(call.AccountNumber)); // clean precision-pseudonym
        span.SetTariffvoiceNote($"Call back on {call.CallerNumber}"); // leak TC1001 generated-api
        span.SetTariffvoiceNote($"{call.Minutes} min in {call.Language} on {call.Queue}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("language_line.call_id", call.CallId); // clean precision-names
        activity?.SetTag("language_line.caller_number", call.CallerNumber); // leak TC1001 direct
        activity?.SetTag("language_line.caller_prefix", call.CallerNumber[..4]); // clean precision-about
        activity?.SetTag("language_line.account", call.AccountNumber); // leak TC1001 direct
        activity?.SetTag("language_line.account_b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(call.AccountNumber))); // leak TC1001 hashes
        activity?.SetTag("language_line.account_sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(call.AccountNumber)))[..12]); // leak TC1002 hashes
        var cohort = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(call.AccountNumber)), 0) % 10;
        activity?.SetTag("language_line.cohort", cohort); // clean hashes
        activity?.SetTag(TariffvoiceAttributes.Contact, call.CallerNumber); // leak TC1001 generated-api

        _callersToday.Add(call.CallerNumber);
        _callsToday++;

        CallMinutes.Record(call.Minutes, new KeyValuePair<string, object?>("language", call.Language), new KeyValuePair<string, object?>("queue", call.Queue)); // clean precision-names
        CallMinutes.Record(call.Minutes, new KeyValuePair<string, object?>("account", call.AccountNumber)); // leak TC1003 direct
        Operations.Add(1, call.Queue, "answered"); // clean generated-api
        Operations.Instrument.Add(1, new KeyValuePair<string, object?>("client", pseudonymizer.ComputeTariffvoiceClientId(call.AccountNumber))); // leak TC1003 precision-pseudonym
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, call.Queue); // clean generated-api

        logger.LogInformation("Language line call {CallId} in {Language}, {Minutes} min", call.CallId, call.Language, call.Minutes); // clean precision-names
        logger.LogInformation("Language line call {@Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Language line call from " + call.CallerNumber + " on " + call.Queue); // leak TC1001 strings
        logger.LogInformation("Language line call on " + call.Queue + " lasted " + call.Minutes); // clean strings
        logger.LogDebug("Call without the household {Call}", call with { AccountNumber = "", CallerNumber = "" }); // clean logging-objects
        logger.LogDebug("Call re-queued {Call}", call with { Queue = "priority" }); // leak TC1001 logging-objects
        LogCaller(logger, call.CallId, call.CallerNumber); // clean logging-objects
        LogCallerPlain(logger, call.CallId, call.CallerNumber); // leak TC1001 logging-objects
    }

    private void HandleBill(TranslatedBill bill)
    {
        using var activity = Source.StartActivity("language_line.bill");
        activity?.SetTag("language_line.bill_language", bill.Language); // clean precision-names
        activity?.SetTag("language_line.bill_format", bill.Format); // clean precision-names
        activity?.SetTag("language_line.meter_serial", bill.MeterSerial); // leak TC1001 direct
        activity?.SetTag("language_line.meter_model", bill.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("language_line.callers_today", _callersToday.Count); // clean cross-member
        activity?.SetTag("language_line.callers", string.Join(",", _callersToday)); // leak TC1001 cross-member
        activity?.SetTag("language_line.calls_today", _callsToday); // clean cross-member
        Bills.Add(1, new KeyValuePair<string, object?>("language", bill.Language)); // clean precision-names
        Bills.Add(1, new KeyValuePair<string, object?>("meter", bill.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Bill translated {Bill}", bill); // leak TC1001 logging-objects
        logger.LogInformation("Bill translated into {Language} as {Format}", bill.Language, bill.Format); // clean precision-names

        try
        {
            if (bill.Format == "braille")
            {
                throw new ClientNotFoundException(bill.AccountNumber);
            }
        }
        catch (ClientNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning("Bill held: {Reason}", ex.Message); // leak TC1001 exceptions
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Call {CallId} from {CallerNumber}")]
    private static partial void LogCaller(ILogger logger, string callId, [PrivateData] string callerNumber);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Call {CallId} from {CallerNumber}")]
    private static partial void LogCallerPlain(ILogger logger, string callId, string callerNumber);
}
