using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Gaming;

public sealed record QueueTicket(string TicketId, string Queue, string Region, int EstimatedWaitSeconds);

public sealed record LeaderboardRow(int Rank, string Gamertag, int Rating);

public interface IMatchmaking
{
    Task<QueueTicket> JoinQueueAsync(Guid playerId, string queue, string region);

    Task LeaveQueueAsync(string ticketId);

    Task CloseMatchAsync(string matchId, string reason);
}

public interface IPlayerDirectory
{
    Task RenameAsync(Guid playerId, string newGamertag);

    Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string region, int top);
}

/// <summary>
/// Method-boundary tracing helper used inside the game services:
/// <c>using var _ = MethodTrace.Begin(nameof(JoinQueueAsync), playerId, queue);</c>
/// </summary>
public static class MethodTrace
{
    private static readonly ActivitySource Source = new("Arena.Methods");

    public static IDisposable Begin(string method, params object?[] args)
    {
        var activity = Source.StartActivity(method);
        if (activity is { IsAllDataRequested: true })
        {
            for (var i = 0; i < args.Length; i++)
            {
                activity.SetTag($"code.arg.{i}", args[i]);
            }
        }

        return activity ?? (IDisposable)NoopScope.Instance;
    }

    private sealed class NoopScope : IDisposable
    {
        public static readonly NoopScope Instance = new();

        public void Dispose()
        {
        }
    }
}

public sealed class MatchmakingService(IQueueStore queues, ILogger<MatchmakingService> logger) : IMatchmaking, IPlayerDirectory
{
    public async Task<QueueTicket> JoinQueueAsync(Guid playerId, string queue, string region)
    {
        using var _ = MethodTrace.Begin(nameof(JoinQueueAsync), playerId, queue, region); // leak TC1001 cross-member
        var ticket = await queues.EnqueueAsync(playerId, queue, region);
        logger.LogInformation("Ticket {TicketId} in {Queue}/{Region}, estimated wait {Wait} s", ticket.TicketId, queue, region, ticket.EstimatedWaitSeconds); // clean direct
        return ticket;
    }

    public async Task LeaveQueueAsync(string ticketId)
    {
        using var _ = MethodTrace.Begin(nameof(LeaveQueueAsync), ticketId); // clean cross-member
        await queues.RemoveAsync(ticketId);
    }

    public async Task CloseMatchAsync(string matchId, string reason)
    {
        using var _ = MethodTrace.Begin(nameof(CloseMatchAsync), matchId, reason); // clean cross-member
        await queues.CloseAsync(matchId, reason);
    }

    public async Task RenameAsync(Guid playerId, string newGamertag)
    {
        using var _ = MethodTrace.Begin(nameof(RenameAsync), playerId, newGamertag.Length); // leak TC1001 cross-member
        await queues.RenameAsync(playerId, newGamertag);
    }

    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string region, int top)
    {
        using var _ = MethodTrace.Begin(nameof(LeaderboardAsync), region, top); // clean cross-member
        var rows = await queues.LeaderboardAsync(region, top);
        logger.LogDebug("Leaderboard {Region} has {Rows} rows, best rating {Best}", region, rows.Count, rows.Count > 0 ? rows[0].Rating : 0); // clean precision-about
        return rows;
    }
}

public interface IQueueStore
{
    Task<QueueTicket> EnqueueAsync(Guid playerId, string queue, string region);

    Task RemoveAsync(string ticketId);

    Task CloseAsync(string matchId, string reason);

    Task RenameAsync(Guid playerId, string newGamertag);

    Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string region, int top);
}

/// <summary>Thrown by the queue store when a player is already queued elsewhere.</summary>
public sealed class AlreadyQueuedException(Guid playerId, string queue)
    : Exception($"Player {playerId} is already waiting in {queue}.");

/// <summary>Thrown by the queue store when a region's queues are drained for maintenance.</summary>
public sealed class RegionDrainingException(string region)
    : Exception($"Region {region} is draining for maintenance.");

/// <summary>
/// Metrics proxy put in front of the matchmaking and player directory services: method names,
/// durations, outcomes and a pseudonymised player.
/// </summary>
public class CallMetricsProxy<T> : DispatchProxy
    where T : class
{
    private static readonly string[] TaggedParameters = ["queue", "region", "matchId", "top"];

    private T _inner = default!;
    private Meter _meter = null!;
    private ActivitySource _source = null!;
    private Pseudonymizer _pseudonymizer = null!;
    private ILogger _logger = null!;

    public static T Wrap(T inner, Meter meter, ActivitySource source, Pseudonymizer pseudonymizer, ILogger logger)
    {
        var proxy = Create<T, CallMetricsProxy<T>>();
        var metrics = (CallMetricsProxy<T>)(object)proxy;
        (metrics._inner, metrics._meter, metrics._source, metrics._pseudonymizer, metrics._logger) = (inner, meter, source, pseudonymizer, logger);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var operation = $"{typeof(T).Name.TrimStart('I')}.{targetMethod.Name}";
        var span = _source.StartLobbyCall(operation); // clean generated-api
        var parameters = targetMethod.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == "playerId" && args[i] is Guid playerId)
            {
                span.SetLobbyPlayerId(_pseudonymizer.PseudonymizeLobbyPlayerId(playerId.ToString())); // clean precision-pseudonym
            }
            else if (TaggedParameters.Contains(parameters[i].Name))
            {
                Activity.Current?.SetTag($"lobby.arg.{parameters[i].Name}", args[i]); // clean cross-member
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = targetMethod.Invoke(_inner, args);
            if (result is Task task)
            {
                task.ContinueWith(t => Done(span, operation, started, t.Exception?.GetBaseException()), TaskScheduler.Default);
            }

            return result;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            Done(span, operation, started, ex.InnerException);
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private void Done(LobbyCallSpan span, string operation, long started, Exception? error)
    {
        var outcome = error switch
        {
            null => LobbyOutcome.Ok,
            TimeoutException => LobbyOutcome.Timeout,
            _ => LobbyOutcome.Failed,
        };
        span.SetLobbyOutcome(outcome); // clean generated-api
        if (error is not null)
        {
            span.RecordException(error); // clean exceptions
            span.SetLobbyNote(error.Message); // leak TC1001 exceptions
            _logger.LogWarning("{Operation} failed with {ErrorType}", operation, error.GetType().Name); // clean exceptions
        }

        _meter.CreateLobbyCallsCounter().Add(1, operation, outcome); // clean precision-names
        _meter.CreateLobbyCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, operation); // clean precision-about
        span.Dispose();
    }
}
