namespace PrivacyHoldout104.Healthcare;

public sealed record InvitePracticeStaffCommand(string TenantId, string Email, string Role, string? PersonalMessage);

/// <summary>
/// A practice manager invites clinicians and receptionists to their practice on ClinicDesk; the invitee
/// accepts with the token in the link of the email.
/// </summary>
public sealed class PracticeInvitationService(
    IInvitationStore invitations,
    IInvitationMailer mailer,
    ISeatLedger seats,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    ILogger<PracticeInvitationService> logger)
{
    private static readonly ActivitySource Source = new("ClinicDesk.Admin");

    public async Task<string> InviteAsync(InvitePracticeStaffCommand command, string invitedByUserId)
    {
        using var span = Source.StartClinicdeskTenantAdmin(command.TenantId);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", command.TenantId, command.Email, command.Role, token, DateTimeOffset.UtcNow.AddDays(7), invitedByUserId);

        span.SetClinicdeskInvitationId(invitation.Id).SetClinicdeskUserId(pseudonymizer.PseudonymizeClinicdeskUserId(invitedByUserId)); // clean generated-api
        span.Activity?.SetTag("clinicdesk.invitation.role", command.Role); // clean precision-names
        span.Activity?.SetTag("clinicdesk.invitation.expires_at", invitation.ExpiresAt.ToString("O")); // clean precision-about
        span.Activity?.SetTag("clinicdesk.invitee.domain", command.Email.Split('@')[1]); // clean precision-about

        var limits = await settings.GetLimitsAsync(command.TenantId);
        var taken = (await seats.ActiveSeatsAsync(command.TenantId)).Count;
        if (taken >= limits.MaxSeats)
        {
            var full = new SeatLimitReachedException(command.TenantId, "practice-standard", limits.MaxSeats);
            span.RecordException(full, includeMessage: true).SetClinicdeskOutcome("seat_limit"); // clean exceptions
            throw full;
        }

        await invitations.SaveAsync(invitation);
        var acceptUrl = $"https://{command.TenantId}.clinicdesk.app/invitations/accept?token={Uri.EscapeDataString(token)}";
        await mailer.SendAsync(command.Email, "You're invited to ClinicDesk", acceptUrl, command.PersonalMessage);

        logger.LogInformation("Invitation {InvitationId} sent for role {Role} to {Invitee}", invitation.Id, command.Role, command.Email); // leak TC1001 direct
        logger.LogDebug("Invitation created {Invitation}", invitation); // leak TC1001 logging-objects
        logger.LogDebug("Accept link {AcceptUrl}", acceptUrl); // leak TC1001 strings
        span.Activity?.SetTag("clinicdesk.invitation.token_length", token.Length); // clean precision-about
        if (command.PersonalMessage is { Length: > 0 } message)
        {
            span.SetClinicdeskNote(message); // leak TC1001 generated-api
        }

        span.SetClinicdeskSeatCount(taken).SetClinicdeskOutcome("sent"); // clean generated-api
        return invitation.Id;
    }

    public async Task AcceptAsync(string token, ClaimsPrincipal user)
    {
        using var span = Source.StartClinicdeskTenantAdmin("pending");
        var invitation = await invitations.FindByTokenAsync(token);
        if (invitation is null)
        {
            logger.LogWarning("No invitation for token {Token}", token); // leak TC1001 direct
            return;
        }

        span.Activity?.SetTag(ClinicdeskAttributes.TenantId, invitation.TenantId); // clean precision-names
        var signedIn = user.FindFirst(ClaimTypes.Email)?.Value ?? string.Empty;
        try
        {
            if (invitation.ExpiresAt < DateTimeOffset.UtcNow)
            {
                throw new InvitationExpiredException(invitation.Id, invitation.ExpiresAt);
            }

            if (!string.Equals(invitation.Email, signedIn, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvitationEmailMismatchException(invitation.Email, signedIn);
            }
        }
        catch (InvitationExpiredException expired)
        {
            span.RecordException(expired, includeMessage: true).SetClinicdeskOutcome("expired"); // clean exceptions
            return;
        }
        catch (InvitationEmailMismatchException mismatch)
        {
            logger.LogWarning(mismatch, "Invitation {InvitationId} opened by another account", invitation.Id); // leak TC1001 exceptions
            span.SetClinicdeskOutcome("email_mismatch");
            return;
        }

        var userId = user.FindFirst("sub")!.Value;
        await invitations.MarkAcceptedAsync(invitation.Id, userId);
        span.Activity?.SetTag(ClinicdeskAttributes.UserContact, invitation.Email); // leak TC1001 generated-api
        span.SetClinicdeskUserId(pseudonymizer.PseudonymizeClinicdeskUserId(userId)).SetClinicdeskOutcome("accepted"); // clean precision-pseudonym
    }
}
