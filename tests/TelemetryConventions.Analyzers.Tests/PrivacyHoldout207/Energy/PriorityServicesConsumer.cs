using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Energy;

/// <summary>
/// Consumes priority services register sign-ups for customers with sight or hearing loss (large-print and braille bills,
/// textphone, a home visit to fit a talking prepayment display). The topic is keyed by supply account number.
/// </summary>
public sealed partial class PriorityServicesConsumer(
    IConsumer<string, PriorityRequest> consumer,
    PriorityRegister register,
    ILogger<PriorityServicesConsumer> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    CareOptions options) : BackgroundService
{
    private static readonly Counter<long> SignUps = new Meter("PriorityServices").CreateCounter<long>("psr.signups");

    private PriorityRequest? _lastHomeVisit;
    private readonly HashSet<string> _failedAccounts = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                Summarise();
                continue;
            }

            using var activity = source.StartActivity("psr.signup");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(PriorityRequest request, Activity? activity, CancellationToken ct)
    {
        var customer = pseudonymizer.PseudonymizeWarmsightClientId(request.AccountNumber);
        using var span = source.StartWarmsightOperation(options.Region);
        span.SetWarmsightClientId(customer).SetWarmsightService(request.Need); // clean precision-pseudonym
        span.SetWarmsightMode(request.Format); // clean generated-api
        span.SetWarmsightNote($"Bills to {request.Postcode} in {request.Format}"); // leak TC1001 generated-api

        activity?.SetTag("psr.need", request.Need); // clean precision-about
        activity?.SetTag("psr.format", request.Format); // clean precision-about
        activity?.SetTag("psr.holder_name", request.HolderName); // leak TC1001 direct
        activity?.SetTag("psr.textphone", request.Phone); // leak TC1001 direct
        activity?.SetTag("psr.meter_serial", request.MeterSerial); // leak TC1001 direct
        activity?.SetTag("psr.meter_model", request.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("psr.customer", customer); // clean precision-pseudonym

        SignUps.Add(1, new KeyValuePair<string, object?>("need", request.Need), new KeyValuePair<string, object?>("format", request.Format)); // clean precision-about
        SignUps.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeWarmsightClientId(request.AccountNumber))); // leak TC1003 precision-pseudonym

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.AccountNumber))[0] % 8;
        SignUps.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.MeterSerial)));
        activity?.SetTag("psr.meter_digest", digest); // leak TC1002 hashes

        try
        {
            await register.AddAsync(request, ct);
            if (request.Format == "home-visit")
            {
                _lastHomeVisit = request;
            }

            LogRegistered(logger, request.Need, request.HolderName); // clean logging-objects
            LogRegisteredWithPhone(logger, request.Need, request.Phone); // leak TC1001 logging-objects
        }
        catch (SupplierTimeoutException ex)
        {
            span.RecordException(ex); // clean exceptions
            activity?.SetTag("exception.message", ex.Message); // clean exceptions
            logger.LogWarningsightFailed(ex);
        }
        catch (Exception ex)
        {
            _failedAccounts.Add(request.AccountNumber);
            activity?.SetStatus(ActivityStatusCode.Error, $"Register refused account {request.AccountNumber}"); // leak TC1001 strings
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
    }

    private void Summarise()
    {
        var activity = Activity.Current;
        activity?.SetTag("psr.failed.count", _failedAccounts.Count); // clean cross-member
        activity?.SetTag("psr.failed.accounts", string.Join(",", _failedAccounts)); // leak TC1001 cross-member
        logger.LogInformation("Last home visit request {Request}", _lastHomeVisit); // leak TC1001 cross-member
        logger.LogInformation("Last home visit need {Need}", _lastHomeVisit?.Need); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Need} for {HolderName}")]
    private static partial void LogRegistered(ILogger logger, string need, [PrivateData] string holderName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Need}, textphone {Phone}")]
    private static partial void LogRegisteredWithPhone(ILogger logger, string need, string phone);
}

internal static class PriorityLogging
{
    public static void LogWarningsightFailed(this ILogger logger, SupplierTimeoutException ex) =>
        logger.LogWarning(ex, "Register timed out"); // clean exceptions
}
