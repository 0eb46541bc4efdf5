namespace PrivacyHoldout194.Healthcare;

/// <summary>
/// Reads crashes the black boxes detect (topic keyed by box IMEI) and asks the ambulance trust's
/// control room to call the driver back, or to send a crew.
/// </summary>
public sealed partial class CrashAlertConsumer(
    IConsumer<string, CrashAlert> consumer,
    IPolicyStore policies,
    IEmergencyDispatch dispatch,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    TelematicsOptions options,
    ILogger<CrashAlertConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Insurer.CrashCare");
    private static readonly Meter Meter = new("Insurer.CrashCare");
    private static readonly Counter<long> Crashes = Meter.CreateCounter<long>("crashcare.crashes");

    private string? _lastBoxImei;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("crash.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            _lastBoxImei = result.Message.Key;
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(CrashAlert alert, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("crash.alert_id", alert.AlertId); // clean precision-names
        activity?.SetTag("crash.peak_g", alert.PeakG); // clean precision-about
        activity?.SetTag("crash.speed_mph", alert.SpeedMph); // clean precision-about
        activity?.SetTag("crash.severity", alert.Severity); // clean precision-about
        activity?.SetTag("crash.latitude", alert.Latitude); // leak TC1001 direct
        activity?.SetTag("crash.area", $"{Math.Round(alert.Latitude, 1)},{Math.Round(alert.Longitude, 1)}"); // clean precision-about
        activity?.SetTag("crash.position", string.Join(",", alert.Latitude, alert.Longitude)); // leak TC1001 strings
        logger.LogInformation("Crash {AlertId} reported with peak {PeakG}g", alert.AlertId, alert.PeakG); // clean precision-about
        logger.LogWarning("Crash alert received {@Alert}", alert); // leak TC1001 logging-objects
        logger.LogInformation("Crash alert received {Alert}", alert with { BoxImei = "", PolicyNumber = "" }); // leak TC1001 logging-objects
        Crashes.Add(1, new KeyValuePair<string, object?>("severity", alert.Severity)); // clean precision-about
        Crashes.Add(1, new KeyValuePair<string, object?>("box", alert.BoxImei)); // leak TC1003 direct

        var holder = await policies.FindByPolicyNumberAsync(alert.PolicyNumber, cancellationToken);
        if (holder is null)
        {
            var ex = new PolicyNotFoundException(alert.PolicyNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return;
        }

        var driver = pseudonymizer.PseudonymizeCrashcareClientId(holder.PolicyholderId);
        using var span = Source.StartCrashcareOperation("north-west-control"); // clean generated-api
        span.SetCrashcareClientId(driver); // clean generated-api
        span.SetCrashcareMode("black-box"); // clean generated-api
        span.SetCrashcareNote($"severity {alert.Severity} at {alert.SpeedMph:F0} mph"); // clean generated-api
        span.SetCrashcareNote($"call back {holder.FullName} on {holder.MobileNumber}"); // leak TC1001 generated-api
        activity?.SetTag(CrashcareAttributes.Contact, holder.MobileNumber); // leak TC1001 generated-api

        try
        {
            var incident = await dispatch.RaiseAsync(alert, holder.MobileNumber, cancellationToken);
            activity?.SetTag("crash.incident_id", incident); // clean precision-names
            activity?.AddEvent(new ActivityEvent("crash.dispatched", tags: new ActivityTagsCollection { ["driver.pseudonym"] = pseudonymizer.ComputeCrashcareClientId(holder.PolicyholderId) })); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("crash.callback", tags: new ActivityTagsCollection { ["callback.number"] = holder.MobileNumber })); // leak TC1001 direct
            LogDispatched(logger, incident, holder.FullName); // clean logging-objects
            LogCallbackQueued(logger, incident, holder.MobileNumber); // leak TC1001 direct
            Meter.CreateCrashcareOperationsCounter().Add(1, "north-west-control", crashcareOutcome: "notified"); // clean generated-api
        }
        catch (ClaimsGatewayTimeoutException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogCrashcareOperationFailedEvent("north-west-control", "failed", crashcareClientId: driver, crashcareNote: ex.Message); // clean generated-api
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(alert.BoxImei)))[..4];
        activity?.SetTag("crash.box_shard", shard); // clean hashes
        activity?.SetTag("crash.box_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(alert.BoxImei)))); // leak TC1002 hashes
        activity?.SetTag("crash.box_tac", alert.BoxImei[..8]); // clean precision-about
    }

    public void ReportLag(TimeSpan lag)
    {
        Activity.Current?.SetTag("crash.last_box", _lastBoxImei); // leak TC1001 cross-member
        Activity.Current?.SetTag("crash.consumer_lag_ms", lag.TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("crash.threshold_g", options.CrashThresholdG); // clean precision-names
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Crew dispatched for {IncidentId} to {DriverName}")]
    private static partial void LogDispatched(ILogger logger, string incidentId, [PrivateData] string driverName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Callback queued for {IncidentId} on {CallbackNumber}")]
    private static partial void LogCallbackQueued(ILogger logger, string incidentId, string callbackNumber);
}
