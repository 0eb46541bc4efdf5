namespace PrivacyHoldout157.Gaming;

/// <summary>A player travelling to the event. Prints player id, gamertag, legal name, team and whether they need an accessible room.</summary>
public sealed record TravellingPlayer(Guid PlayerId, string Gamertag, string LegalName, string Team, bool AccessibleRoom);

/// <summary>A team's room request. Prints team, event and players.</summary>
public sealed record TeamRoomRequest(string Team, string EventCode, IReadOnlyList<TravellingPlayer> Players);

public interface ITeamHotelDesk
{
    Task<RoomBlock> BlockAsync(string eventCode, string team, int rooms, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoomingEntry>> AssignAsync(string blockCode, IReadOnlyList<string> legalNames, CancellationToken cancellationToken = default);
}

/// <summary>Allocates the tournament's team hotel: a room block per team, the rooming list under players' legal names.</summary>
public sealed partial class TournamentRoomBlockService(ITeamHotelDesk desk, Pseudonymizer pseudonymizer, ILogger<TournamentRoomBlockService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Esports.TeamHotel");
    private readonly Counter<long> _roomsByTeam = meter.CreateCounter<long>("teamhotel.rooms");
    private readonly Dictionary<string, string> _roomByGamertag = new();
    private TravellingPlayer? _lastUnroomed;

    public async Task AllocateAsync(TeamRoomRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTeamhotelOperation(request.EventCode);
        span.SetTeamhotelNightCount(request.Players.Count); // clean precision-about
        Activity.Current?.SetTag("teamhotel.team", request.Team); // clean precision-names
        Activity.Current?.SetTag("teamhotel.accessible_rooms", request.Players.Count(p => p.AccessibleRoom)); // clean precision-about
        Activity.Current?.SetTag("teamhotel.roster", Roster(request)); // leak TC1001 strings
        logger.LogInformation("Room request for {Team}: {Players}", request.Team, request.Players.Select(p => p.Gamertag)); // leak TC1001 direct

        var block = await desk.BlockAsync(request.EventCode, request.Team, (request.Players.Count + 1) / 2, cancellationToken);
        _roomsByTeam.Add(block.Rooms, new KeyValuePair<string, object?>("team", request.Team)); // clean precision-names
        var rooming = await desk.AssignAsync(block.BlockCode, request.Players.Select(p => p.LegalName).ToList(), cancellationToken);

        foreach (var player in request.Players)
        {
            var entry = rooming.FirstOrDefault(r => r.GuestName == player.LegalName);
            if (entry is null)
            {
                _lastUnroomed = player;
                LogUnroomed(logger, player.Gamertag, request.Team); // leak TC1001 logging-objects
                continue;
            }

            _roomByGamertag[player.Gamertag] = entry.RoomNumber;
            span.SetTeamhotelPlayerId(pseudonymizer.PseudonymizeTeamhotelPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
            logger.LogDebug("Room {RoomNumber} for {Player}", entry.RoomNumber, pseudonymizer.ComputeTeamhotelPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
            LogRoomed(logger, player.LegalName, entry.RoomNumber); // clean logging-objects
            _roomsByTeam.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeTeamhotelPlayerId(player.PlayerId.ToString()).ToString())); // leak TC1003 precision-pseudonym
        }

        span.SetTeamhotelOutcome($"{rooming.Count} of {request.Players.Count} roomed"); // clean generated-api
        meter.CreateTeamhotelRoomsCounter().Add(rooming.Count, teamhotelEvent: request.EventCode, teamhotelOutcome: "allocated"); // clean generated-api
        meter.CreateTeamhotelAllocationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, teamhotelEvent: request.EventCode); // clean generated-api
    }

    public void PublishBoard()
    {
        Activity.Current?.SetTag("teamhotel.board", string.Join(";", _roomByGamertag.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 cross-member
        Activity.Current?.SetTag("teamhotel.board.rooms", _roomByGamertag.Values.Distinct().Count()); // clean cross-member
        logger.LogWarning("Last player without a room: {Player}", _lastUnroomed); // leak TC1001 cross-member
        logger.LogWarning("Last team with a player unroomed: {Team}", _lastUnroomed?.Team); // clean cross-member
    }

    private static string Roster(TeamRoomRequest request) =>
        $"{request.Team}: " + string.Join(", ", request.Players.Select(p => $"{p.Gamertag} ({p.LegalName})"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "No room for {Gamertag} of {Team}")]
    private static partial void LogUnroomed(ILogger logger, string gamertag, string team);

    [LoggerMessage(Level = LogLevel.Information, Message = "{LegalName} roomed in {RoomNumber}")]
    private static partial void LogRoomed(ILogger logger, [PrivateData] string legalName, string roomNumber);
}
