namespace Driving.Sim;

// A driving game with a hazard perception trainer and simulator rigs at venues.

/// <summary>A player. Prints id, gamertag, email and rating.</summary>
public sealed record SimPlayer(Guid PlayerId, string Gamertag, string Email, int Rating);

/// <summary>A hazard perception attempt. Prints attempt id, player id, clip id and score.</summary>
public sealed record HazardAttempt(Guid AttemptId, Guid PlayerId, string ClipId, int Score);

/// <summary>A lap on the leaderboard. Prints track, time and gamertag.</summary>
public sealed record LapRecord(string Track, double Seconds, string Gamertag);

/// <summary>A simulator rig booking. Prints rig id, venue and time; names no one.</summary>
public sealed record RigBooking(string RigId, string Venue, DateTimeOffset At);

public interface ISimPlayers
{
    Task<SimPlayer?> FindAsync(Guid playerId, CancellationToken cancellationToken = default);
}

/// <summary>A gamertag is banned; quotes the gamertag.</summary>
public sealed class GamertagBannedException(string gamertag) : Exception($"Gamertag {gamertag} is banned");

/// <summary>A rig is offline; quotes the rig id.</summary>
public sealed class RigOfflineException(string rigId) : Exception($"Rig {rigId} is offline");
