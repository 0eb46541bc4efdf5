namespace PrivacyHoldout141.Support;

// A mobility game's live ride events: players drive cabs and scooters around a fictional city map,
// carry other players, rate each other and report abuse; events end with rewards and a leaderboard.

/// <summary>A point on a game map (map units, not a place on Earth). Prints its X and Y.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>A player's ride request in an event. Prints the player's id and gamertag, the event, the map, the pickup and drop-off and the vehicle kind.</summary>
public sealed record InGameRideRequest(Guid PlayerId, string Gamertag, string EventId, string MapId, MapPoint Pickup, MapPoint Dropoff, string VehicleKind);

/// <summary>A finished in-game ride. Prints the event, the ride, the driving player's and the passenger's ids, the coins and the stars.</summary>
public sealed record InGameRide(string EventId, string RideId, Guid DriverPlayerId, Guid PassengerPlayerId, int Coins, int Stars);

/// <summary>A rating of a player after a ride. Prints the ride, the rater, the rated player, the stars and the comment.</summary>
public sealed record PlayerRating(string RideId, Guid RaterId, Guid RatedId, int Stars, string? Comment);

/// <summary>An abuse report. Prints the report, the reporter, the reported player, the category and the chat excerpt.</summary>
public sealed record AbuseReport(string ReportId, Guid ReporterId, Guid ReportedId, string Category, string ChatExcerpt);

/// <summary>A row of an event's leaderboard. Prints the rank, the gamertag, the rides and the coins.</summary>
public sealed record EventLeaderboardRow(int Rank, string Gamertag, int Rides, int Coins);

/// <summary>An event's settings. Prints only the event: its id, map, start, end and reward pool.</summary>
public sealed record RideEvent(string EventId, string MapId, DateTimeOffset Starts, DateTimeOffset Ends, int RewardPool);

public interface IGameEventsClient
{
    Task<RideEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken = default);

    Task<InGameRide> StartRideAsync(InGameRideRequest request, Guid driverPlayerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EventLeaderboardRow>> LeaderboardAsync(string eventId, int top, CancellationToken cancellationToken = default);

    Task GrantAsync(Guid playerId, string rewardSku, int coins, CancellationToken cancellationToken = default);

    Task SaveRatingAsync(PlayerRating rating, CancellationToken cancellationToken = default);

    Task MuteAsync(Guid playerId, TimeSpan duration, CancellationToken cancellationToken = default);
}

/// <summary>The player is banned from events; the message quotes the gamertag and the end of the ban.</summary>
public sealed class PlayerBannedException(string gamertag, DateTimeOffset until)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"{gamertag} is banned from ride events until {until:yyyy-MM-dd}"))
{
    public DateTimeOffset Until { get; } = until;
}

/// <summary>The event is not running; the message quotes the event.</summary>
public sealed class EventClosedException(string eventId) : Exception($"Ride event {eventId} is closed")
{
    public string EventId { get; } = eventId;
}
