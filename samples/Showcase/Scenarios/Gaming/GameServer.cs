using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Gaming;

/// <summary>
/// 3.1 Online game server: match rooms process their players' actions; a laggy room raises a
/// high-latency event and one action times out.
/// </summary>
/// <remarks>
/// The seed put the action's duration on the span as <c>action.duration_ms</c>. A span already
/// has a duration; what a game team charts is the distribution, so it is the
/// <c>game.action.duration</c> histogram (seconds) by action type, result and region.
/// </remarks>
public sealed class GameServer : IScenario
{
    private static readonly string[] Maps = ["desert_outpost", "frozen_harbor", "jungle_temple"];
    private static readonly GameActionType[] Actions = [GameActionType.Move, GameActionType.Attack, GameActionType.UseSkill, GameActionType.UseItem, GameActionType.Trade];

    /// <summary>The room latency above which players notice; in the event, where alerting reads it.</summary>
    private const double LatencyThreshold = 100.0;

    // The second room runs on an overloaded host: high latency, and its last action times out.
    private const int LaggyRoom = 1;

    /// <inheritdoc/>
    public string Id => "3.1";

    /// <inheritdoc/>
    public string Name => "online-game-server";

    /// <inheritdoc/>
    public string Industry => "gaming";

    /// <inheritdoc/>
    public string Summary => "Match rooms process player actions (a duration histogram instead of a duration attribute); a laggy room raises high latency and an action times out.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        string[] regions = ["eu-central-1", "ap-southeast-1"];
        for (var room = 0; room < 2; room++)
        {
            SimulateRoom(ctx, regions[room], laggy: room == LaggyRoom);
            ctx.Clock.AdvanceSeconds(ctx.Between(1, 5));
        }
    }

    private static void SimulateRoom(ScenarioContext ctx, string region, bool laggy)
    {
        var playerCount = ctx.Random.Next(8, 65);
        var latency = ScenarioContext.Round(laggy ? ctx.Between(120, 180) : ctx.Between(25, 70));
        var roomId = $"room-{ctx.Random.Next(0x1000, 0xffff):x4}";
        var map = ctx.Pick(Maps);
        ctx.Service(static meter => new RoomBoard(meter)).Open(region, map, playerCount);
        using var room = ctx.Source.StartGameRoom(roomId, startTime: ctx.Clock.Now)
            .SetGameRoomPlayerCount(playerCount)
            .SetGameRoomMap(map)
            .SetGameRoomLatency(latency)
            .SetCloudRegion(region);
        using var ends = ctx.Clock.EndsSpan(room.Activity);

        if (latency > LatencyThreshold)
        {
            // An alert is a warning log record with the event's name, under this span's trace; it does
            // not depend on the trace being sampled.
            ctx.Logger.LogGameRoomHighLatencyEvent(AlertSeverity.Warning, latency, LatencyThreshold);
        }

        const int actions = 4;
        for (var i = 0; i < actions; i++)
        {
            // Account numbers are numeric here; the numeric overload hashes their decimal text.
            var player = ctx.Pseudonymize(PlayerAttributes.Id, ctx.Random.NextInt64(100_000_000_000, 999_999_999_999));
            HandleAction(ctx, player, ctx.Pick(Actions), region, timesOut: laggy && i == actions - 1);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.2, 1.5));
        }
    }

    private static void HandleAction(ScenarioContext ctx, Pseudonym player, GameActionType type, string region, bool timesOut)
    {
        using var action = ctx.Source.StartGamePlayerAction(player, type, startTime: ctx.Clock.Now).SetCloudRegion(region);
        using var ends = ctx.Clock.EndsSpan(action.Activity);
        var started = ctx.Clock.Now;
        try
        {
            var rewards = Process(ctx, type, timesOut);
            action.SetGameActionResult(GameActionResult.Success).SetGameActionRewardCount(rewards);
            ctx.Meter.CreateGameActionDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, type, GameActionResult.Success, region);
        }
        catch (ActionTimeoutException ex)
        {
            action.SetGameActionResult(GameActionResult.Timeout)
                .RecordException(ex, "world state update timed out");
            ctx.Meter.CreateGameActionDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, type, GameActionResult.Timeout, region);
        }
    }

    private static long Process(ScenarioContext ctx, GameActionType type, bool timesOut)
    {
        if (timesOut)
        {
            ctx.Clock.AdvanceSeconds(2);
            throw new ActionTimeoutException("World state lock not acquired within 2 s.");
        }
        ctx.Clock.AdvanceSeconds(ctx.Between(0.004, 0.06));
        return type == GameActionType.Attack ? ctx.Random.Next(0, 4) : 0;
    }

    /// <summary>
    /// The server's room list: in this simulation one open room per region, replaced when the next
    /// match starts there. <c>game.room.players</c> reports their occupancy when the SDK collects.
    /// </summary>
    private sealed class RoomBoard
    {
        private readonly ConcurrentDictionary<string, (string Map, long Players)> _openRooms = new();

        public RoomBoard(Meter meter) =>
            meter.CreateGameRoomPlayersObservableUpDownCounter(() => _openRooms.Select(r => GameRoomPlayersObservableUpDownCounter.Measure(r.Value.Players, cloudRegion: r.Key, gameRoomMap: r.Value.Map)));

        public void Open(string region, string map, long players) => _openRooms[region] = (map, players);
    }
}

/// <summary>The server could not apply a player action in time.</summary>
public sealed class ActionTimeoutException(string message) : TimeoutException(message);
