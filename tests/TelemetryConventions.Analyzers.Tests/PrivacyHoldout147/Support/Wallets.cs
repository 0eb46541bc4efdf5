namespace Bank.Wallets;

// In-game wallet top-ups paid from the bank app. Records print their members.

/// <summary>A top-up. Prints top-up id, player id, gamertag, account number, game, amount and the platform's transaction id.</summary>
public sealed record WalletTopUp(string TopUpId, Guid PlayerId, string Gamertag, string AccountNumber, string Game, decimal Amount, string PlatformTransactionId);

/// <summary>A spending limit. Prints game, monthly limit, spent so far and whether a parent set it.</summary>
public sealed record SpendingLimit(string Game, decimal MonthlyLimit, decimal Spent, bool ParentSet);

public interface IGamePlatformClient
{
    Task<string> CreditAsync(Guid playerId, string game, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The platform does not know the player; quotes the gamertag.</summary>
public sealed class PlayerNotLinkedException(string gamertag) : Exception($"Gamertag {gamertag} is not linked to a bank account");

/// <summary>The gambling block is on for this merchant category; quotes the category.</summary>
public sealed class GamblingBlockException(string merchantCategory) : Exception($"Payments to category {merchantCategory} are blocked");
