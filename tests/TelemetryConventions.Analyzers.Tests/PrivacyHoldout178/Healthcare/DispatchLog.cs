namespace PrivacyHoldout178.Healthcare;

public static partial class DispatchLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Unit {CallSign} dispatched to {IncidentNumber}")]
    public static partial void UnitDispatched(ILogger logger, string callSign, string incidentNumber);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Crew member {StaffNumber} booked on {CallSign}")]
    public static partial void CrewBookedOn(ILogger logger, [PrivateData] string staffNumber, string callSign);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Crew member {StaffNumber} booked off {CallSign}")]
    public static partial void CrewBookedOff(ILogger logger, string staffNumber, string callSign);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Caller {CallerNumber} rang back about {IncidentNumber}")]
    public static partial void CallerRangBack(ILogger logger, string callerNumber, string incidentNumber);
}

/// <summary>Assigns units to incidents and tells the crews.</summary>
public sealed class DispatchService(IUnitRoster roster, Pseudonymizer pseudonymizer, ILogger<DispatchService> logger)
{
    private static readonly ActivitySource Source = new("Ambulance.Dispatch");
    private readonly List<string> _lastCrewNames = [];

    public async Task DispatchAsync(Incident incident, EmergencyCall call, CancellationToken cancellationToken)
    {
        using var span = Source.StartAmbcadOperation(incident.StationArea).SetAmbcadPriority($"C{incident.Priority}");
        UnitDispatch? unit;
        try
        {
            unit = await roster.AssignAsync(incident.IncidentNumber, incident.Priority, cancellationToken);
        }
        catch (NoUnitAvailableException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogAmbcadOperationFailedEvent(incident.StationArea, "no-unit", ambcadNote: ex.Message); // clean exceptions
            return;
        }

        if (unit is null)
        {
            return;
        }

        DispatchLog.UnitDispatched(logger, unit.CallSign, incident.IncidentNumber); // clean precision-names
        foreach (var member in unit.Crew)
        {
            DispatchLog.CrewBookedOn(logger, member.StaffNumber, unit.CallSign); // clean logging-objects
            DispatchLog.CrewBookedOff(logger, member.StaffNumber, unit.CallSign); // leak TC1001 direct
            span.SetAmbcadResponderId(pseudonymizer.PseudonymizeAmbcadResponderId(member.StaffNumber)); // clean precision-pseudonym
            _lastCrewNames.Add(member.Name);
        }

        span.Activity?.SetTag("unit.crew", string.Join(", ", _lastCrewNames)); // leak TC1001 cross-member
        span.Activity?.SetTag("unit.crew.size", unit.Crew.Count); // clean precision-about
        span.Activity?.SetTag("unit.crew.roles", string.Join(",", unit.Crew.Select(c => c.Role))); // clean precision-about
        logger.LogInformation("Dispatch {@Dispatch}", unit); // leak TC1001 logging-objects
        DispatchLog.CallerRangBack(logger, call.CallerNumber, incident.IncidentNumber); // leak TC1001 direct
        Baggage.SetBaggage("incident.number", incident.IncidentNumber); // clean precision-names
        Baggage.SetBaggage("caller.msisdn", call.CallerNumber); // leak TC1001 direct
        span.Activity?.SetTag("dispatch.call_sign", unit.CallSign); // clean precision-names
    }
}
