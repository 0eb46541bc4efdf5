namespace Sport.Esports;

// An esports league: rosters, locks, transfers and the disciplinary panel.

/// <summary>A roster entry. Prints team, the player's id, gamertag, legal name, country and role.</summary>
public sealed record RosterEntry(string TeamId, Guid PlayerId, string Gamertag, string LegalName, string Country, string Role);

/// <summary>A roster lock. Prints lock id, team, split, starters, substitutes and time.</summary>
public sealed record RosterLock(string LockId, string TeamId, string SplitId, int Starters, int Substitutes, DateTimeOffset LockedAt);

/// <summary>A transfer request. Prints transfer id, the player's id and gamertag, teams and fee.</summary>
public sealed record TransferRequest(string TransferId, Guid PlayerId, string Gamertag, string FromTeamId, string ToTeamId, decimal Fee);

/// <summary>A disciplinary ruling. Prints case id, the player's id, offence, matches banned and the panel's notes.</summary>
public sealed record DisciplinaryRuling(string CaseId, Guid PlayerId, string Offence, int MatchesBanned, string PanelNotes);

public interface IRosterStore
{
    Task<IReadOnlyList<RosterEntry>> LoadAsync(string teamId, string splitId, CancellationToken cancellationToken = default);

    Task SaveLockAsync(RosterLock rosterLock, CancellationToken cancellationToken = default);
}

/// <summary>The roster is locked; quotes team and split.</summary>
public sealed class RosterLockedException(string teamId, string splitId) : Exception($"Roster of {teamId} is locked for {splitId}");

/// <summary>The player is suspended; quotes the gamertag and matches.</summary>
public sealed class PlayerSuspendedException(string gamertag, int matches) : Exception($"{gamertag} is suspended for {matches} matches");
