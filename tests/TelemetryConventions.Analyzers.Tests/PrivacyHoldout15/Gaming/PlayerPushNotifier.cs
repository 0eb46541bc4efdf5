using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout15.Support.Firebase;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Gaming;

public sealed record PlayerDevice(Guid PlayerId, string PushToken, string Platform, string Locale);

public sealed record Player(Guid Id, string Gamertag, string Email, string Region, bool MarketingOptIn);

public interface IPlayerDirectory
{
    Task<Player?> FindAsync(Guid playerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlayerDevice>> DevicesAsync(Guid playerId, CancellationToken cancellationToken);
}

public static class ArenaActivityExtensions
{
    public static Activity? TagGamertag(this Activity? activity, string gamertag) => activity?.SetTag("arena.player.gamertag", gamertag); // leak TC1001 direct

    public static Activity? TagLobby(this Activity? activity, string lobbyCode, int players) => activity?.SetTag("arena.lobby", lobbyCode).SetTag("arena.lobby.players", players);
}

public sealed record FriendRequest(Guid RequestId, Guid FromPlayerId, Guid ToPlayerId, DateTimeOffset SentAt);

/// <summary>Pushes friend requests and match invites to a player's devices through FCM.</summary>
public sealed class PlayerPushNotifier(
    FirebaseMessaging messaging,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    ILogger<PlayerPushNotifier> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Arena.Notifications");
    private readonly Counter<long> _pushes = meter.CreateCounter<long>("arena.push.sent", "{push}");
    private readonly Counter<long> _invitesByInviter = meter.CreateCounter<long>("arena.invites.by_inviter", "{invite}");

    public async Task NotifyFriendRequestAsync(FriendRequest request, CancellationToken cancellationToken)
    {
        var from = await players.FindAsync(request.FromPlayerId, cancellationToken);
        var devices = await players.DevicesAsync(request.ToPlayerId, cancellationToken);
        if (from is null || devices.Count == 0)
        {
            logger.LogDebug("Friend request {RequestId}: sender found {SenderFound}, {Devices} devices", request.RequestId, from is not null, devices.Count); // clean precision-about
            return;
        }

        using var send = Source.StartNotifySend(NotifyChannel.Push)
            .SetNotifyRecipientId(pseudonymizer.PseudonymizeNotifyRecipientId(request.ToPlayerId.ToString())) // clean precision-pseudonym
            .SetNotifyTemplateId("friend-request");
        Baggage.SetBaggage("arena.player", request.ToPlayerId.ToString()); // leak TC1001 direct

        var title = $"{from.Gamertag} wants to be friends";
        foreach (var device in devices)
        {
            var id = await messaging.SendAsync(new Message
            {
                Token = device.PushToken,
                Notification = new Notification { Title = title, Body = "Tap to accept or decline." },
                Data = new Dictionary<string, string> { ["requestId"] = request.RequestId.ToString() },
                Android = new AndroidConfig { CollapseKey = "friend-request", TimeToLive = TimeSpan.FromDays(2) },
            }, cancellationToken);
            send.SetNotifyMessageId(id); // clean precision-names
            _pushes.Add(1, new KeyValuePair<string, object?>("platform", device.Platform), new KeyValuePair<string, object?>("kind", "friend-request")); // clean precision-names
        }

        logger.LogInformation("Pushed '{Title}' to {Devices} devices", title, devices.Count); // leak TC1001 strings
        send.SetNotifyDetail($"friend request {request.RequestId}"); // clean strings
    }

    public async Task NotifyMatchInviteAsync(Guid inviterId, Guid inviteeId, string lobbyCode, CancellationToken cancellationToken)
    {
        var inviter = await players.FindAsync(inviterId, cancellationToken);
        var devices = await players.DevicesAsync(inviteeId, cancellationToken);
        _invitesByInviter.Add(1, new KeyValuePair<string, object?>("inviter", inviter?.Gamertag)); // leak TC1003 direct

        using var send = Source.StartNotifySend(NotifyChannel.Push).SetNotifyTemplateId("match-invite");
        foreach (var device in devices)
        {
            try
            {
                await messaging.SendAsync(new Message { Token = device.PushToken, Notification = new Notification { Title = "Match invite", Body = $"{inviter?.Gamertag} invited you to lobby {lobbyCode}" } }, cancellationToken);
            }
            catch (FirebaseMessagingException ex) when (ex.MessagingErrorCode == MessagingErrorCode.Unregistered)
            {
                send.AddNotifyDeliveryFailedEvent(NotifyChannel.Push, "unregistered", pseudonymizer.PseudonymizeNotifyRecipientId(inviteeId.ToString())); // clean precision-pseudonym
                logger.LogInformation("Invitee {InviteeId} has an unregistered {Platform} device", inviteeId, device.Platform); // leak TC1001 direct
            }
            catch (FirebaseMessagingException ex)
            {
                // FCM's messages describe the request ("The registration token is not a valid FCM registration token"), never the token itself.
                send.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Push of lobby {LobbyCode} invite failed with {ErrorCode}", lobbyCode, ex.MessagingErrorCode); // clean exceptions
            }
        }

        send.Activity.TagLobby(lobbyCode, devices.Count); // clean cross-member
        send.Activity.TagGamertag(inviter?.Gamertag ?? "unknown"); // leak TC1001 cross-member
        send.Activity?.SetTag("arena.invitee.devices", devices.Select(d => d.PushToken).ToArray()); // leak TC1001 cross-member
    }
}
