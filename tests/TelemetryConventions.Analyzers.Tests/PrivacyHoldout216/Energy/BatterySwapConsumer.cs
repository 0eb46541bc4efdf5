namespace PrivacyHoldout216.Energy;

public sealed record DockSession(string SessionId, string DockId, string RiderId, string RiderMobile, string VehicleId, double KilowattHours, int Minutes, string TariffCode);

/// <summary>An energy company's charging docks for hire scooters: dock sessions from a topic keyed by rider id, and the gig chargers' battery swap jobs.</summary>
public sealed partial class BatterySwapConsumer(
    IConsumer<string, DockSession> sessions,
    IQueueReceiver<ChargeJob> jobs,
    Pseudonymizer pseudonymizer,
    ILogger<BatterySwapConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Energy.Docks");
    private static readonly Meter Meter = new("PrivacyHoldout216.Energy.Docks");
    private static readonly Counter<double> Energy = Meter.CreateCounter<double>("dock.energy", "kWh");

    private string _currentJuicer = string.Empty;
    private string _currentDepot = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = sessions.Consume(stoppingToken);
            if (result is not null)
            {
                RecordSession(result);
            }

            var job = await jobs.ReceiveAsync(stoppingToken);
            if (job is not null)
            {
                RecordJob(job);
            }
        }
    }

    private void RecordSession(ConsumeResult<string, DockSession> result)
    {
        var session = result.Message.Value;
        using var activity = Source.StartActivity("dock.session");
        activity?.SetTag("dock.id", session.DockId); // clean precision-names
        activity?.SetTag("dock.session_id", session.SessionId); // clean precision-names
        activity?.SetTag("dock.kwh", session.KilowattHours); // clean precision-about
        activity?.SetTag("dock.tariff", session.TariffCode); // clean precision-about
        activity?.SetTag("messaging.partition", result.Partition); // clean precision-about
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("dock.rider_mobile", session.RiderMobile); // leak TC1001 direct
        activity?.SetTag("dock.rider_mobile_present", session.RiderMobile.Length > 0); // clean precision-about
        logger.LogInformation("Dock session {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session {SessionId} for {RiderId}", session.SessionId, session.RiderId); // leak TC1001 direct
        logger.LogInformation("Dock session {@Session}", new DockSessionView(session.SessionId, session.DockId, session.KilowattHours)); // clean logging-objects
        Energy.Add(session.KilowattHours, new KeyValuePair<string, object?>("dock.id", session.DockId)); // clean precision-names
        Energy.Add(session.KilowattHours, new KeyValuePair<string, object?>("rider.id", session.RiderId)); // leak TC1003 direct

        var rider = pseudonymizer.Pseudonymize(RideDomains.Rider, session.RiderId);
        using var span = Source.StartDockpowerOperation(session.DockId);
        span.SetDockpowerClientId(rider); // clean generated-api
        span.SetDockpowerMinutes(session.Minutes); // clean generated-api
        span.SetDockpowerVehicleKind("scooter"); // clean generated-api
        span.SetDockpowerNote($"session {session.SessionId}, {session.KilowattHours:F1} kWh"); // clean generated-api
        span.SetDockpowerNote($"rider {session.RiderMobile} charged {session.VehicleId}"); // leak TC1001 generated-api
        Meter.CreateDockpowerOperationsCounter().Add(1, rider.Value, "ok"); // leak TC1003 generated-api
        Meter.CreateDockpowerOperationDurationHistogram().Record(session.Minutes * 60.0, session.DockId); // clean generated-api
        var riderHash = SHA1.HashData(Encoding.UTF8.GetBytes(session.RiderId));
        logger.LogDebug("Rider bucket {Bucket}", Convert.ToHexString(riderHash)); // leak TC1002 hashes
        sessions.Commit(result);
    }

    private void RecordJob(ChargeJob job)
    {
        _currentJuicer = job.JuicerId;
        _currentDepot = job.DepotId;
        using var activity = Source.StartActivity("swap.job");
        activity?.SetTag("swap.job_id", job.JobId); // clean precision-names
        activity?.SetTag("swap.vehicle_id", job.VehicleId); // clean precision-names
        activity?.SetTag("swap.battery_percent", job.BatteryPercent); // clean precision-about
        activity?.SetTag("swap.juicer_name", job.JuicerName); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("swap.assigned", tags: new ActivityTagsCollection { ["juicer.name"] = job.JuicerName })); // leak TC1001 direct
        var juicer = pseudonymizer.Compute(RideDomains.Juicer, job.JuicerId);
        activity?.SetTag("swap.juicer", juicer); // clean precision-pseudonym
        Energy.Add(0, new KeyValuePair<string, object?>("swap.juicer", juicer)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Swap job {Job}", job); // leak TC1001 logging-objects
        logger.LogInformation("Swap job {JobId} at depot {DepotId}", job.JobId, job.DepotId); // clean logging-objects
        logger.LogInformation("Swap job {@Job}", job with { JuicerName = "" }); // leak TC1001 logging-objects
        try
        {
            Complete(job);
        }
        catch (DockUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Dock unavailable for job {JobId}", job.JobId); // clean exceptions
            logger.LogDockpowerOperationFailedEvent(job.DepotId, "failed", default, ex.Message); // clean generated-api
        }
        catch (RiderNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(RiderNotFoundException)); // clean exceptions
            logger.LogError(ex, "Juicer account missing for job {JobId}", job.JobId); // leak TC1001 exceptions
        }
    }

    private void Complete(ChargeJob job)
    {
        using var activity = Source.StartActivity("swap.complete");
        activity?.SetTag("swap.juicer_id", _currentJuicer); // leak TC1001 cross-member
        activity?.SetTag("swap.depot", _currentDepot); // clean cross-member
        logger.LogInformation("Juicer {Juicer} finished at {Depot}", _currentJuicer, _currentDepot); // leak TC1001 cross-member
        if (job.JuicerName.Length == 0)
        {
            throw new RiderNotFoundException(job.JuicerId);
        }

        if (job.BatteryPercent < 5)
        {
            throw new DockUnavailableException(job.DepotId, 0);
        }
    }

    private sealed record DockSessionView(string SessionId, string DockId, double KilowattHours);
}
