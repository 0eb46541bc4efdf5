namespace PrivacyHoldout90.Gaming;

public sealed record PartyInvite(string InviteId, string PartyId, Guid InviterId, string InviterGamertag, Guid InviteeId, string GameMode);

/// <summary>
/// Pushes a party invite to each of the invitee's devices, with the inbox's unread count as the badge and
/// the party as the collapse id. Repeated invites between the same two players within a minute are dropped.
/// </summary>
public sealed class PartyInvitePush(
    IDeviceRegistry devices,
    IFirebaseMessaging fcm,
    INotificationStore inbox,
    KeyedShards shards,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PartyInvitePush> logger)
{
    private const string Verb = "party.invite";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _recent = new();

    public async Task SendAsync(PartyInvite invite, CancellationToken cancellationToken)
    {
        using var span = source.StartClanfeedNotify(Verb, "push");
        span.SetClanfeedRecipientId(pseudonymizer.PseudonymizeClanfeedRecipientId(invite.InviteeId.ToString())); // clean precision-pseudonym
        span.SetClanfeedCollapseKey($"party:{invite.PartyId}"); // clean precision-names

        var dedupKey = $"{invite.InviterId:N}->{invite.InviteeId:N}";
        if (_recent.TryGetValue(dedupKey, out var last) && DateTimeOffset.UtcNow - last < TimeSpan.FromMinutes(1))
        {
            span.SetClanfeedOutcome("deduplicated");
            logger.LogDebug("Repeated invite suppressed: {DedupKey}", dedupKey); // leak TC1001 strings
            return;
        }
        _recent[dedupKey] = DateTimeOffset.UtcNow;
        logger.LogInformation("Sending {Invite}", invite); // leak TC1001 logging-objects

        var unread = await inbox.CountUnreadAsync(invite.InviteeId.ToString(), cancellationToken);
        var registrations = await devices.ForOwnerAsync(invite.InviteeId.ToString(), cancellationToken);
        var messages = registrations.Select(d => new Message
        {
            Token = d.Token,
            Notification = new Notification { Title = "Party invite", Body = $"{invite.InviterGamertag} invited you to {invite.GameMode}" },
            Data = new Dictionary<string, string> { ["inviteId"] = invite.InviteId, ["partyId"] = invite.PartyId },
            Apns = new ApnsConfig { Headers = { ["apns-collapse-id"] = invite.PartyId }, Aps = new Aps { Badge = unread + 1 } },
        }).ToList();
        var batch = await fcm.SendEachAsync(messages, cancellationToken);
        span.Activity?.SetTag("clanfeed.badge", unread + 1); // clean precision-about

        for (var i = 0; i < batch.Responses.Count; i++)
        {
            var response = batch.Responses[i];
            var device = registrations[i];
            if (response.IsSuccess)
            {
                logger.LogTrace("Invite {InviteId} delivered as {MessageId} to a {Platform} device", invite.InviteId, response.MessageId, device.Platform); // clean precision-names
                continue;
            }
            if (response.Exception?.MessagingErrorCode == MessagingErrorCode.Unregistered)
            {
                await devices.RemoveTokenAsync(device.Token, cancellationToken);
                logger.LogInformation("Removed stale registration {Registration}", device); // leak TC1001 logging-objects
                continue;
            }
            span.Activity?.AddException(response.Exception!); // clean exceptions
            logger.LogClanfeedDeliveryFailedEvent("push", response.Exception?.MessagingErrorCode?.ToString() ?? "unknown", invite.InviteId, pseudonymizer.PseudonymizeClanfeedRecipientId(invite.InviteeId.ToString()), $"token {device.Token[..12]}"); // leak TC1001 generated-api
        }

        meter.CreateClanfeedNotificationsSentCounter().Add(batch.SuccessCount, "push", Verb, "delivered"); // clean precision-about
        span.Activity?.SetTag("clanfeed.invitee.lane", shards.Of(invite.InviteeId.ToString(), 32)); // clean hashes
        span.Activity?.SetTag(ClanfeedAttributes.DeviceToken, registrations.FirstOrDefault()?.Token); // leak TC1001 generated-api
    }
}
