namespace PrivacyHoldout104.Energy;

/// <summary>
/// A supplier's admin invites its call-centre agents to SupplyOS. Suppliers restrict invitations to
/// their verified email domains; the platform's own support engineers get cross-tenant access per ticket.
/// </summary>
public sealed class SupplierAgentInvitations(
    IInvitationStore invitations,
    IInvitationMailer mailer,
    ISupportAccessStore grants,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    ILogger<SupplierAgentInvitations> logger)
{
    private static readonly ActivitySource Source = new("SupplyOS.Admin");

    public async Task InviteAgentsAsync(string supplierId, IReadOnlyList<string> emails, string adminUserId)
    {
        using var span = Source.StartSupplyosTenantAdmin(supplierId);
        var supplierSettings = await settings.GetAsync(supplierId);
        var verified = (supplierSettings["sso.verified_domains"] ?? string.Empty).Split(',');
        var rejected = new List<string>();
        foreach (var email in emails)
        {
            var domain = email[(email.IndexOf('@') + 1)..];
            if (!verified.Contains(domain))
            {
                var blocked = new InviteeDomainNotAllowedException(domain, supplierId);
                logger.LogWarning(blocked, "Invitation refused"); // clean exceptions
                rejected.Add(email);
                continue;
            }

            var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", supplierId, email, "agent", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddDays(3), adminUserId);
            await invitations.SaveAsync(invitation);
            await mailer.SendAsync(email, "SupplyOS access", $"https://{supplierId}.supplyos.energy/accept/{invitation.Token}");
            logger.LogInformation("Invited agent, invitation {InvitationId} expires {ExpiresAt}", invitation.Id, invitation.ExpiresAt); // clean precision-names
            logger.LogDebug("Invitation {Invitation}", invitation with { Token = "***" }); // leak TC1001 logging-objects
        }

        span.SetSupplyosSeatCount(emails.Count - rejected.Count).SetSupplyosUserId(pseudonymizer.PseudonymizeSupplyosUserId(adminUserId)); // clean generated-api
        span.Activity?.SetTag("supplyos.invitations.rejected", rejected.Count); // clean precision-about
        logger.LogInformation("Admin {AdminUserId} invited {Count} agents", adminUserId, emails.Count - rejected.Count); // leak TC1001 direct
        span.Activity?.SetTag("supplyos.invitations.rejected_emails", string.Join(";", rejected)); // leak TC1001 strings
        logger.LogInformation("Verified domains {Domains}", supplierSettings["sso.verified_domains"]); // clean precision-names
    }

    public async Task<SupportAccessGrant?> EngineerAccessAsync(string supplierId, string engineerEmail, string ticketId)
    {
        using var span = Source.StartSupplyosTenantAdmin(supplierId);
        var grant = await grants.ActiveGrantAsync(supplierId, engineerEmail);
        if (grant is null)
        {
            span.SetSupplyosOutcome("no_grant");
            logger.LogSupplyosTenantDeniedEvent(supplierId, "no_grant", supplyosNote: ticketId); // clean generated-api
            span.Activity?.SetTag(SupplyosAttributes.UserContact, pseudonymizer.Pseudonymize("supplyos.engineer", engineerEmail)); // leak TC1001 precision-pseudonym
            return null;
        }

        span.SetSupplyosSupportGrantId(grant.GrantId); // clean generated-api
        span.SetSupplyosNote($"engineer {engineerEmail} on {ticketId}"); // leak TC1001 generated-api
        span.Activity?.SetTag("supplyos.support.engineer_domain", engineerEmail.Split('@')[1]); // clean precision-about
        logger.LogInformation("Support grant {Grant} used", grant with { AgentEmail = "-", ApprovedByEmail = null }); // clean logging-objects
        return grant;
    }
}
