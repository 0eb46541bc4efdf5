using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Gaming;

public sealed record ChatLine(Guid SenderId, string SenderGamertag, string MatchId, string Channel, string Text, DateTimeOffset SentAt);

public enum Verdict
{
    Allowed,
    Muted,
    Escalated,
}

public sealed record ModeratorDecision(Verdict Verdict, string ModeratorId, string? Comment);

/// <summary>Thrown by the toxicity service when it cannot score a line.</summary>
public sealed class ToxicityScoringException(string text)
    : Exception($"Could not score \"{text}\": language not detected");

public interface IToxicityClient
{
    Task<double> ScoreAsync(string text, CancellationToken cancellationToken);
}

/// <summary>
/// Watches chat. Each line is checked against the blocklist at once; lines that pass are scored by
/// the toxicity service through a channel, and lines above 0.9 wait for a human moderator's verdict.
/// </summary>
public sealed class ChatModeration : IObserver<ChatLine>, IAsyncDisposable
{
    private static readonly string[] Blocklist = ["kys", "uninstall", "trash"];

    private readonly Channel<ChatLine> _toScore = Channel.CreateUnbounded<ChatLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ModeratorDecision>> _awaitingModerator = new();
    private readonly IToxicityClient _toxicity;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ChatModeration> _logger;
    private readonly Counter<long> _blocked;
    private readonly Task _scoring;

    public ChatModeration(IToxicityClient toxicity, Pseudonymizer pseudonymizer, Meter meter, ILogger<ChatModeration> logger)
    {
        _toxicity = toxicity;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _blocked = meter.CreateCounter<long>("lobby.chat.blocked");
        _scoring = Task.Run(ScoreLoopAsync);
    }

    public void OnNext(ChatLine line)
    {
        var term = Blocklist.FirstOrDefault(t => line.Text.Contains(t, StringComparison.OrdinalIgnoreCase));
        if (term is not null)
        {
            _blocked.Add(1, new KeyValuePair<string, object?>("term", term), new KeyValuePair<string, object?>("channel", line.Channel)); // clean precision-about
            _logger.LogInformation("Blocked a {Length}-character line in {Match}", line.Text.Length, line.MatchId); // clean precision-about
            return;
        }
        _toScore.Writer.TryWrite(line);
    }

    public void OnError(Exception error) => _logger.LogError(error, "Chat feed faulted"); // clean exceptions

    public void OnCompleted() => _toScore.Writer.TryComplete();

    /// <summary>Called by the moderation console.</summary>
    public void Decide(Guid lineId, ModeratorDecision decision)
    {
        if (_awaitingModerator.TryRemove(lineId, out var waiting))
        {
            waiting.TrySetResult(decision);
        }
    }

    private async Task ScoreLoopAsync()
    {
        await foreach (var line in _toScore.Reader.ReadAllAsync())
        {
            double score;
            try
            {
                score = await _toxicity.ScoreAsync(line.Text, CancellationToken.None);
            }
            catch (ToxicityScoringException ex)
            {
                _logger.LogWarning(ex, "Line from {Match} not scored", line.MatchId); // leak TC1001 exceptions
                continue;
            }

            if (score < 0.9)
            {
                continue;
            }

            var lineId = Guid.NewGuid();
            var waiting = new TaskCompletionSource<ModeratorDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitingModerator[lineId] = waiting;
            _logger.LogLobbySuspicionRaisedEvent(LobbySignal.Chat, _pseudonymizer.PseudonymizeLobbyPlayerId(line.SenderId.ToString()), line.MatchId, lobbyNote: $"toxicity {score:F2}, line {lineId}"); // clean precision-pseudonym
            _logger.LogLobbySuspicionRaisedEvent(LobbySignal.Chat, lobbyMatchId: line.MatchId, lobbyNote: $"\"{line.Text}\""); // leak TC1001 generated-api

            _ = waiting.Task.ContinueWith(t =>
            {
                var decision = t.Result;
                Activity.Current?.SetTag("lobby.chat.verdict", decision.Verdict.ToString()); // clean direct
                _logger.LogInformation("Moderator {Moderator} decided {Verdict}", decision.ModeratorId, decision.Verdict); // leak TC1001 cross-member
                _logger.LogInformation("Moderator comment on line {LineId}: {Comment}", lineId, decision.Comment); // leak TC1001 cross-member
                if (decision.Verdict == Verdict.Muted)
                {
                    _logger.LogInformation("Muted {SenderId} in {Match}", line.SenderId, line.MatchId); // leak TC1001 direct
                }
            }, TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toScore.Writer.TryComplete();
        await _scoring;
        foreach (var waiting in _awaitingModerator.Values)
        {
            waiting.TrySetCanceled();
        }
        _logger.LogInformation("Chat moderation stopped with {Waiting} lines awaiting a moderator", _awaitingModerator.Count);
    }
}
