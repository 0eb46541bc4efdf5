using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Gaming;

/// <summary>Online players and their open connections, for the friends list's presence dots.</summary>
public sealed class PlayerPresence
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _online = new();
    private readonly ILogger<PlayerPresence> _logger;
    private readonly Pseudonymizer _pseudonymizer;

    public PlayerPresence(ILogger<PlayerPresence> logger, Pseudonymizer pseudonymizer)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        GameTelemetry.Meter.CreateObservableGauge("arena.players.online", () => _online.Count); // clean precision-about
    }

    public bool Connect(string playerId, string connectionId)
    {
        var connections = _online.GetOrAdd(playerId, _ => []);
        lock (connections)
        {
            connections.Add(connectionId);
            if (connections.Count == 1)
            {
                _logger.LogRealtimePresenceChangedEvent("match", _pseudonymizer.PseudonymizeRealtimeParticipantId(playerId), connections.Count, "online"); // clean generated-api
            }

            return connections.Count == 1;
        }
    }

    public bool Disconnect(string playerId, string connectionId)
    {
        if (!_online.TryGetValue(playerId, out var connections))
        {
            return false;
        }

        lock (connections)
        {
            connections.Remove(connectionId);
            if (connections.Count > 0)
            {
                return false;
            }
        }

        _online.TryRemove(playerId, out _);
        _logger.LogRealtimePresenceChangedEvent("match", realtimeConnectionCount: 0, realtimeNote: $"{playerId} offline"); // leak TC1001 generated-api
        return true;
    }

    public void DumpForSupport()
    {
        _logger.LogInformation("{Online} players online, {Connections} connections", _online.Count, _online.Values.Sum(c => c.Count)); // clean precision-about
        _logger.LogDebug("Online players: {Players}", _online.Keys); // leak TC1001 logging-objects
    }
}
