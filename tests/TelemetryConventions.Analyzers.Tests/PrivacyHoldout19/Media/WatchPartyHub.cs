using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Media;

public sealed record PartyState(Guid PartyId, string TitleId, string HostConnectionId, int PositionSeconds, bool Paused);

/// <summary>Watch parties: a host's playback position kept in sync across a party group.</summary>
[Authorize]
public sealed class WatchPartyHub(ILogger<WatchPartyHub> logger, Pseudonymizer pseudonymizer) : Hub
{
    private static readonly ConcurrentDictionary<Guid, PartyState> Parties = new();

    private string ProfileName => Context.Items.TryGetValue("profile.name", out var name) ? (string)name! : "Guest";

    public async Task<Guid> StartParty(string titleId)
    {
        var party = new PartyState(Guid.NewGuid(), titleId, Context.ConnectionId, 0, true);
        Parties[party.PartyId] = party;
        await Groups.AddToGroupAsync(Context.ConnectionId, $"party-{party.PartyId}");
        logger.LogInformation("Party {PartyState} started", party); // clean logging-objects
        logger.LogInformation("Party {PartyId} hosted by {Host}", party.PartyId, Context.User?.Identity?.Name); // leak TC1001 direct
        MediaTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(1, "watch-party", "websockets"); // clean generated-api
        return party.PartyId;
    }

    public async Task JoinParty(Guid partyId)
    {
        if (!Parties.TryGetValue(partyId, out var party))
        {
            throw new HubException("That party has ended.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, $"party-{partyId}");
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("joined", ProfileName);
        Activity.Current.EnrichRealtimeInvocation("watch-party").SetRealtimeChannel($"party-{partyId}").SetRealtimeParticipantId(pseudonymizer.PseudonymizeRealtimeParticipantId(Context.UserIdentifier!)); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("party.joined", tags: new ActivityTagsCollection { ["party"] = partyId, ["profile"] = ProfileName })); // leak TC1001 cross-member
    }

    public async Task Sync(Guid partyId, int positionSeconds, bool paused)
    {
        if (!Parties.TryGetValue(partyId, out var party) || party.HostConnectionId != Context.ConnectionId)
        {
            return;
        }

        var drift = Math.Abs(positionSeconds - party.PositionSeconds);
        Parties[partyId] = party with { PositionSeconds = positionSeconds, Paused = paused };
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("sync", positionSeconds, paused);
        logger.LogDebug("Party {PartyId} at {Position}s (drift {Drift}s, paused {Paused})", partyId, positionSeconds, drift, paused); // clean precision-about
    }

    public async Task StartTyping(Guid partyId)
    {
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("typing", ProfileName);
        logger.LogTrace("{Profile} is typing in party {PartyId}", ProfileName, partyId); // leak TC1001 cross-member
    }

    public async Task React(Guid partyId, string emoji)
    {
        await Clients.Group($"party-{partyId}").SendAsync("reaction", ProfileName, emoji);
        MediaTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, "watch-party", $"party-{partyId}"); // clean generated-api
    }
}
