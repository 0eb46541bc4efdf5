using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Transport;

// Riders invite friends to the minibus app with a personal invite link; both get five free trips when
// the friend completes a first trip.

public sealed record RiderInvite(Guid InviteId, Guid InviterRiderId, string InviteeEmail, string InviteCode);

public interface IInviteStore
{
    Task<RiderInvite?> FindByCodeAsync(string inviteCode, CancellationToken cancellationToken);
}

public sealed class RiderReferralRedeemer(IInviteStore invites, ILogger<RiderReferralRedeemer> logger)
{
    private static readonly ActivitySource Source = new("Minibus.Referrals");

    public async Task RedeemAsync(string inviteCode, Guid newRiderId, string newRiderEmail, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("referral.redeem");
        var invite = await invites.FindByCodeAsync(inviteCode, cancellationToken);
        if (invite is null)
        {
            activity?.SetTag("referral.invite_code", inviteCode); // leak TC1001 direct
            return;
        }

        activity?.SetTag("referral.invite.id", invite.InviteId); // clean precision-about
        activity?.SetTag("referral.inviter", invite.InviterRiderId); // leak TC1001 direct
        if (!string.Equals(invite.InviteeEmail, newRiderEmail, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Invite for {InviteeEmail} redeemed by a different address", invite.InviteeEmail); // leak TC1001 direct
        }
    }
}
