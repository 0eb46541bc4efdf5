using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Gaming;

public abstract record PlayerEvent(string AccountId, string MatchId)
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}

public sealed record MatchJoined(string AccountId, string MatchId, string Region, int PartySize) : PlayerEvent(AccountId, MatchId);

public sealed record PlayerReported(string AccountId, string MatchId, string ReporterAccountId, string Category, string Gamertag) : PlayerEvent(AccountId, MatchId);

public sealed record ChatMuted(string AccountId, string MatchId, string Gamertag, int Minutes) : PlayerEvent(AccountId, MatchId);

/// <summary>The player a game server connection acts for; set when the connection authenticates.</summary>
public sealed class PlayerSession(string accountId, string gamertag, Pseudonymizer pseudonymizer)
{
    private static readonly AsyncLocal<PlayerSession?> Slot = new();

    private readonly Lazy<string> _reference = new(() => pseudonymizer.ComputePlayPlayerId(accountId));

    public static PlayerSession? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public string AccountId { get; } = accountId;

    public string Gamertag { get; } = gamertag;

    /// <summary>The keyed pseudonym of the account, computed once per session.</summary>
    public string Reference => _reference.Value;
}

/// <summary>Builds the text of a span note without allocating when the span is not recorded.</summary>
[InterpolatedStringHandler]
public ref struct SpanNoteHandler
{
    private DefaultInterpolatedStringHandler _inner;

    public SpanNoteHandler(int literalLength, int formattedCount, Activity? activity, out bool shouldAppend)
    {
        shouldAppend = activity is { IsAllDataRequested: true };
        _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount);
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public string ToStringAndClear() => _inner.ToStringAndClear();
}

public static class PlayActivityExtensions
{
    /// <summary>Adds a free-text note to the span as an event, the way the game team annotates matches.</summary>
    public static void Note(this Activity? activity, [InterpolatedStringHandlerArgument("activity")] ref SpanNoteHandler note)
    {
        var text = note.ToStringAndClear();
        activity?.AddEvent(new ActivityEvent("play.note", tags: new() { ["play.note.text"] = text }));
    }

    public static Activity? WithPlayer(this Activity? activity, PlayerSession session) =>
        activity?.SetTag("play.player.id", session.Reference); // clean precision-pseudonym

    public static string Describe(this PlayerEvent playerEvent) => playerEvent switch
    {
        MatchJoined joined => $"joined {joined.Region} in a party of {joined.PartySize}",
        PlayerReported reported => $"reported for {reported.Category}",
        ChatMuted muted => $"chat muted for {muted.Minutes} min",
        _ => playerEvent.GetType().Name,
    };

    public static string AuditLine(this PlayerEvent playerEvent) => playerEvent switch
    {
        PlayerReported reported => $"{reported.Gamertag} reported by {reported.ReporterAccountId} ({reported.Category})",
        ChatMuted muted => $"{muted.Gamertag} muted {muted.Minutes} min",
        _ => playerEvent.Describe(),
    };
}
