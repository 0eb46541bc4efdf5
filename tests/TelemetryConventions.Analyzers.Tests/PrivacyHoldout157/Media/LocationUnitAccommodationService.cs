namespace PrivacyHoldout157.Media;

/// <summary>A name on the call sheet who needs a room. Prints staff number, name, department, agent's email and whether they are cast.</summary>
public sealed record CallSheetTraveller(string StaffNumber, string Name, string Department, string AgentEmail, bool Cast);

/// <summary>A unit's move to a location. Prints production, unit, call sheet, hotel and travellers.</summary>
public sealed record UnitMove(string Production, string Unit, string CallSheetId, string HotelCode, DateOnly Night, IReadOnlyList<CallSheetTraveller> Travellers);

/// <summary>Books location hotels for a unit from the call sheet.</summary>
public sealed class LocationUnitAccommodationService(IHotelDesk hotels, IGuestMessenger messenger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LocationUnitAccommodationService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Studio.LocationStays");
    private readonly UpDownCounter<int> _roomsHeld = meter.CreateUpDownCounter<int>("locationstays.rooms.held");
    private readonly List<CallSheetTraveller> _unbooked = new();
    private string _lastAgentNotified = string.Empty;

    public async Task MoveAsync(UnitMove move, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLocationstayOperation(move.Production);
        span.SetLocationstayNightCount(move.Travellers.Count); // clean precision-about
        Activity.Current?.SetTag("unit.call_sheet_id", move.CallSheetId); // clean precision-names
        Activity.Current?.SetTag("unit.cast_count", move.Travellers.Count(t => t.Cast)); // clean precision-names
        Activity.Current?.SetTag("unit.departments", string.Join(",", move.Travellers.Select(t => t.Department).Distinct())); // clean strings
        using var scope = logger.BeginScope("Unit {Unit} of {Production} to {Hotel}", move.Unit, move.Production, move.HotelCode); // clean direct

        foreach (var traveller in move.Travellers)
        {
            try
            {
                var confirmation = await hotels.BookAsync(move.HotelCode, traveller.Name, move.Night, cancellationToken);
                _roomsHeld.Add(1, new KeyValuePair<string, object?>("department", traveller.Department)); // clean direct
                span.SetLocationstayCrewId(pseudonymizer.PseudonymizeLocationstayCrewId(traveller.StaffNumber)); // clean precision-pseudonym
                logger.LogInformation("Booked {Confirmation} for {Traveller}", confirmation, TravellerLabel(traveller)); // leak TC1001 strings
                logger.LogInformation("Booked {Confirmation} for the {Department} department", confirmation, traveller.Department); // clean strings
                if (traveller.Cast)
                {
                    await messenger.EmailAsync(traveller.AgentEmail, "tpl-cast-hotel", new Dictionary<string, string> { ["hotel"] = move.HotelCode }, cancellationToken);
                    _lastAgentNotified = traveller.AgentEmail;
                }
            }
            catch (AllotmentExhaustedException ex)
            {
                _unbooked.Add(traveller);
                logger.LogWarning(ex, "Hotel full for unit {Unit}", move.Unit); // clean exceptions
                Activity.Current?.AddEvent(new ActivityEvent("unit.unbooked", tags: new ActivityTagsCollection { ["crew.member"] = traveller.StaffNumber, ["department"] = traveller.Department })); // leak TC1001 direct
                Activity.Current?.SetTag("unit.unbooked.shard", SHA256.HashData(Encoding.UTF8.GetBytes(traveller.StaffNumber))[0] % 4); // leak TC1002 hashes
                Activity.Current?.SetTag("unit.unbooked.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(traveller.StaffNumber))[0] % 4); // clean hashes
            }
        }

        span.SetLocationstayNote($"{move.Travellers.Count - _unbooked.Count} booked, {_unbooked.Count} without a room, call sheet {move.CallSheetId}"); // clean generated-api
        meter.CreateLocationstayBookingsCounter().Add(move.Travellers.Count, locationstayProduction: move.Production, locationstayOutcome: _unbooked.Count == 0 ? "booked" : "partial"); // clean generated-api
        meter.CreateLocationstayTurnaroundDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, locationstayProduction: move.Production); // clean generated-api
    }

    public void ReportUnbooked(string production)
    {
        logger.LogWarning("Unbooked on {Production}: {Names}", production, _unbooked.Select(t => t.Name)); // leak TC1001 cross-member
        logger.LogWarning("Unbooked on {Production}: {Count} in {Departments}", production, _unbooked.Count, _unbooked.Select(t => t.Department).Distinct()); // clean cross-member
        Activity.Current?.SetTag("unit.last_agent", _lastAgentNotified); // leak TC1001 cross-member
        logger.LogLocationstayOperationFailedEvent(production, "unbooked", locationstayNote: string.Join(", ", _unbooked.Select(t => t.Name))); // leak TC1001 generated-api
    }

    private static string TravellerLabel(CallSheetTraveller traveller) => $"{traveller.Name} ({traveller.Department})";
}
