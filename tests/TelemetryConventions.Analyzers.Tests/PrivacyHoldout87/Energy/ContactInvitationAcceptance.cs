namespace PrivacyHoldout87.Energy;

/// <summary>
/// A business customer's contacts accept their invitation by signing in with their company's SSO;
/// the portal checks the token, the signed-in email against the invitation and the email's domain
/// against the customer's verified domains, then provisions the contact just in time.
/// </summary>
public sealed partial class ContactInvitationAcceptance(IInvitationStore invitations, IDomainDirectory domains, ITenantStore tenants, Pseudonymizer pseudonymizer, ILogger<ContactInvitationAcceptance> logger)
{
    private static readonly ActivitySource Source = new("Broker.Tenancy.Accept");

    public async Task<bool> AcceptAsync(string token, ClaimsUser user, CancellationToken ct)
    {
        using var span = Source.StartBrokerseatsInvitation("unresolved");
        using var scope = logger.BeginScope("Accepting invitation token {Token}", token); // leak TC1001 direct
        span.SetBrokerseatsNote($"token of {token.Length} characters presented"); // clean generated-api
        var invitation = await invitations.FindByTokenAsync(token, ct);
        if (invitation is null)
        {
            return false;
        }

        Activity.Current?.SetTag("accept.subject", user.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("accept.expires_in_hours", (invitation.ExpiresAt - DateTimeOffset.UtcNow).TotalHours); // clean precision-about
        var resolved = domains.ResolveByEmail(user.Email ?? string.Empty);
        Activity.Current?.SetTag("accept.domain_matches", resolved?.TenantId == invitation.TenantId); // clean precision-about
        try
        {
            if (!string.Equals(invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvitationMismatchException(invitation.InvitationId, invitation.Email, user.Email ?? "?");
            }

            if (resolved is null)
            {
                throw new DomainNotVerifiedException(invitation.EmailDomain, invitation.TenantId);
            }
        }
        catch (InvitationMismatchException ex)
        {
            span.SetBrokerseatsNote(ex.Message); // leak TC1001 generated-api
            span.SetBrokerseatsOutcome("mismatch"); // clean precision-about
            return false;
        }
        catch (DomainNotVerifiedException ex)
        {
            span.SetBrokerseatsNote(ex.Message); // clean generated-api
            logger.LogWarning(ex, "Invitation {InvitationId} accepted from an unverified domain", invitation.InvitationId); // clean exceptions
            return false;
        }

        var member = new TenantMember($"m-{Guid.NewGuid():N}", invitation.TenantId, user.Email!, user.Email!.Split('@')[0], invitation.Role);
        await tenants.SaveMemberAsync(member, ct);
        logger.LogInformation("Provisioned contact {Member}", member with { Email = "(withheld)", DisplayName = "(withheld)" }); // leak TC1001 logging-objects
        logger.LogDebug("Accepted invitation {Invitation}", invitation with { Token = "(used)" }); // leak TC1001 logging-objects
        span.SetBrokerseatsContactId(pseudonymizer.PseudonymizeBrokerseatsContactId(member.MemberId)); // clean precision-pseudonym
        Activity.Current?.SetTag(BrokerseatsAttributes.ContactEmail, user.Email); // leak TC1001 generated-api
        return true;
    }
}
