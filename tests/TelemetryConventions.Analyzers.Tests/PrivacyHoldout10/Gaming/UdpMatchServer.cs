using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Gaming;

public sealed record PlayerSession
{
    public required Guid SessionId { get; init; }

    public required string PlayerId { get; init; }

    public required string Gamertag { get; init; }

    public required IPEndPoint Endpoint { get; init; }

    public required Pseudonym PlayerRef { get; init; }

    public string Region { get; init; } = "eu-west";

    public DateTimeOffset JoinedAt { get; init; } = DateTimeOffset.UtcNow;
}

public interface IPlayerTokenValidator
{
    (string PlayerId, string Gamertag)? Validate(ReadOnlySpan<byte> token);
}

/// <summary>Handshake and datagram handling of a dedicated match server.</summary>
public sealed class UdpMatchServer
{
    private const byte HelloOpcode = 0x01;
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Gaming.Match");
    private static readonly Meter Meter = new("PrivacyHoldout10.Gaming.Match");
    private static readonly Counter<long> Datagrams = Meter.CreateCounter<long>("match.datagrams");
    private static readonly Histogram<double> SessionLength = Meter.CreateHistogram<double>("match.session.length", "s");

    private readonly ConcurrentDictionary<IPEndPoint, PlayerSession> _sessions = new();
    private readonly IPlayerTokenValidator _tokens;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<UdpMatchServer> _logger;
    private readonly string _matchId = Guid.NewGuid().ToString("N");

    public UdpMatchServer(IPlayerTokenValidator tokens, Pseudonymizer pseudonymizer, ILogger<UdpMatchServer> logger)
    {
        _tokens = tokens;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public void OnDatagram(IPEndPoint remote, ReadOnlySpan<byte> datagram)
    {
        var opcode = datagram[0];
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(datagram[1..]);
        Datagrams.Add(1, new KeyValuePair<string, object?>("match.opcode", opcode));
        Datagrams.Add(1, new KeyValuePair<string, object?>("match.peer", remote.ToString())); // leak TC1003 direct

        if (opcode != HelloOpcode)
        {
            if (!_sessions.ContainsKey(remote))
            {
                _logger.LogDebug("Datagram {Sequence} from unknown endpoint {Endpoint}", sequence, remote); // leak TC1001 direct
            }

            return;
        }

        using var activity = Source.StartActivity("match.hello");
        activity?.SetTag("match.id", _matchId); // clean precision-names
        activity?.SetTag("net.peer.port", remote.Port); // clean precision-about
        activity?.SetTag("net.peer.address", remote.Address.ToString()); // leak TC1001 direct
        var identity = _tokens.Validate(datagram[5..]);
        if (identity is not { } player)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "token rejected"); // clean exceptions
            return;
        }

        var session = new PlayerSession
        {
            SessionId = Guid.NewGuid(),
            PlayerId = player.PlayerId,
            Gamertag = player.Gamertag,
            Endpoint = remote,
            PlayerRef = _pseudonymizer.Pseudonymize("player", player.PlayerId),
        };
        _sessions[remote] = session;

        activity?.SetTag("match.session", session.SessionId); // clean precision-names
        activity?.SetTag("match.player", session.PlayerRef.Value); // clean precision-pseudonym
        activity?.SetTag("match.gamertag", session.Gamertag); // leak TC1001 cross-member
        activity?.SetTag("match.gamertag.length", session.Gamertag.Length); // clean precision-about
        _logger.LogInformation("Session {Session} joined", session); // leak TC1001 logging-objects
        _logger.LogInformation("Session {Session} joined from {Region}", session.SessionId, session.Region); // clean logging-objects
    }

    public void OnTimeout(IPEndPoint remote)
    {
        if (!_sessions.TryRemove(remote, out var session))
        {
            return;
        }

        var seconds = (DateTimeOffset.UtcNow - session.JoinedAt).TotalSeconds;
        using var edge = Source.StartSessionEdge(session.PlayerRef); // clean generated-api
        edge.SetSessionDuration(seconds); // clean generated-api
        edge.SetSessionReason($"timeout of {session.Gamertag}"); // leak TC1001 generated-api
        SessionLength.Record(seconds, new KeyValuePair<string, object?>("match.region", session.Region)); // clean precision-names
        SessionLength.Record(seconds, new KeyValuePair<string, object?>("match.player", session.PlayerRef)); // leak TC1003 precision-pseudonym

        var bucket = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(session.PlayerId))) % 100;
        edge.Activity?.SetTag("match.player.bucket", bucket); // leak TC1002 hashes
        edge.Activity?.SetTag("match.player.combo", HashCode.Combine(session.PlayerId, _matchId)); // leak TC1002 hashes
    }
}
