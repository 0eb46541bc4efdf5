namespace PrivacyHoldout135.Energy;

/// <summary>An alarm from a lone worker's device: the red button, a man-down tilt or a missed check-in.</summary>
public sealed record LoneWorkerAlarm(string AlarmId, string DeviceId, string EngineerStaffNumber, string EngineerName, string EngineerMobile, string Kind, double Latitude, double Longitude, DateTimeOffset RaisedAt);

/// <summary>A lone worker device, issued by the operator to a named engineer for the length of their employment.</summary>
public sealed record LoneWorkerDevice(string DeviceId, string Model, string IssuedToStaffNumber);

/// <summary>Consumes alarms from the lone worker platform and escalates to the control room.</summary>
public sealed partial class LoneWorkerAlarmConsumer(
    IQueueReceiver<LoneWorkerAlarm> alarms,
    Pseudonymizer pseudonymizer,
    ILogger<LoneWorkerAlarmConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.FieldSafety.LoneWorker");
    private static readonly Meter Meter = new("Energy.FieldSafety.LoneWorker");
    private static readonly Counter<long> Alarms = Meter.CreateCounter<long>("loneworker.alarms", "{alarm}");
    private static readonly Counter<long> AlarmsByEngineer = Meter.CreateCounter<long>("loneworker.alarms.by_engineer", "{alarm}");
    private static readonly Histogram<double> AckSeconds = Meter.CreateHistogram<double>("loneworker.ack.duration", "s");

    private LoneWorkerAlarm? _openAlarm;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await alarms.ReceiveAsync(stoppingToken) is { } alarm)
        {
            using var activity = Source.StartActivity("lone-worker alarm", ActivityKind.Consumer);
            activity?.SetTag("loneworker.alarm.id", alarm.AlarmId); // clean precision-names
            activity?.SetTag("loneworker.alarm.kind", alarm.Kind); // clean precision-names
            activity?.SetTag("loneworker.device.id", alarm.DeviceId); // clean precision-names
            activity?.SetTag("loneworker.engineer", pseudonymizer.PseudonymizeSitesafetyReporterId(alarm.EngineerStaffNumber)); // clean precision-pseudonym
            activity?.SetTag("loneworker.position", $"{alarm.Latitude:F5},{alarm.Longitude:F5}"); // leak TC1001 strings
            activity?.SetTag("loneworker.area", $"{Math.Round(alarm.Latitude, 1)},{Math.Round(alarm.Longitude, 1)}"); // clean precision-about
            Alarms.Add(1, new KeyValuePair<string, object?>("kind", alarm.Kind)); // clean precision-about
            AlarmsByEngineer.Add(1, new KeyValuePair<string, object?>("engineer", pseudonymizer.PseudonymizeSitesafetyReporterId(alarm.EngineerStaffNumber).Value)); // leak TC1003 precision-pseudonym

            _openAlarm = alarm;
            LogAlarmRaised(logger, alarm.AlarmId, alarm.Kind, alarm.EngineerName, alarm.EngineerMobile); // leak TC1001 direct
            using (logger.BeginScope("Alarm {AlarmId} for {EngineerName}", alarm.AlarmId, alarm.EngineerName)) // leak TC1001 direct
            {
                logger.LogInformation("Control room paged"); // clean precision-names
            }
        }
    }

    /// <summary>The control room acknowledges from its console.</summary>
    public void Acknowledge(string controllerStaffId, TimeSpan sinceRaised)
    {
        AckSeconds.Record(sinceRaised.TotalSeconds, new KeyValuePair<string, object?>("kind", _openAlarm?.Kind)); // clean precision-about
        Activity.Current?.SetTag("loneworker.ack.alarm", _openAlarm?.AlarmId); // clean cross-member
        Activity.Current?.SetTag("loneworker.ack.engineer_mobile", _openAlarm?.EngineerMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("loneworker.ack.by", controllerStaffId); // leak TC1001 direct
        logger.LogInformation("Alarm acknowledged: {Alarm}", _openAlarm); // leak TC1001 logging-objects
    }

    public void Reissue(LoneWorkerDevice device)
    {
        Activity.Current?.SetTag("loneworker.device.model", device.Model); // clean precision-names
        logger.LogInformation("Device reissued: {Device}", device); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Lone worker alarm {AlarmId} ({Kind}) raised by {EngineerName}, mobile {EngineerMobile}")]
    private static partial void LogAlarmRaised(ILogger logger, string alarmId, string kind, string engineerName, string engineerMobile);
}
