namespace PrivacyHoldout205.Energy;

/// <summary>A charge point operator's consumer of charging sessions at taxi ranks, billed to licensed drivers' accounts.</summary>
public sealed class RankChargingConsumer(
    IConsumer<string, ChargeSession> consumer,
    ILicensingRegister register,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<RankChargingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rankcharge.Sessions");
    private static readonly Meter Meter = new("Rankcharge.Sessions");
    private static readonly Counter<double> EnergyDelivered = Meter.CreateCounter<double>("rankcharge.energy", "kWh");

    private readonly Dictionary<string, decimal> _kwhByAccount = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var session = result.Message.Value;
            using var span = Source.StartRankchargeOperation(session.ChargerId);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            Activity.Current?.SetTag("rankcharge.session", session.SessionRef); // clean precision-names
            Activity.Current?.SetTag("rankcharge.charger", session.ChargerId); // clean precision-names
            Activity.Current?.SetTag("rankcharge.driver.account", session.DriverAccount); // leak TC1001 direct
            Activity.Current?.SetTag("rankcharge.vehicle.registration", session.VehicleRegistration); // leak TC1001 direct
            Activity.Current?.SetTag("rankcharge.vehicle.registration_suffix", session.VehicleRegistration[^3..]); // clean precision-about
            Activity.Current?.SetTag("rankcharge.kwh", (double)session.Kwh); // clean precision-about
            span.SetRankchargeClientId(pseudonymizer.PseudonymizeRankchargeClientId(session.DriverAccount)); // clean precision-pseudonym
            span.SetRankchargeClientId(Pseudonym.FromComputed(session.DriverAccount)); // leak TC1001 generated-api
            span.SetRankchargeKind("rapid"); // clean generated-api
            span.SetRankchargeNote($"session {session.SessionRef} on {session.ChargerId}, {session.Kwh} kWh"); // clean generated-api
            span.SetRankchargeNote($"plate {session.VehicleRegistration} charged"); // leak TC1001 generated-api
            logger.LogInformation("Charging session {Session}", session); // leak TC1001 logging-objects
            logger.LogInformation("Charging session {@Session}", session with { DriverAccount = "", VehicleRegistration = "" }); // clean logging-objects
            logger.LogInformation("Charging session {@Session}", new { session.SessionRef, session.ChargerId, session.Kwh }); // clean logging-objects
            EnergyDelivered.Add((double)session.Kwh, new KeyValuePair<string, object?>("rankcharge.charger", session.ChargerId)); // clean precision-names
            EnergyDelivered.Add((double)session.Kwh, new KeyValuePair<string, object?>("rankcharge.vehicle", session.VehicleRegistration)); // leak TC1003 direct
            Meter.CreateRankchargeOperationsCounter().Add(1, session.ChargerId, "charged"); // clean generated-api
            _kwhByAccount[session.DriverAccount] = _kwhByAccount.GetValueOrDefault(session.DriverAccount) + session.Kwh;
            await CheckDriverAsync(session, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task CheckDriverAsync(ChargeSession session, CancellationToken cancellationToken)
    {
        var plate = await register.FindPlateAsync(session.VehicleRegistration, cancellationToken);
        if (plate is null)
        {
            var ex = new BadgeSuspendedException(session.DriverAccount);
            logger.LogWarning(ex, "Not a licensed vehicle on session {SessionRef}", session.SessionRef); // clean exceptions
            logger.LogWarning("Not licensed: {Message}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "vehicle not on the licensing register"); // clean exceptions
            return;
        }

        Activity.Current?.SetTag("rankcharge.plate.class", plate.VehicleClass); // clean precision-about
        Activity.Current?.SetTag("rankcharge.plate.proprietor", plate.ProprietorName); // leak TC1001 direct
        var digest = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(session.DriverAccount)));
        logger.LogInformation("Driver digest {Digest}", digest); // leak TC1002 hashes
        var accountShard = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(session.DriverAccount))[0] % options.Shards;
        logger.LogInformation("Driver shard {Shard}", accountShard); // clean hashes
    }

    public void ReportTotals()
    {
        logger.LogInformation("Energy by account {Totals}", _kwhByAccount); // leak TC1001 cross-member
        logger.LogInformation("Accounts charged today {Count}", _kwhByAccount.Count); // clean cross-member
        logger.LogInformation("Energy today {Kwh}", _kwhByAccount.Values.Sum()); // clean cross-member
        var top = string.Join(";", _kwhByAccount.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key}={kv.Value}"));
        Activity.Current?.SetTag("rankcharge.top_accounts", top); // leak TC1001 strings
    }
}
