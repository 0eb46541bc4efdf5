using System;
using System.Threading;

namespace PrivacyHoldout27.Gaming;

/// <summary>
/// The title (tenant: the backend hosts several studios' titles) and the player of the current
/// call, set by the session middleware from the game client's token.
/// </summary>
public sealed class PlayerContext
{
    private static readonly AsyncLocal<PlayerContext?> Slot = new();

    public static PlayerContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public required string TitleId { get; init; }

    public required Guid PlayerId { get; init; }

    public required string Gamertag { get; init; }

    public required string Platform { get; init; }

    /// <summary>The player's pseudonym, computed by the middleware with the generated helper.</summary>
    public required string PlayerRef { get; init; }
}

public sealed record MatchTicket(Guid TicketId, string Mode, string Region, int Skill, DateTimeOffset QueuedAt);

public sealed record Match(Guid MatchId, string Mode, string Region, MatchTicket[] Tickets);

/// <summary>Written to the matchmaking listener when a ticket enters the queue.</summary>
public sealed record TicketQueued(Guid TicketId, string TitleId, string Mode, string Region, Guid PlayerId);
