using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout26.Gaming;

/// <summary>What the launcher sends to matchmaking when the player presses Play.</summary>
public sealed record MatchmakingTicket(string TicketId, string Gamertag, string Mode, string Region, int PartySize);

public static partial class SessionLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Queued {Gamertag} for {Mode}")]
    public static partial void Queued(ILogger logger, string gamertag, string mode);
}

/// <summary>Play-session tracking of the launcher: one logging scope and one span per session.</summary>
public sealed class PlaySessionTracker
{
    private static readonly ActivitySource Source = new("Lumen.Launcher");

    private readonly ILogger<PlaySessionTracker> _logger;
    private readonly TelemetrySecrets _secrets;
    private readonly Histogram<double> _sessionLength;
    private readonly Counter<long> _sessions;
    private readonly Counter<long> _sessionsPerPlayer;

    public PlaySessionTracker(ILogger<PlaySessionTracker> logger, IMeterFactory meters, TelemetrySecrets secrets)
    {
        _logger = logger;
        _secrets = secrets;
        var meter = meters.Create("Lumen.Launcher");
        _sessionLength = meter.CreateHistogram<double>("lumen.session.length", "s");
        _sessions = meter.CreateCounter<long>("lumen.sessions", "{session}");
        _sessionsPerPlayer = meter.CreateCounter<long>("lumen.sessions.by_player", "{session}");
    }

    public PlaySession Begin(PlayerAccount player, MatchmakingTicket ticket)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var scope = _logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = sessionId, ["PlayerId"] = player.PlayerId }); // leak TC1001 logging-objects
        var activity = Source.StartActivity("play.session");
        activity?.SetBaggage("lumen.session", sessionId); // clean precision-names
        activity?.SetTag("lumen.cohort", HashCode.Combine(player.PlayerId) & 0xF); // leak TC1002 hashes
        _logger.LogInformation("Matchmaking ticket {@Ticket}", ticket); // leak TC1001 logging-objects
        SessionLog.Queued(_logger, player.Gamertag, ticket.Mode); // leak TC1001 direct
        return new PlaySession(sessionId, player, ticket.Mode, Stopwatch.StartNew(), scope, activity);
    }

    public void End(PlaySession session)
    {
        var elapsed = session.Clock.Elapsed;
        _sessionLength.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("lumen.mode", session.Mode), new KeyValuePair<string, object?>("lumen.platform", "windows")); // clean precision-names
        _sessionsPerPlayer.Add(1, new KeyValuePair<string, object?>("lumen.player", session.Player.PlayerId)); // leak TC1003 direct
        var cohort = HMACSHA256.HashData(_secrets.ShardKey, session.Player.PlayerId.ToByteArray())[0] & 3;
        _sessions.Add(1, new KeyValuePair<string, object?>("lumen.cohort", cohort)); // clean hashes
        _logger.LogInformation("Session {SessionId} ended after {Minutes:F0} min of {Mode}", session.SessionId, elapsed.TotalMinutes, session.Mode); // clean precision-names
        session.Activity?.Dispose();
        session.Scope?.Dispose();
    }
}

public sealed record PlaySession(string SessionId, PlayerAccount Player, string Mode, Stopwatch Clock, IDisposable? Scope, Activity? Activity);
