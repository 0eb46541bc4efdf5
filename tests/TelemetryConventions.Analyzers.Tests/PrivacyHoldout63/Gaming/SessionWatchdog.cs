using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout63.Gaming;

/// <summary>The session service could not hand the session to the next host; its text names that player's gamertag.</summary>
public sealed class HostMigrationFailedException(string candidateGamertag, Guid sessionId)
    : Exception($"Could not migrate session {sessionId} to {candidateGamertag}");

public sealed record SessionPlayer(Guid PlayerId, string Gamertag, bool IsHost);

public sealed record GameSession(Guid SessionId, string ServerId, string Region, IReadOnlyList<SessionPlayer> Players, DateTimeOffset LastHeartbeat);

public interface ISessionRegistry
{
    IReadOnlyCollection<GameSession> Sessions { get; }

    Task MigrateHostAsync(GameSession session, CancellationToken cancellationToken);

    Task CloseAsync(GameSession session, string reason, CancellationToken cancellationToken);
}

/// <summary>What the watchdog saw last, for the fleet health check.</summary>
public sealed class WatchdogState
{
    public int SilentSessions { get; set; }

    public GameSession? LastReaped { get; set; }
}

/// <summary>Every ten seconds, migrates the host of sessions whose server stopped sending heartbeats; drains sessions on shutdown.</summary>
public sealed class SessionWatchdog(
    ISessionRegistry registry,
    WatchdogState state,
    TimeProvider clock,
    Meter meter,
    IHostApplicationLifetime lifetime,
    ILogger<SessionWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(30);
    private readonly Counter<long> _migrations = meter.CreateCounter<long>("matchhost.host_migrations");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("Watchdog watching {Sessions} sessions", registry.Sessions.Count));

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var silent = registry.Sessions.Where(s => clock.GetUtcNow() - s.LastHeartbeat > SilenceLimit).ToList();
            state.SilentSessions = silent.Count;
            foreach (var session in silent)
            {
                var host = session.Players.FirstOrDefault(p => p.IsHost);
                logger.LogWarning("Session {SessionId} on {ServerId} silent since {LastHeartbeat}", session.SessionId, session.ServerId, session.LastHeartbeat); // clean precision-about
                logger.LogWarning("Migrating host of {SessionId}; host was {HostGamertag}", session.SessionId, host?.Gamertag); // leak TC1001 direct
                logger.LogInformation("Migrating {PlayerCount} players in {Region}", session.Players.Count, session.Region); // clean precision-names
                _migrations.Add(1, new KeyValuePair<string, object?>("region", session.Region), new KeyValuePair<string, object?>("host_present", host is not null)); // clean precision-about
                Activity.Current?.SetTag("matchhost.migration", $"{session.SessionId}:{host?.PlayerId}"); // leak TC1001 strings
                try
                {
                    await registry.MigrateHostAsync(session, stoppingToken);
                }
                catch (HostMigrationFailedException ex)
                {
                    logger.LogError(ex, "Host migration failed for {SessionId}", session.SessionId); // leak TC1001 exceptions
                    continue;
                }

                state.LastReaped = session;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var sessions = registry.Sessions.ToList();
        var players = sessions.SelectMany(s => s.Players).ToList();
        logger.LogInformation("Draining {Sessions} sessions with {Players} players", sessions.Count, players.Count);
        logger.LogInformation("Players disconnected by shutdown: {Players}", players); // leak TC1001 logging-objects
        logger.LogInformation("Sessions closed by shutdown: {SessionIds}", sessions.Select(s => s.SessionId).ToList()); // clean logging-objects

        foreach (var session in sessions)
        {
            await registry.CloseAsync(session, "server-shutdown", cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }
}

/// <summary>The fleet as the watchdog sees it.</summary>
public sealed class FleetHealthCheck(WatchdogState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["silent_sessions"] = state.SilentSessions };
        if (state.LastReaped is { } reaped)
        {
            data["last_reaped_session"] = reaped.SessionId;
            data["last_reaped_host"] = reaped.Players.FirstOrDefault(p => p.IsHost)?.Gamertag ?? string.Empty; // clean direct
        }

        return Task.FromResult(state.SilentSessions > 20
            ? HealthCheckResult.Degraded($"{state.SilentSessions} sessions silent", data: data)
            : HealthCheckResult.Healthy("fleet ok", data));
    }
}

/// <summary>Publishes the lobby host's report (the fleet check only) to the logs.</summary>
public sealed class LobbyHealthPublisher(ILogger<LobbyHealthPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            logger.LogInformation("{Check}: {Status} ({Description}) in {Duration}", name, entry.Status, entry.Description, entry.Duration); // clean precision-about
            if (entry.Data.TryGetValue("last_reaped_session", out var session))
            {
                logger.LogInformation("{Check}: last reaped session {SessionId}", name, session);
            }

            if (entry.Status != HealthStatus.Healthy)
            {
                logger.LogWarning("{Check} unhealthy: {@Data}", name, entry.Data); // leak TC1001 logging-objects
            }
        }

        return Task.CompletedTask;
    }
}
