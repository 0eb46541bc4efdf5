namespace CultureHub.Arcade;

// A game museum's playable arcade: play cards, cabinets, high scores and tournament evenings. Records print their members.

/// <summary>A play card loaded with credits. Prints card number, the membership number if linked, credits and last top-up.</summary>
public sealed record PlayCard(string CardNumber, string? MembershipNumber, int Credits, DateTimeOffset LastTopUp);

/// <summary>A tap at a cabinet. Prints the play card number, cabinet, credits spent and time.</summary>
public sealed record CabinetTap(string CardNumber, string Cabinet, int CreditsSpent, DateTimeOffset At);

/// <summary>A high score. Prints cabinet, the initials typed on the cabinet, score and the play card number.</summary>
public sealed record HighScoreEntry(string Cabinet, string Initials, long Score, string CardNumber);

/// <summary>An arcade cabinet. Prints asset tag, game, year, status and credits per play.</summary>
public sealed record Cabinet(string AssetTag, string Game, int Year, string Status, int CreditsPerPlay);

/// <summary>A tournament entry. Prints entry id, gamertag, email, tournament and seed.</summary>
public sealed record TournamentEntry(string EntryId, string Gamertag, string Email, string TournamentId, int Seed);

/// <summary>A tournament evening. Prints id, game, night, capacity and entrants.</summary>
public sealed record Tournament(string TournamentId, string Game, DateOnly Night, int Capacity, int Entrants);

public interface IPlayCardLedger
{
    Task<PlayCard?> FindAsync(string cardNumber, CancellationToken cancellationToken = default);

    Task<PlayCard> DebitAsync(string cardNumber, int credits, CancellationToken cancellationToken = default);

    Task<PlayCard> TopUpAsync(string cardNumber, int credits, CancellationToken cancellationToken = default);
}

public interface ICabinetFleet
{
    Task<Cabinet> CabinetAsync(string assetTag, CancellationToken cancellationToken = default);

    Task StartCreditAsync(string assetTag, CancellationToken cancellationToken = default);

    Task PostScoreAsync(HighScoreEntry entry, CancellationToken cancellationToken = default);
}

public interface ITournamentDesk
{
    Task<Tournament> TournamentAsync(string tournamentId, CancellationToken cancellationToken = default);

    Task<TournamentEntry> EnterAsync(string tournamentId, string gamertag, string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TournamentEntry>> EntrantsAsync(string tournamentId, CancellationToken cancellationToken = default);
}

/// <summary>Not enough credits; quotes the credits held and needed.</summary>
public sealed class InsufficientCreditsException(int held, int needed) : Exception($"Card holds {held} credits, {needed} needed");

/// <summary>The cabinet is out of order; quotes the asset tag and fault code.</summary>
public sealed class CabinetOutOfOrderException(string assetTag, string faultCode) : Exception($"Cabinet {assetTag} out of order ({faultCode})")
{
    public string FaultCode { get; } = faultCode;
}

/// <summary>The entrant is banned from tournaments; quotes the gamertag.</summary>
public sealed class EntrantBannedException(string gamertag) : Exception($"{gamertag} is banned from tournament play");

/// <summary>No play card with that number; quotes the card number.</summary>
public sealed class PlayCardNotFoundException(string cardNumber) : Exception($"No play card {cardNumber}");
