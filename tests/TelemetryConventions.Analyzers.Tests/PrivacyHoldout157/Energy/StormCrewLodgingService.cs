namespace PrivacyHoldout157.Energy;

/// <summary>A crew sent away on a storm job. Prints job, depot and the engineers.</summary>
public sealed record StormCrew(string JobId, string Depot, string Substation, IReadOnlyList<EngineerStay> Engineers);

/// <summary>Houses field crews in partner hotels when a storm sends them away from their depot.</summary>
public sealed class StormCrewLodgingService(IHotelDesk hotels, IGuestMessenger messenger, Pseudonymizer pseudonymizer, ILogger<StormCrewLodgingService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Grid.CrewLodging");
    private readonly Counter<long> _unhoused = meter.CreateCounter<long>("crewlodging.unhoused");
    private readonly ConcurrentDictionary<string, EngineerStay> _housedTonight = new();
    private EngineerStay? _restBreach;

    public async Task HouseAsync(StormCrew crew, DateOnly night, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCrewlodgingOperation(crew.Depot);
        span.SetCrewlodgingNightCount(crew.Engineers.Count); // clean precision-about
        Activity.Current?.SetTag("crew.job_id", crew.JobId); // clean precision-names
        Activity.Current?.SetTag("crew.substation", crew.Substation); // clean direct
        Activity.Current?.SetTag("crew.engineers", string.Join(",", crew.Engineers.Select(e => e.StaffNumber))); // leak TC1001 strings

        foreach (var engineer in crew.Engineers)
        {
            var allotment = await hotels.AllotmentAsync(engineer.HotelCode, night, cancellationToken);
            logger.LogDebug("Allotment {@Allotment}", allotment); // clean logging-objects
            try
            {
                if (allotment.RoomsUsed >= allotment.RoomsHeld)
                {
                    throw new AllotmentExhaustedException(engineer.HotelCode, night);
                }

                var confirmation = await hotels.BookAsync(engineer.HotelCode, engineer.EngineerName, night, cancellationToken);
                _housedTonight[engineer.StaffNumber] = engineer;
                await messenger.TextAsync(engineer.Mobile, $"Room booked at {engineer.HotelCode}, ref {confirmation}", cancellationToken);
                logger.LogInformation("Engineer {Engineer} housed at {Hotel}", pseudonymizer.ComputeCrewlodgingEngineerId(engineer.StaffNumber), engineer.HotelCode); // clean precision-pseudonym
                logger.LogInformation("Texted {Mobile} the booking {Confirmation}", engineer.Mobile, confirmation); // leak TC1001 direct
            }
            catch (AllotmentExhaustedException ex)
            {
                logger.LogWarning(ex, "Allotment exhausted for job {JobId}", crew.JobId); // clean exceptions
                _unhoused.Add(1, new KeyValuePair<string, object?>("depot", crew.Depot), new KeyValuePair<string, object?>("hotel", engineer.HotelCode)); // clean direct
                _unhoused.Add(1, new KeyValuePair<string, object?>("engineer", engineer.StaffNumber)); // leak TC1003 direct
                logger.LogCrewlodgingOperationFailedEvent(crew.Depot, "no-room", crewlodgingEngineerId: pseudonymizer.PseudonymizeCrewlodgingEngineerId(engineer.StaffNumber), crewlodgingNote: $"{engineer.EngineerName} has no room at {engineer.HotelCode}"); // leak TC1001 generated-api
            }
        }

        meter.CreateCrewlodgingNightsCounter().Add(_housedTonight.Count, crewlodgingDepot: crew.Depot, crewlodgingOutcome: "housed"); // clean generated-api
        meter.CreateCrewlodgingBookingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, crewlodgingDepot: crew.Depot); // clean generated-api
    }

    public void CheckRest(EngineerStay engineer, double hoursSinceShift)
    {
        if (hoursSinceShift >= 11)
        {
            return;
        }

        _restBreach = engineer;
        var breach = new RestRuleBreachException(engineer.StaffNumber, hoursSinceShift);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, breach.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("crew.rest.hours", hoursSinceShift); // clean precision-about
        logger.LogWarning("Rest rule breach ({Type}) at {Hotel}", breach.GetType().Name, engineer.HotelCode); // clean exceptions
    }

    public void ReportNight()
    {
        logger.LogInformation("Crew housed tonight: {Crew}", _housedTonight.Values); // leak TC1001 cross-member
        logger.LogInformation("{Count} engineers housed tonight in {Hotels} hotels", _housedTonight.Count, _housedTonight.Values.Select(e => e.HotelCode).Distinct().Count()); // clean cross-member
        Activity.Current?.SetTag("crew.rest_breach.mobile", _restBreach?.Mobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("crew.rest_breach.hotel", _restBreach?.HotelCode); // clean cross-member
    }
}
