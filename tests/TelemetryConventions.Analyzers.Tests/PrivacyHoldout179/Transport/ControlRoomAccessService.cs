namespace PrivacyHoldout179.Transport;

/// <summary>Access to the network control room, checked over gRPC by the door panel; and deliveries to named controllers.</summary>
public sealed partial class ControlRoomAccessService(ILogger<ControlRoomAccessService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.ControlRoom");
    private static readonly Meter Meter = new("Transit.ControlRoom");
    private static readonly Counter<long> Entries = Meter.CreateCounter<long>("controlroom.entries");

    public Task<bool> Enter(ControlRoomAccess request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("controlroom.enter");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("controlroom.room", request.Room); // clean precision-names
        activity?.SetTag("controlroom.staff_number", request.StaffNumber); // leak TC1001 direct
        activity?.SetTag("controlroom.staff", pseudonymizer.PseudonymizeDepotgateHostId(request.StaffNumber)); // clean precision-pseudonym
        activity?.SetTag("controlroom.staff_name", request.StaffName); // leak TC1001 direct
        Entries.Add(1, new KeyValuePair<string, object?>("room", request.Room)); // clean precision-names
        Entries.Add(1, new KeyValuePair<string, object?>("staff", pseudonymizer.PseudonymizeDepotgateHostId(request.StaffNumber))); // leak TC1003 precision-pseudonym
        LogEntered(logger, request.StaffName, request.Room); // clean precision-names
        LogEnteredPlain(logger, request.StaffNumber, request.Room); // leak TC1001 direct
        logger.LogInformation("Control room entry {Entry}", request); // leak TC1001 logging-objects
        logger.LogInformation("Control room entry to {Room} by a {Grade}", request.Room, "controller"); // clean precision-about

        var summary = string.Format(CultureInfo.InvariantCulture, "{0} entered {1}", request.StaffName, request.Room);
        activity?.AddEvent(new ActivityEvent(summary)); // leak TC1001 strings
        var roomSummary = string.Format(CultureInfo.InvariantCulture, "Entry to {0}", request.Room);
        activity?.AddEvent(new ActivityEvent(roomSummary)); // clean strings

        try
        {
            throw new KioskOfflineException("cr-door-2");
        }
        catch (KioskOfflineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Door panel offline at {Room}", request.Room); // clean exceptions
        }

        return Task.FromResult(true);
    }

    public Task<string> RollCall(IReadOnlyList<RollCallEntry> entries, ServerCallContext context)
    {
        using var activity = Source.StartActivity("controlroom.rollcall");
        var missing = entries.Where(e => !e.Accounted).ToList();
        activity?.SetTag("rollcall.missing.count", missing.Count); // clean precision-about
        activity?.SetTag("rollcall.missing.ids", missing.Select(e => e.PersonId).ToArray()); // leak TC1001 direct
        activity?.SetTag("rollcall.muster_points", entries.Select(e => e.MusterPoint).Distinct().ToArray()); // clean precision-names
        var text = new StringBuilder();
        foreach (var entry in missing)
        {
            text.Append(entry.PersonName).Append(" at ").Append(entry.MusterPoint).Append("; ");
        }
        activity?.SetTag("rollcall.missing.text", text.ToString()); // leak TC1001 strings
        logger.LogDepotgateOperationFailedEvent("control-room", "missing", null, $"{missing.Count} missing"); // clean generated-api
        logger.LogDepotgateOperationFailedEvent("control-room", "missing", null, text.ToString()); // leak TC1001 generated-api

        try
        {
            throw new InductionExpiredException(entries[0].PersonId);
        }
        catch (InductionExpiredException ex)
        {
            logger.LogWarning("Roll call stopped: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Roll call stopped: {Error}", ex.GetType().Name); // clean exceptions
        }

        return Task.FromResult(text.ToString());
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{Name} entered {Room}")]
    private static partial void LogEntered(ILogger logger, [PrivateData] string name, string room);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Staff {StaffNumber} entered {Room}")]
    private static partial void LogEnteredPlain(ILogger logger, string staffNumber, string room);
}
