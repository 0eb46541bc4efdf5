namespace PrivacyHoldout90.Media;

public sealed record WatchParty(string PartyId, string TitleId, Guid HostSubscriberId, string HostProfileId, string HostProfileName, DateTimeOffset StartsAt);

/// <summary>An invitation to a friend's profile, or by email to someone without one. Prints its members.</summary>
public sealed record PartyInvitation(string InviteId, string PartyId, string? InviteeProfileId, string? InviteeEmail, string Token);

/// <summary>Watch-party invites: in-app to friends' profiles, by email with a join link to anyone else.</summary>
public sealed class WatchPartyInvites(
    INotificationStore inbox,
    IEmailSender email,
    NotificationOptions options,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<WatchPartyInvites> logger)
{
    private static readonly Meter PartyMeter = new("Stream.WatchParty");
    private static readonly Counter<long> Invites = PartyMeter.CreateCounter<long>("watchnotify.party.invites", "{invite}");

    public async Task InviteAsync(WatchParty party, IReadOnlyList<PartyInvitation> invitations, CancellationToken cancellationToken)
    {
        using var span = source.StartWatchnotifyNotify("party.invite", "in_app");
        span.SetWatchnotifyActorId(pseudonymizer.PseudonymizeWatchnotifyActorId(party.HostProfileId)); // clean precision-pseudonym
        span.SetWatchnotifyRecipientsCount(invitations.Count); // clean precision-about
        span.Activity?.SetBaggage("watch.party", party.PartyId); // clean precision-names

        var text = $"{party.HostProfileName} invited you to watch together at {party.StartsAt:HH:mm}";
        foreach (var invitation in invitations)
        {
            if (invitation.InviteeProfileId is { } profileId)
            {
                await inbox.InsertAsync(new NotificationRecord(invitation.InviteId, profileId, party.HostProfileId, "party.invite", "party", party.PartyId, text, DateTimeOffset.UtcNow) { CollapseKey = $"party.invite:{party.PartyId}" }, cancellationToken);
                Invites.Add(1, new KeyValuePair<string, object?>("watchnotify.channel", "in_app")); // clean precision-names
                continue;
            }

            var address = invitation.InviteeEmail!;
            var joinUrl = $"{options.AppBaseUrl}/party/{party.PartyId}/join?t={invitation.Token}";
            try
            {
                await email.SendAsync(address, text, $"{text}\n\nJoin: {joinUrl}", cancellationToken);
                Invites.Add(1, new("watchnotify.channel", "email"), new("watchnotify.invitee.domain", address[(address.IndexOf('@') + 1)..])); // clean precision-about
                span.Activity?.SetTag(WatchnotifyAttributes.RecipientContact, pseudonymizer.Pseudonymize("invitee.email", address)); // leak TC1001 precision-pseudonym
            }
            catch (DeliveryFailedException ex)
            {
                logger.LogWarning("Invite {InviteId} email failed: {Error}", invitation.InviteId, ex.Message); // leak TC1001 exceptions
                logger.LogWatchnotifyDeliveryFailedEvent("email", "bounced", invitation.InviteId, null, ex.Reason); // clean exceptions
            }
            logger.LogDebug("Join link issued: {JoinUrl}", joinUrl); // leak TC1001 strings
        }
        logger.LogInformation("Party {PartyId} sent {@Invitations}", party.PartyId, invitations); // leak TC1001 logging-objects
    }

    public void OnInviteAccepted(WatchParty party, PartyInvitation invitation, string acceptedByProfileId)
    {
        var activity = Activity.Current;
        activity?.SetTag("watchnotify.invite.id", invitation.InviteId); // clean precision-names
        activity?.SetTag("watchnotify.party.host", party.HostProfileName); // leak TC1001 direct
        activity?.SetTag("watchnotify.accepted.by", Pseudonym.FromComputed(acceptedByProfileId)); // leak TC1001 generated-api
        activity?.SetTag("watchnotify.token.length", invitation.Token.Length); // clean precision-about
        activity?.SetTag("watchnotify.minutes_to_start", (int)(party.StartsAt - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-about
    }
}
