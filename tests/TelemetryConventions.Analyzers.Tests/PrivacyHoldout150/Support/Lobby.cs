namespace Dating.Lobby;

// A game's skill matchmaking, friend finder and social hub reports.

/// <summary>A matchmaking ticket. Prints ticket id, the player's id, gamertag, MMR, region and party.</summary>
public sealed record QueueTicket(string TicketId, Guid PlayerId, string Gamertag, int Mmr, string Region, string? PartyId);

/// <summary>A formed lobby. Prints lobby id, region, player count, average MMR and spread.</summary>
public sealed record FormedLobby(string LobbyId, string Region, int PlayerCount, int AverageMmr, int MmrSpread);

/// <summary>A friend suggestion. Prints the suggested player's id, gamertag, friend code and mutual friends.</summary>
public sealed record FriendSuggestion(Guid PlayerId, string Gamertag, string FriendCode, int MutualFriends);

/// <summary>A social hub report. Prints report id, reporter's and reported players' ids, reason and the chat excerpt.</summary>
public sealed record HubReport(string ReportId, Guid ReporterId, Guid ReportedId, string Reason, string ChatExcerpt);

public interface IMatchmaker
{
    Task<FormedLobby?> TryFormAsync(string region, IReadOnlyList<QueueTicket> tickets, CancellationToken cancellationToken = default);
}

/// <summary>The player is queue-banned; quotes the gamertag.</summary>
public sealed class QueueBanException(string gamertag, DateTimeOffset until) : Exception($"{gamertag} may not queue until {until:u}");

/// <summary>The region has no servers; quotes the region.</summary>
public sealed class RegionUnavailableException(string region) : Exception($"No servers in {region}");
