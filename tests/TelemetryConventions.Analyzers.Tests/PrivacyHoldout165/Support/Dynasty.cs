namespace PrivacyHoldout165.Support;

// A family-tree building game: players grow dynasties, trade ancestor cards and climb heritage leaderboards.

/// <summary>A player. Prints the player's id, gamertag, email and region.</summary>
public sealed record DynastyPlayer(Guid PlayerId, string Gamertag, string Email, string Region);

/// <summary>A quest of the dynasty. Prints quest id, realm, the heir's in-game name and the generation.</summary>
public sealed record DynastyQuest(string QuestId, string Realm, string HeirName, int Generation);

/// <summary>An ancestor card trade. Prints trade id, both gamertags and the cards.</summary>
public sealed record CardTrade(string TradeId, string SellerGamertag, string BuyerGamertag, IReadOnlyList<string> CardIds, int Gold);

/// <summary>A leaderboard row. Prints rank, gamertag and score.</summary>
public sealed record HeritageRank(int Rank, string Gamertag, long Score);

/// <summary>A season. Prints season id, realm and length; names no one.</summary>
public sealed record Season(string SeasonId, string Realm, int Weeks);

public interface IDynastyPlayers
{
    Task<DynastyPlayer?> FindAsync(Guid playerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HeritageRank>> TopAsync(string realm, int count, CancellationToken cancellationToken = default);
}

/// <summary>A gamertag is banned from trading; quotes the gamertag.</summary>
public sealed class TraderBannedException(string gamertag) : Exception($"{gamertag} is banned from the card market");

/// <summary>A card is not tradeable; quotes the card id.</summary>
public sealed class CardLockedException(string cardId) : Exception($"Card {cardId} is locked");
