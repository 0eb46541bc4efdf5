using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Gaming;

/// <summary>An in-match action, published on <c>player.actions</c> keyed by the player's account id.</summary>
public sealed record PlayerAction(Guid ActionId, string PlayerId, string Gamertag, string MatchId, string Type, string Platform, DateTimeOffset At);

public interface IAntiCheat
{
    ValueTask<string?> CheckAsync(PlayerAction action, CancellationToken cancellationToken);
}

/// <summary>
/// Runs every action through anti-cheat. Producers put the player on the baggage of the message's
/// trace context; actions are at-least-once, so each is checked against the deduplication store.
/// </summary>
public sealed partial class PlayerActionsConsumer(IAntiCheat antiCheat, IDeduplicationStore dedup, Pseudonymizer pseudonymizer, ILogger<PlayerActionsConsumer> logger)
{
    private const string Group = "anti-cheat";
    private static readonly ActivitySource Source = new("Arena.AntiCheat");
    private static readonly Meter Meter = new("Arena.AntiCheat");
    private static readonly Counter<long> Actions = Meter.CreateCounter<long>("arena.actions", "{action}");

    public async Task HandleAsync(ConsumeResult<string, PlayerAction> result, CancellationToken ct)
    {
        var propagated = Propagators.DefaultTextMapPropagator.Extract(default, result.Message.Headers, KafkaHeaderPropagation.Getter);
        using var span = Source.StartPipelineConsume(result.Topic, parentContext: propagated.ActivityContext);
        var activity = Activity.Current;
        activity?.SetTag("arena.region", propagated.Baggage.GetBaggage("region")); // clean precision-about
        activity?.SetTag("arena.player", propagated.Baggage.GetBaggage("player.id")); // leak TC1001 direct

        var action = result.Message.Value;
        if (await dedup.SeenAsync(action.ActionId.ToString("N"), ct))
        {
            activity?.SetTag("arena.duplicate", true); // clean precision-about
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlayerId"] = action.PlayerId, ["MatchId"] = action.MatchId }); // leak TC1001 logging-objects
        activity?.SetTag("arena.player.bucket", Math.Abs(action.PlayerId.GetHashCode()) % 16); // leak TC1002 hashes
        Actions.Add(1, new("action.type", action.Type), new("platform", action.Platform)); // clean precision-about

        var verdict = await antiCheat.CheckAsync(action, ct);
        await dedup.MarkAsync(action.ActionId.ToString("N"), TimeSpan.FromHours(6), ct);
        if (verdict is null)
        {
            return;
        }

        ActionFlagged(logger, action.Gamertag, verdict, action.MatchId); // clean precision-pseudonym
        PlayerRemoved(logger, action.Gamertag, action.MatchId); // leak TC1001 direct
        Actions.Add(1, new("action.type", action.Type), new("flagged.player", action.PlayerId)); // leak TC1003 direct
        span.AddPipelineDeadLetteredEvent(result.Topic, $"flagged: {verdict}", pseudonymizer.PseudonymizePipelineSubjectId(action.PlayerId)); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Action of {Gamertag} flagged ({Verdict}) in match {MatchId}")]
    private static partial void ActionFlagged(ILogger logger, [PersonalData] string gamertag, string verdict, string matchId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "{Gamertag} removed from match {MatchId}")]
    private static partial void PlayerRemoved(ILogger logger, string gamertag, string matchId);
}
