namespace PrivacyHoldout38.Gaming;

public readonly record struct PlayerId(Guid Value)
{
    public static PlayerId New() => new(Guid.NewGuid());
}

public readonly record struct MatchId(Guid Value);

public sealed record Standing(PlayerId PlayerId, string Gamertag, int Score, int Kills);

public sealed class CheatDetectedException(string gamertag, string signal)
    : Exception($"Anti-cheat flagged {gamertag}: {signal}");

public sealed class MatchFullException(MatchId matchId, int capacity)
    : Exception($"Match {matchId.Value:N} is full ({capacity} players)");

/// <summary>A player's session on the game servers; its reference is computed once.</summary>
public sealed class PlayerSession(PlayerId playerId, string gamertag, Pseudonymizer pseudonymizer)
{
    public PlayerId PlayerId => playerId;

    public string Gamertag => gamertag;

    public required string Platform { get; init; }

    public required string Region { get; init; }

    public string Reference => field ??= pseudonymizer.ComputePartyRef(playerId.Value.ToString("N"));

    public int Ping { get; set => field = Math.Clamp(value, 0, 999); }
}
