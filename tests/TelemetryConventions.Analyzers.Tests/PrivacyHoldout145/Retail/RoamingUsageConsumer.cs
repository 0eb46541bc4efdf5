namespace PrivacyHoldout145.Retail;

/// <summary>
/// Reads roaming attaches (keyed by IMSI) and rated call detail records from mediation, texts the welcome and
/// spend alerts, and stops data at the spend cap. Visited networks, countries and cells are things.
/// </summary>
public sealed class RoamingUsageConsumer(
    IConsumer<string, RoamingAttach> attaches,
    ISubscriberMessenger messenger,
    OperatorOptions options,
    TelemetrySecrets secrets,
    ILogger<RoamingUsageConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.Mobile.Roaming");

    private readonly Counter<long> _attaches = meter.CreateCounter<long>("mobile.roaming.attaches", "{attach}");
    private readonly Counter<long> _cdrs = meter.CreateCounter<long>("mobile.cdrs.rated", "{cdr}");

    private CallDetailRecord? _longestCall;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (attaches.Consume(stoppingToken) is not { } result)
            {
                continue;
            }

            var attach = result.Message.Value;
            using var span = Source.StartMvnoOperation("roaming", "roaming.attach");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("mvno.roaming.home_network", attach.Imsi[..5]); // clean precision-about
            _attaches.Add(1, new KeyValuePair<string, object?>("country", attach.CountryCode)); // clean precision-about
            logger.LogInformation("Roaming attach {Attach}", attach); // leak TC1001 logging-objects
            await messenger.SendSmsAsync(attach.Imsi, "tpl-roaming-welcome", new Dictionary<string, string> { ["country"] = attach.CountryCode }, stoppingToken);
            attaches.Commit(result);
        }
    }

    public void Rate(CallDetailRecord cdr, decimal spendSoFar, decimal cap)
    {
        _cdrs.Add(1, new KeyValuePair<string, object?>("cell", cdr.CellId)); // clean precision-names
        _cdrs.Add(1, new KeyValuePair<string, object?>("handset.tac", cdr.Imei[..8])); // clean precision-about
        Activity.Current?.SetTag("mvno.cdr.called_number", cdr.CalledNumber); // leak TC1001 direct
        Activity.Current?.SetTag("mvno.cdr.imei_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(cdr.Imei)))); // leak TC1002 hashes
        Activity.Current?.SetTag("mvno.cdr.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cdr.CallingNumber))[0] % 64); // clean hashes
        if (_longestCall is null || cdr.DurationSeconds > _longestCall.DurationSeconds)
        {
            _longestCall = cdr;
        }

        if (spendSoFar >= cap)
        {
            var capped = new SpendCapReachedException(cap);
            logger.LogWarning(capped, "Data stopped at the spend cap"); // clean exceptions
            logger.LogWarning("Spend cap reached for {CallingNumber}", cdr.CallingNumber); // leak TC1001 direct
        }
    }

    public void ReportDay() =>
        logger.LogInformation("Longest call today: {Cdr}", _longestCall); // leak TC1001 cross-member
}
