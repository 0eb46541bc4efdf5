using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Gaming;

public sealed record Player(string Id, string Gamertag, string Region, int Level, string Email);

public sealed record MatchRoster(Guid MatchId, string Mode, IReadOnlyDictionary<string, string> TeamByPlayer);

public interface IMatchmaking
{
    Task<MatchRoster?> RosterAsync(Guid matchId, CancellationToken cancellationToken);
}

public interface IPlayers
{
    Task<IReadOnlyList<Player>> ByIdsAsync(IReadOnlyCollection<string> playerIds, CancellationToken cancellationToken);

    Task<ILookup<string, string>> FriendIdsAsync(IReadOnlyCollection<string> playerIds, CancellationToken cancellationToken);
}

internal static class GameTelemetry
{
    public static readonly ActivitySource Source = new("Arena.Realtime");

    public static readonly Meter Meter = new("Arena.Realtime");
}
