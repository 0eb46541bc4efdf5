using System;
using System.Collections.Generic;
using System.Linq;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Gaming;

public readonly record struct PlayerId(Guid Value)
{
    public static bool TryParse(string? text, out PlayerId playerId)
    {
        var parsed = Guid.TryParse(text, out var value) && value != Guid.Empty;
        playerId = parsed ? new PlayerId(value) : default;
        return parsed;
    }

    public static explicit operator Guid(PlayerId playerId) => playerId.Value;

    public override string ToString() => Value.ToString("D");
}

public readonly record struct MatchId(long Value);

public readonly record struct ItemId(string Value);

public readonly record struct GrantId(Guid Value);

public readonly record struct ReportId(Guid Value);

/// <summary>A player's public handle: 3 to 15 letters, digits or spaces, not on the blocklist.</summary>
public sealed record Gamertag
{
    private static readonly string[] Blocklist = ["admin", "moderator", "support"];

    private Gamertag(string value) => Value = value;

    public string Value { get; }

    public static Result<Gamertag> Create(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return GamingErrors.GamertagEmpty;
        }

        var trimmed = raw.Trim();
        if (trimmed.Length is < 3 or > 15 || !trimmed.All(c => char.IsLetterOrDigit(c) || c == ' '))
        {
            return GamingErrors.GamertagFormat;
        }

        if (Blocklist.Any(word => trimmed.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Error.Validation("Gamertag.Blocked", $"'{trimmed}' contains a reserved word.");
        }

        return new Gamertag(trimmed);
    }

    public override string ToString() => Value;
}

public sealed record ItemGranted(PlayerId Player, GrantId GrantId, ItemId Item, int Quantity, string ReceiptId) : DomainEvent;

public sealed record MatchCompleted(MatchId MatchId, PlayerId Winner, IReadOnlyList<PlayerId> Participants, string Mode) : DomainEvent;

public sealed record PlayerRenamed(PlayerId Player, Gamertag OldTag, Gamertag NewTag) : DomainEvent;

public sealed class PlayerInventory : AggregateRoot<PlayerId>
{
    private readonly Dictionary<ItemId, int> _items = new();
    private readonly HashSet<string> _receipts = new(StringComparer.Ordinal);

    public PlayerInventory(PlayerId id, Gamertag gamertag)
        : base(id) => Gamertag = gamertag;

    public Gamertag Gamertag { get; private set; }

    public Result<GrantId> Grant(ItemId item, int quantity, string receiptId)
    {
        if (!_receipts.Add(receiptId))
        {
            return GamingErrors.DuplicateReceipt(receiptId);
        }

        _items[item] = _items.GetValueOrDefault(item) + Guard.Against.NegativeOrZero(quantity, nameof(quantity));
        var grantId = new GrantId(Guid.NewGuid());
        Raise(new ItemGranted(Id, grantId, item, quantity, receiptId));
        return grantId;
    }

    public Result Rename(Gamertag newTag)
    {
        var old = Gamertag;
        Gamertag = newTag;
        Raise(new PlayerRenamed(Id, old, newTag));
        return Result.Success();
    }
}

public static class GamingErrors
{
    public static readonly Error GamertagEmpty = Error.Validation("Gamertag.Empty", "A gamertag is required.");

    public static readonly Error GamertagFormat = Error.Validation("Gamertag.Format", "A gamertag has 3 to 15 letters, digits or spaces.");

    public static readonly Error PlayerNotFound = Error.NotFound("Player.NotFound", "The player does not exist.");

    public static Error DuplicateReceipt(string receiptId) => Error.Conflict("Grant.DuplicateReceipt", $"Receipt {receiptId} was already redeemed.");
}
