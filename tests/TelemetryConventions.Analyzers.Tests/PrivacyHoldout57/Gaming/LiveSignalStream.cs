using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Gaming;

/// <summary>One live signal from a game server: a kill, a movement sample, an aim sample or a chat flag.</summary>
public sealed record MatchSignal(Guid PlayerId, string Gamertag, string MatchId, string ServerId, LobbySignal Kind, double Value, DateTimeOffset At);

public sealed record Suspicion(Guid PlayerId, string Gamertag, string MatchId, LobbySignal Kind, int Evidence, double Peak);

/// <summary>
/// The anti-cheat stream. Game servers push signals into the subject; the rules below watch them
/// per player and raise suspicions for the review queue.
/// </summary>
public sealed class LiveSignalStream : IDisposable
{
    private static readonly ActivitySource Source = new("Lobby.AntiCheat");
    private const double MaxSpeed = 9.5;

    private readonly Subject<MatchSignal> _signals = new();
    private readonly Subject<Suspicion> _suspicions = new();
    private readonly List<IDisposable> _rules = new();
    private readonly ILogger<LiveSignalStream> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;

    public LiveSignalStream(ILogger<LiveSignalStream> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;

        _rules.Add(_signals.Subscribe(s => _meter.CreateLobbySignalsCounter().Add(1, s.Kind, s.ServerId))); // clean generated-api

        _rules.Add(_signals
            .Where(s => s.Kind == LobbySignal.Speed && s.Value > MaxSpeed)
            .Do(s => AntiCheatLog.SpeedViolation(_logger, s.Value, s.Gamertag, s.MatchId)) // leak TC1001 direct
            .GroupBy(s => s.PlayerId)
            .Subscribe(player => player
                .Buffer(5)
                .Subscribe(samples =>
                {
                    _logger.LogInformation("Five speed violations in a row for player {PlayerId}", player.Key); // leak TC1001 cross-member
                    _suspicions.OnNext(new Suspicion(player.Key, samples[0].Gamertag, samples[0].MatchId, LobbySignal.Speed, samples.Count, samples.Max(s => s.Value)));
                })));

        _rules.Add(_signals
            .Where(s => s.Kind == LobbySignal.Aim)
            .GroupBy(s => (s.PlayerId, s.MatchId))
            .Subscribe(group => group
                .Buffer(20)
                .Where(window => window.Count(s => s.Value > 0.95) >= 12)
                .Subscribe(window => _suspicions.OnNext(new Suspicion(group.Key.PlayerId, window[0].Gamertag, group.Key.MatchId, LobbySignal.Aim, window.Count, window.Max(s => s.Value))))));

        _rules.Add(_suspicions.Subscribe(Review, ex => _logger.LogError(ex, "Suspicion stream faulted"))); // clean exceptions
    }

    public IObserver<MatchSignal> Signals => _signals;

    public IObservable<Suspicion> Suspicions => _suspicions;

    private void Review(Suspicion suspicion)
    {
        var player = _pseudonymizer.PseudonymizeLobbyPlayerId(suspicion.PlayerId.ToString());
        using var span = Source.StartLobbyReview(player, suspicion.Kind) // clean precision-pseudonym
            .SetLobbyMatchId(suspicion.MatchId)
            .SetLobbyWindowEvents(suspicion.Evidence);
        span.SetLobbyNote($"peak {suspicion.Peak:F2} over {suspicion.Evidence} samples"); // clean generated-api
        span.Activity?.SetTag("lobby.review.key", string.Concat(suspicion.MatchId, "/", suspicion.Gamertag)); // leak TC1001 strings
        span.Activity?.SetTag("lobby.review.queue", $"{suspicion.Kind.ToWireValue()}/{suspicion.MatchId[..8]}"); // clean strings
        span.SetLobbyNote($"review {suspicion.Gamertag} before the next ranked match"); // leak TC1001 generated-api
        _logger.LogLobbySuspicionRaisedEvent(suspicion.Kind, player, suspicion.MatchId); // clean precision-pseudonym
        _logger.LogLobbySuspicionRaisedEvent(LobbySignalValue.Custom($"{suspicion.Kind.ToWireValue()}-repeat"), lobbyPlayerId: player); // clean generated-api
        _meter.CreateLobbySignalsCounter().Add(1, suspicion.Kind, _pseudonymizer.ComputeLobbyPlayerId(suspicion.PlayerId.ToString())); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag(LobbyAttributes.PlayerGamertag, suspicion.Gamertag); // leak TC1001 direct
        _logger.LogInformation("Suspicion queued for review: {Suspicion}", suspicion); // leak TC1001 logging-objects
        AntiCheatLog.ReviewQueued(_logger, suspicion.Gamertag, suspicion.MatchId); // clean direct
        _logger.LogInformation("Suspicion queued for review: {Kind} in {Match} with {Evidence} samples", suspicion.Kind, suspicion.MatchId, suspicion.Evidence); // clean precision-about
    }

    public void Dispose()
    {
        foreach (var rule in _rules)
        {
            rule.Dispose();
        }
        _logger.LogInformation("Anti-cheat stream stopped; {Rules} rules unsubscribed", _rules.Count);
    }
}

internal static partial class AntiCheatLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Speed {Speed} by {Gamertag} in {Match}")]
    public static partial void SpeedViolation(ILogger logger, double speed, string gamertag, string match);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Review queued for {Gamertag} in {Match}")]
    public static partial void ReviewQueued(ILogger logger, [PrivateData] string gamertag, string match);
}
