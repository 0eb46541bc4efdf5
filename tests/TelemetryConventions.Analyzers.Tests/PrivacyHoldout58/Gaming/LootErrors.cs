using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Gaming;

// Failures of item grants and store purchases. Codes are the live-ops team's; messages are shown in
// the support console.

public sealed record Player(Guid AccountId, string Gamertag, string Region, string Tier);

public abstract class LootException(string code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Code { get; } = code;
}

public sealed class PlayerBannedException(Guid playerId, string gamertag, DateTimeOffset until, string reasonCode)
    : LootException("PLAYER-BANNED", $"Player {gamertag} is banned until {until:u} ({reasonCode}).")
{
    public Guid PlayerId { get; } = playerId;

    public string Gamertag { get; } = gamertag;

    public DateTimeOffset Until { get; } = until;

    /// <summary>The enforcement team's reason code (<c>CHEAT-3</c>, <c>TOXIC-1</c>).</summary>
    public string ReasonCode { get; } = reasonCode;
}

public sealed class InventoryFullException(int slots, int capacity)
    : LootException("INV-FULL", $"Inventory is full ({slots}/{capacity} slots).")
{
    public int Capacity { get; } = capacity;
}

public sealed class GrantConflictException(Guid playerId, string sku, Exception innerException)
    : LootException("GRANT-CONFLICT", $"Concurrent grant of {sku} to player {playerId}.", innerException);

public sealed class FriendInviteException(string fromGamertag, string toGamertag, string reasonCode)
    : Exception($"Invite from {fromGamertag} to {toGamertag} was refused ({reasonCode}).")
{
    public string ToGamertag { get; } = toGamertag;

    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The platform store could not verify a purchase receipt.</summary>
public sealed class StoreReceiptException(string platform, string transactionId, int statusCode)
    : Exception($"{platform} receipt {transactionId} failed verification with status {statusCode}.")
{
    public string Platform { get; } = platform;

    public int StatusCode { get; } = statusCode;
}

public interface IBanList
{
    /// <summary>Throws <see cref="PlayerBannedException"/>.</summary>
    void EnsureNotBanned(Player player);
}

public interface IInventory
{
    /// <summary>Throws <see cref="InventoryFullException"/>, and <see cref="GrantConflictException"/> on a lost optimistic write.</summary>
    Task AddAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

public interface IPlatformStore
{
    /// <summary>Throws <see cref="StoreReceiptException"/>.</summary>
    Task<string> VerifyReceiptAsync(string platform, string receipt, CancellationToken cancellationToken);
}
