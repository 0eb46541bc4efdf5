namespace PrivacyHoldout181.Transport;

/// <summary>
/// The removals and van hire operator's run planner: runs assigned to drivers and crews, parking suspensions booked
/// outside customers' homes. The runs topic is keyed by run id.
/// </summary>
public sealed partial class RemovalRunConsumer(
    IConsumer<string, RemovalRun> consumer,
    ILogger<RemovalRunConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Removals.Runs");
    private static readonly Meter Meter = new("Operator.Removals.Runs");
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("removals.runs");
    private static readonly VanlineOperationsCounter Operations = Meter.CreateVanlineOperationsCounter();

    private readonly List<string> _driversToday = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var run = result.Message.Value;
            using var span = Source.StartVanlineOperation(run.Depot);
            var driver = pseudonymizer.PseudonymizeVanlineCrewId(run.DriverStaffId);
            span.SetVanlineCrewId(driver); // clean generated-api
            span.SetVanlineItemCount(run.Drops); // clean generated-api
            span.SetVanlineNote($"Van {run.VanFleetNumber}, {run.Drops} drops"); // clean generated-api
            span.SetVanlineNote($"Driver {run.DriverName} on van {run.VanFleetNumber}"); // leak TC1001 generated-api

            var activity = span.Activity;
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("removals.run.id", run.RunId); // clean precision-names
            activity?.SetTag("removals.van.fleet_number", run.VanFleetNumber); // clean precision-names
            activity?.SetTag("removals.driver.staff_id", run.DriverStaffId); // leak TC1001 direct
            activity?.SetTag("removals.driver", driver); // clean precision-pseudonym
            Baggage.SetBaggage("removals.driver", driver.Value); // clean precision-pseudonym

            _driversToday.Add(run.DriverName);
            logger.LogInformation("Drivers out today: {Drivers}", _driversToday); // leak TC1001 cross-member
            logger.LogInformation("Drivers out today: {Count}", _driversToday.Count); // clean precision-about
            logger.LogInformation("Run {Run} planned", run); // leak TC1001 logging-objects
            logger.LogInformation("Run {RunId} planned from {Depot} with {Drops} drops", run.RunId, run.Depot, run.Drops); // clean precision-names
            LogRunAssigned(logger, run.RunId, run.DriverName); // clean logging-objects

            Runs.Add(1, new KeyValuePair<string, object?>("depot", run.Depot)); // clean precision-names
            Runs.Add(1, new KeyValuePair<string, object?>("driver", run.DriverStaffId)); // leak TC1003 direct
            Operations.Add(1, run.Depot, "planned"); // clean generated-api
            Operations.Instrument.Add(1, new KeyValuePair<string, object?>("driver", driver)); // leak TC1003 generated-api

            if (run.Drops > 8)
            {
                var ex = new DriverUnavailableException(run.DriverName);
                span.RecordException(ex); // clean generated-api
                logger.LogVanlineOperationFailedEvent(run.Depot, "reassigned", driver, ex.Message); // leak TC1001 generated-api
                logger.LogWarning(ex, "Run {RunId} needs another driver", run.RunId); // leak TC1001 exceptions
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void SuspendParking(ParkingSuspension suspension, ILogger log)
    {
        using var activity = Source.StartActivity("parking suspension");
        activity?.SetTag("parking.suspension.ref", suspension.SuspensionRef); // clean precision-names
        activity?.SetTag("parking.borough", suspension.Borough); // clean precision-names
        activity?.SetTag("parking.customer_vehicle", suspension.CustomerVehicleReg); // leak TC1001 direct
        activity?.SetTag("parking.customer_vehicle.age_id", suspension.CustomerVehicleReg.Substring(2, 2)); // clean precision-about
        activity?.SetTag("parking.street", suspension.Street); // clean precision-names
        log.LogInformation("Suspension {Suspension} booked", suspension); // leak TC1001 logging-objects
        log.LogInformation("Suspension {Ref} booked in {Borough}", suspension.SuspensionRef, suspension.Borough); // clean precision-names
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Run {RunId} assigned to {DriverName}")]
    private static partial void LogRunAssigned(ILogger logger, string runId, [PrivateData] string driverName);
}
