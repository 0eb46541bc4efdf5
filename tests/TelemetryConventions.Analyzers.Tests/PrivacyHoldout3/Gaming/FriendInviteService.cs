using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Gaming;

public sealed record FriendInvite(string FromPlayerId, string ToGamertag, string? ToEmail, string Platform);

public sealed class InviteBlockedException(string message) : Exception(message);

public sealed class FriendInviteService(ILogger<FriendInviteService> logger, Pseudonymizer pseudonymizer)
{
    private readonly HashSet<string> _blocked = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IResult> SendAsync(FriendInvite invite, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("invite.platform", invite.Platform); // clean direct
        activity?.SetTag("invite.by_email", invite.ToEmail is not null); // clean precision-about
        activity?.SetTag("invite.from", pseudonymizer.PseudonymizeLobbyPlayerId(invite.FromPlayerId).Value); // clean precision-pseudonym

        try
        {
            EnsureNotBlocked(invite);
        }
        catch (InviteBlockedException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "invite blocked"); // clean exceptions
            return Results.Forbid();
        }

        var target = invite.ToEmail is { } email ? email : invite.ToGamertag;
        var summary = $"{invite.Platform} invite to {target}";
        activity?.AddEvent(new ActivityEvent(summary)); // leak TC1001 strings
        logger.LogInformation("Invite sent on {Platform}", invite.Platform); // clean strings

        await Task.Yield();
        return Results.Accepted();
    }

    private void EnsureNotBlocked(FriendInvite invite)
    {
        if (_blocked.Contains(invite.ToGamertag))
        {
            throw new InviteBlockedException("Gamertag " + invite.ToGamertag + " blocks invites");
        }
    }
}
