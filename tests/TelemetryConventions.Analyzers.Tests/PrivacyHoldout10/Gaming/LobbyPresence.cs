using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Gaming;

public sealed record LobbyMember(string PlayerId, string Gamertag, IPEndPoint Endpoint, string Platform, int Rank);

public sealed class PlayerTelemetryContext
{
    public Pseudonym PlayerRef { get; set; }

    public string? PlayerId { get; set; }

    public string Platform { get; set; } = "pc";
}

/// <summary>Presence in the lobby; the telemetry context is scoped per connection by DI.</summary>
public sealed class LobbyPresence(PlayerTelemetryContext context, Pseudonymizer pseudonymizer, ILogger<LobbyPresence> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Gaming.Lobby");
    private static readonly Meter Meter = new("PrivacyHoldout10.Gaming.Lobby");
    private static readonly UpDownCounter<long> Online = Meter.CreateUpDownCounter<long>("lobby.online");

    public void Join(LobbyMember member)
    {
        context.PlayerId = member.PlayerId;
        context.PlayerRef = pseudonymizer.Pseudonymize("player", member.PlayerId);
        context.Platform = member.Platform;
        Online.Add(1, new KeyValuePair<string, object?>("lobby.platform", member.Platform)); // clean precision-names
        Announce(member.Rank);
    }

    private void Announce(int rank)
    {
        using var activity = Source.StartActivity("lobby.join");
        activity?.SetTag("lobby.player", context.PlayerRef.Value); // clean precision-pseudonym
        activity?.SetTag("lobby.player.raw", context.PlayerId); // leak TC1001 cross-member
        activity?.SetTag("lobby.rank", rank);
        Baggage.SetBaggage("player.id", context.PlayerId); // leak TC1001 cross-member
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PlayerRef"] = context.PlayerRef.Value, ["Platform"] = context.Platform }); // clean logging-objects
        using var leakyScope = logger.BeginScope("player {PlayerId}", context.PlayerId); // leak TC1001 logging-objects
        logger.LogInformation("Joined lobby at rank {Rank}", rank);
    }

    public void Leave(LobbyMember member, string why)
    {
        Online.Add(-1, new KeyValuePair<string, object?>("lobby.platform", member.Platform)); // clean precision-names
        using var edge = Source.StartSessionEdge(context.PlayerRef); // clean generated-api
        edge.SetSessionSite(member.Endpoint.AddressFamily.ToString()); // clean generated-api
        edge.SetSessionReason(why); // clean generated-api
        edge.Activity?.AddEvent(new ActivityEvent($"lobby.left.{member.Gamertag}")); // leak TC1001 strings
        edge.Activity?.SetTag("lobby.endpoint", member.Endpoint); // leak TC1001 direct
        logger.LogInformation("{Gamertag} left the lobby", member.Gamertag); // leak TC1001 direct
    }
}
