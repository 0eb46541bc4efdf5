namespace PrivacyHoldout88.Transport;

public sealed record Driver(string StaffNumber, string Name, string MobilePhone);

public sealed record VehicleIncident(string IncidentRef, string BusRegistration, string Route, string StopCode, string Kind, Driver Driver, string DriverReport);

/// <summary>
/// Incidents raised from the bus cab (breakdown, assault, collision). The control room is paged, the depot's
/// duty manager is phoned if it is not acknowledged, and the incident is posted to the control room channel.
/// </summary>
public sealed partial class ControlRoomIncidents(
    IEventsApiClient events,
    IChatWebhook chat,
    IOnCallDirectory rota,
    ISmsGateway sms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<ControlRoomIncidents> logger)
{
    private readonly Counter<long> _incidents = meter.CreateCounter<long>("railpage.vehicle.incidents", "{incident}");

    public async Task RaiseAsync(VehicleIncident incident, CancellationToken cancellationToken)
    {
        var severity = incident.Kind is "assault" or "collision" ? "critical" : "warning";
        using var span = source.StartRailpagePage("control-room", severity);
        span.SetRailpageIncidentId(incident.IncidentRef); // clean precision-names
        span.SetRailpageDedupKey(DedupKeys.Of($"route-{incident.Route}", $"{incident.Kind}-{incident.StopCode}")); // clean precision-about
        _incidents.Add(1, new KeyValuePair<string, object?>("kind", incident.Kind), new KeyValuePair<string, object?>("route", incident.Route)); // clean precision-about
        _incidents.Add(0, new KeyValuePair<string, object?>("bus", incident.BusRegistration)); // clean precision-names
        LogRaised(logger, incident.IncidentRef, incident.Kind, incident.Driver.StaffNumber); // leak TC1001 direct
        logger.LogWarning("Vehicle incident {Incident}", incident); // leak TC1001 logging-objects
        Activity.Current?.SetTag("incident.report_length", incident.DriverReport.Length); // clean precision-about

        var message = new ChatMessage
        {
            Channel = options.AlertsChannelId,
            Text = $"{Mention.Group(options.OnCallGroupId)} {incident.Kind} on route {incident.Route} at {incident.StopCode} ({incident.BusRegistration})",
        };
        message.Attachments.Add(new Attachment("#cc0000", $"Driver {incident.Driver.Name}", incident.DriverReport) { Footer = $"call {incident.Driver.MobilePhone}" });
        logger.LogInformation("Control room post {Text}", message.Text); // clean strings
        logger.LogInformation("Control room attachment {Attachment}", message.Attachments[0]); // leak TC1001 logging-objects
        await chat.PostAsync(message, cancellationToken);

        var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, incident.IncidentRef,
            new AlertPayload(message.Text, "cab-radio", severity == "critical" ? AlertSeverity.Critical : AlertSeverity.Warning, "control-room", incident.Route)), cancellationToken);
        span.SetRailpageOutcome(enqueued.Status); // clean precision-about
        meter.CreateRailpagePagesSentCounter().Add(1, "control-room", severity, railpageOutcome: enqueued.Status); // clean precision-about
    }

    public async Task EscalateToDutyManagerAsync(VehicleIncident incident, CancellationToken cancellationToken)
    {
        var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 2, cancellationToken);
        if (shift is null)
        {
            var missing = new NoResponderException(options.OnCallScheduleId, 2);
            Activity.Current?.AddException(missing); // clean exceptions
            throw missing;
        }

        var manager = shift.Responder;
        try
        {
            await sms.SendAsync(manager.Phone, $"{incident.Kind} {incident.IncidentRef} unacknowledged, route {incident.Route}", cancellationToken);
            logger.LogInformation("Duty manager {Manager} texted", PhoneMask.Mask(manager.Phone)); // clean precision-about
        }
        catch (SmsRejectedException ex)
        {
            logger.LogError(ex, "Could not text the duty manager"); // leak TC1001 exceptions
            logger.LogRailpagePageFailedEvent("control-room", "sms-rejected", railpageIncidentId: incident.IncidentRef, railpageNote: ex.Reason); // clean exceptions
        }

        Activity.Current?.SetTag("escalation.manager", manager.StaffId); // leak TC1001 direct
        Activity.Current?.SetTag("escalation.manager.ref", pseudonymizer.PseudonymizeRailpageResponderId(manager.StaffId).ToString()); // clean precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentRef} ({Kind}) raised by driver {StaffNumber}")]
    private static partial void LogRaised(ILogger logger, string incidentRef, string kind, string staffNumber);
}
