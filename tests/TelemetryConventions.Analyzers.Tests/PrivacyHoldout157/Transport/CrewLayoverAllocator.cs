namespace PrivacyHoldout157.Transport;

/// <summary>Allocates layover hotel rooms to operating crew at outstations.</summary>
public sealed partial class CrewLayoverAllocator(IHotelDesk hotels, Pseudonymizer pseudonymizer, ILogger<CrewLayoverAllocator> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Airline.Layovers");
    private readonly Counter<long> _roomsByRank = meter.CreateCounter<long>("layovers.rooms");
    private readonly Dictionary<string, string> _hotelByStaff = new();

    public async Task AllocateAsync(string station, DateOnly night, IReadOnlyList<CrewLayover> crew, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLayoverOperation(station);
        span.SetLayoverNightCount(crew.Count); // clean precision-about
        Activity.Current?.SetTag("layover.flights", string.Join(",", crew.Select(c => c.FlightDesignator).Distinct())); // clean strings

        foreach (var member in crew)
        {
            var allotment = await hotels.AllotmentAsync(member.HotelCode, night, cancellationToken);
            if (allotment.RoomsUsed >= allotment.RoomsHeld)
            {
                var exhausted = new AllotmentExhaustedException(member.HotelCode, night);
                span.RecordException(exhausted, includeMessage: true); // clean exceptions
                LogNoRoom(logger, member.StaffNumber, member.Rank, member.HotelCode); // leak TC1001 logging-objects
                continue;
            }

            await hotels.BookAsync(member.HotelCode, member.CrewName, night, cancellationToken);
            _hotelByStaff[member.StaffNumber] = member.HotelCode;
            span.SetLayoverCrewId(pseudonymizer.PseudonymizeLayoverCrewId(member.StaffNumber)); // clean precision-pseudonym
            _roomsByRank.Add(1, new KeyValuePair<string, object?>("rank", member.Rank), new KeyValuePair<string, object?>("hotel", member.HotelCode)); // clean direct
            _roomsByRank.Add(1, new KeyValuePair<string, object?>("crew", pseudonymizer.ComputeLayoverCrewId(member.StaffNumber))); // leak TC1003 precision-pseudonym
            logger.LogInformation("Layover booked for {Crew} on {Flight}", member, member.FlightDesignator); // leak TC1001 logging-objects
            LogBooked(logger, member.CrewName, member.HotelCode); // clean logging-objects
        }

        meter.CreateLayoverRoomsCounter().Add(_hotelByStaff.Count, layoverStation: station, layoverOutcome: "booked"); // clean generated-api
        meter.CreateLayoverBookingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, layoverStation: station); // clean generated-api
    }

    public void CheckRest(CrewLayover member, double restHours)
    {
        try
        {
            if (restHours < 10)
            {
                throw new RestRuleBreachException(member.StaffNumber, restHours);
            }
        }
        catch (RestRuleBreachException ex)
        {
            logger.LogError(ex, "Rest breach at {Hotel}", member.HotelCode); // leak TC1001 exceptions
            logger.LogLayoverOperationFailedEvent(member.HotelCode, "rest-breach", layoverNote: $"{member.Rank} on {member.FlightDesignator} rests {restHours:0.0} h"); // clean generated-api
        }
    }

    public void PublishRoomingBoard(string station)
    {
        logger.LogInformation("Rooming board {Station}: {Board}", station, _hotelByStaff); // leak TC1001 cross-member
        logger.LogInformation("Rooming board {Station}: {Hotels}", station, _hotelByStaff.Values.GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count())); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No layover room for {StaffNumber} ({Rank}) at {Hotel}")]
    private static partial void LogNoRoom(ILogger logger, string staffNumber, string rank, string hotel);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CrewName} booked at {Hotel}")]
    private static partial void LogBooked(ILogger logger, [PrivateData] string crewName, string hotel);
}
