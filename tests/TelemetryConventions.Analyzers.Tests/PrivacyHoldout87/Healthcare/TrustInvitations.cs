namespace PrivacyHoldout87.Healthcare;

/// <summary>
/// Invitations for locums and bank staff: a department admin invites a clinician by email, the
/// invitation carries a one-time token, and accepting it signs the clinician in with NHS.net.
/// </summary>
public sealed partial class TrustInvitations(
    IInvitationStore invitations,
    IMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<TrustInvitations> logger)
{
    private static readonly ActivitySource Source = new("Trust.Tenancy.Invitations");
    private const string PortalHost = "apps.trust.nhs.example";

    public async Task<Invitation> InviteAsync(string tenantId, string email, string role, CancellationToken ct)
    {
        var invitation = new Invitation($"inv-{Guid.NewGuid():N}", tenantId, email.Trim().ToLowerInvariant(), role, InvitationTokens.NewToken(), DateTimeOffset.UtcNow.AddDays(7));
        using var span = Source.StartTrustseatsInvitation(tenantId);
        span.SetTrustseatsInvitationId(invitation.InvitationId); // clean precision-about
        span.SetTrustseatsEmailDomain(invitation.EmailDomain); // clean precision-about
        span.SetTrustseatsRole(role); // clean precision-about

        await invitations.SaveAsync(invitation, ct);
        var link = invitation.AcceptLink(PortalHost);
        await mailer.SendAsync(invitation.Email, "You have been invited to the trust's clinical apps", $"Accept here: {link}", ct);

        logger.LogInformation("Invitation {InvitationId} sent for role {Role}, expires {ExpiresAt}", invitation.InvitationId, role, invitation.ExpiresAt); // clean precision-about
        logger.LogDebug("Invitation link {Link}", link); // leak TC1001 strings
        InvitationSent(logger, invitation.InvitationId, invitation.Email); // leak TC1001 direct
        Activity.Current?.SetTag("invitation.token_length", invitation.Token.Length); // clean precision-about
        span.SetTrustseatsNote($"sent to {invitation.Email} by {Environment.UserName}"); // leak TC1001 generated-api
        return invitation;
    }

    public async Task<bool> AcceptAsync(string token, ClaimsUser signedIn, CancellationToken ct)
    {
        using var span = Source.StartTrustseatsInvitation("pending");
        var invitation = await invitations.FindByTokenAsync(token, ct);
        if (invitation is null)
        {
            logger.LogWarning("No invitation for token {Token}", token); // leak TC1001 direct
            span.SetTrustseatsOutcome("unknown-token"); // clean precision-about
            return false;
        }

        try
        {
            if (invitation.ExpiresAt < DateTimeOffset.UtcNow)
            {
                throw new InvitationExpiredException(invitation.InvitationId, invitation.ExpiresAt);
            }

            if (!string.Equals(invitation.Email, signedIn.Email, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvitationMismatchException(invitation.InvitationId, invitation.Email, signedIn.Email ?? "?");
            }
        }
        catch (InvitationExpiredException ex)
        {
            logger.LogWarning(ex, "Expired invitation presented"); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return false;
        }
        catch (InvitationMismatchException ex)
        {
            logger.LogWarning(ex, "Invitation accepted by the wrong account"); // leak TC1001 exceptions
            span.SetTrustseatsOutcome("mismatch"); // clean precision-about
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return false;
        }

        span.SetTrustseatsClinicianId(pseudonymizer.PseudonymizeTrustseatsClinicianId(signedIn.SubjectId!)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("trust.tenant", invitation.TenantId); // clean precision-about
        Accepted(logger, invitation.InvitationId, signedIn.Email!); // clean precision-about
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} sent to {Invitee}")]
    private static partial void InvitationSent(ILogger logger, string invitationId, string invitee);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} accepted by {Clinician}")]
    private static partial void Accepted(ILogger logger, string invitationId, [PrivateData] string clinician);
}
