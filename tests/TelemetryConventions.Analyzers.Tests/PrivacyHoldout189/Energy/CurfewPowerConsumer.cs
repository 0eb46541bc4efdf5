namespace PrivacyHoldout189.Energy;

/// <summary>A power event from a home monitoring unit at a curfew address; the topic is keyed by the unit's serial.</summary>
public sealed record UnitPowerEvent(string EventId, string MonitoringUnitSerial, string OrderId, string Mpan, string Postcode, string State, int MinutesWithoutMains, int BatteryPercent);

public sealed record PowerOutageWindow(string Region, string Feeder, DateTime From, DateTime Until, int UnitsAffected);

public sealed partial class CurfewPowerConsumer(
    IConsumer<string, UnitPowerEvent> consumer,
    IMonitoringSupplierClient supplier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    Meter meter,
    ILogger<CurfewPowerConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Energy.CurfewPower");
    private readonly Histogram<double> _outage = meter.CreateHistogram<double>("curfewpower.outage.minutes");
    private readonly HashSet<string> _unitsOnBattery = new();
    private string _lastWearer = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("curfewpower.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            var power = result.Message.Value;
            activity?.SetTag("curfewpower.event.id", power.EventId); // clean precision-names
            activity?.SetTag("curfewpower.order.id", power.OrderId); // clean precision-names
            activity?.SetTag("curfewpower.state", power.State); // clean precision-about
            activity?.SetTag("curfewpower.battery_percent", power.BatteryPercent); // clean precision-about
            activity?.SetTag("curfewpower.mpan", power.Mpan); // leak TC1001 direct
            activity?.SetTag("curfewpower.mpan.distributor", power.Mpan[..2]); // clean precision-about
            activity?.SetTag("curfewpower.postcode", power.Postcode); // leak TC1001 direct
            activity?.SetTag("curfewpower.postcode.district", power.Postcode.Split(' ')[0]); // clean precision-about

            await HandleAsync(power, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(UnitPowerEvent power, Activity? activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var order = await supplier.OrderAsync(power.OrderId, cancellationToken) ?? throw new TagNotFittedException(power.MonitoringUnitSerial);
            _lastWearer = order.WearerName;
            var wearer = pseudonymizer.PseudonymizeCurfewpowerPrisonerId(order.PrisonNumber);

            using var span = Source.StartCurfewpowerOperation(options.Region)
                .SetCurfewpowerPrisonerId(wearer) // clean generated-api
                .SetCurfewpowerKind(power.State == "mains-lost" ? "power-loss" : "install"); // clean generated-api
            span.SetCurfewpowerItems(power.MinutesWithoutMains); // clean generated-api
            span.SetCurfewpowerNote($"unit {power.MonitoringUnitSerial} on battery"); // leak TC1001 generated-api
            span.SetCurfewpowerNote($"order {order.OrderId}, battery {power.BatteryPercent}%"); // clean generated-api
            span.SetCurfewpowerNote($"engineer visit booked to {order.CurfewAddress}"); // leak TC1001 generated-api

            if (power.State == "mains-lost")
            {
                _unitsOnBattery.Add(power.MonitoringUnitSerial);
                logger.LogWarning("Unit on battery for order {OrderId}, {Minutes} min", order.OrderId, power.MinutesWithoutMains); // clean precision-names
                logger.LogWarning("Installation {@Installation} lost mains", order); // leak TC1001 logging-objects
                logger.LogWarning("Installation {Installation} lost mains", order with { WearerName = "", CurfewAddress = "", Postcode = "", TagSerial = "", MonitoringUnitSerial = "", PrisonNumber = "" }); // clean logging-objects
                LogMainsLost(logger, order.OrderId, order.WearerName, order.CurfewAddress); // clean precision-names
                LogMainsLostToSupplier(logger, order.OrderId, order.CurfewAddress); // leak TC1001 direct
            }

            _outage.Record(power.MinutesWithoutMains, new KeyValuePair<string, object?>("region", options.Region)); // clean precision-names
            _outage.Record(power.MinutesWithoutMains, new KeyValuePair<string, object?>("unit", power.MonitoringUnitSerial)); // leak TC1003 direct
            _outage.Record(power.MinutesWithoutMains, new KeyValuePair<string, object?>("wearer", pseudonymizer.ComputeCurfewpowerPrisonerId(order.PrisonNumber))); // leak TC1003 precision-pseudonym
            meter.CreateCurfewpowerOperationsCounter().Add(1, options.Region, power.State); // clean generated-api
            meter.CreateCurfewpowerOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Region); // clean generated-api
        }
        catch (TagNotFittedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            logger.LogCurfewpowerOperationFailedEvent(options.Region, ex.Message, default, "no tag report"); // leak TC1001 exceptions
        }
        catch (SupplierUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogCurfewpowerOperationFailedEvent(options.Region, "failed", default, ex.Message); // clean exceptions
        }
    }

    public void ReportBatteryUnits(PowerOutageWindow window)
    {
        using var activity = Source.StartActivity("curfewpower.battery_report");
        activity?.SetTag("curfewpower.feeder", window.Feeder); // clean precision-names
        activity?.SetTag("curfewpower.units_affected", window.UnitsAffected); // clean precision-about
        activity?.SetTag("curfewpower.units_on_battery.count", _unitsOnBattery.Count); // clean cross-member
        activity?.SetTag("curfewpower.units_on_battery", string.Join(";", _unitsOnBattery)); // leak TC1001 cross-member
        activity?.SetTag("curfewpower.last_wearer", _lastWearer); // leak TC1001 cross-member
        logger.LogInformation("Outage window {@Window}", window); // clean logging-objects

        foreach (var unit in _unitsOnBattery)
        {
            var sha1 = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(unit)));
            activity?.AddEvent(new ActivityEvent("unit.on_battery", tags: new ActivityTagsCollection { ["unit.hash"] = sha1 })); // leak TC1002 hashes
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(unit))[0] % 4;
            activity?.AddEvent(new ActivityEvent("unit.on_battery", tags: new ActivityTagsCollection { ["unit.lane"] = lane })); // clean hashes
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: mains lost at curfew address of {WearerName}, {CurfewAddress}")]
    private static partial void LogMainsLost(ILogger logger, string orderId, [PrivateData] string wearerName, [PrivateData] string curfewAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: ask supplier to visit {CurfewAddress}")]
    private static partial void LogMainsLostToSupplier(ILogger logger, string orderId, string curfewAddress);
}
