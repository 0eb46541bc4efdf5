namespace PrivacyHoldout87.Media;

/// <summary>
/// The broadcaster's partner portal: production companies and distributors are tenants; their
/// admins invite colleagues by email, singly or in bulk, and the invitee's domain must not belong
/// to another partner's verified SSO domain.
/// </summary>
public static partial class PartnerInvitationEndpoints
{
    private static readonly ActivitySource Source = new("Partner.Tenancy.Invitations");
    private static readonly Meter Meter = new("Partner.Tenancy.Invitations");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("partner.invitations.sent", "{invitation}");

    public sealed record InviteBody(string Email, string Role, string? PersonalMessage);

    public sealed record BulkInviteBody(IReadOnlyList<string> Emails, string Role);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/partners/{tenantId}/invitations", InviteAsync);
        routes.MapPost("/partners/{tenantId}/invitations/bulk", BulkAsync);
    }

    internal static async Task<ActionResult> InviteAsync(string tenantId, InviteBody body, IInvitationStore store, IDomainDirectory domains, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Partner.Invitations");
        using var span = Source.StartPartnerseatsInvitation(tenantId);
        var domain = body.Email[(body.Email.IndexOf('@') + 1)..];
        span.SetPartnerseatsEmailDomain(domain); // clean precision-about
        span.SetPartnerseatsRole(body.Role); // clean precision-about
        var mapped = domains.ResolveByEmail(body.Email);
        if (mapped is not null && mapped.TenantId != tenantId)
        {
            logger.LogWarning("Invitee domain {Domain} belongs to partner {Other} ({OtherName}), not {Tenant}", domain, mapped.TenantId, mapped.Name, tenantId); // clean precision-about
            span.SetPartnerseatsOutcome("foreign-domain"); // clean precision-about
            return new BadRequestResult("domain belongs to another partner");
        }

        var invitation = new Invitation($"pinv-{Guid.NewGuid():N}", tenantId, body.Email, body.Role, InvitationTokens.NewToken(), DateTimeOffset.UtcNow.AddDays(14));
        await store.SaveAsync(invitation, ct);
        span.SetPartnerseatsInvitationId(invitation.InvitationId); // clean precision-about
        if (body.PersonalMessage is { Length: > 0 } message)
        {
            span.SetPartnerseatsNote(message); // leak TC1001 generated-api
            logger.LogDebug("Personal message of {Length} characters attached", message.Length); // clean precision-about
        }

        Sent.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new KeyValuePair<string, object?>("role", body.Role), new KeyValuePair<string, object?>("email_domain", domain)); // clean precision-about
        logger.LogInformation("Invitation {Invitation} created", invitation); // leak TC1001 logging-objects
        InvitationCreated(logger, invitation.InvitationId, tenantId, body.Role, invitation.ExpiresAt); // clean precision-about
        return new OkResult(invitation.InvitationId);
    }

    internal static async Task<ActionResult> BulkAsync(string tenantId, BulkInviteBody body, IInvitationStore store, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Partner.Invitations");
        using var activity = Source.StartActivity("invitations.bulk");
        activity?.SetTag("invitations.count", body.Emails.Count); // clean precision-about
        activity?.SetTag("invitations.domains", string.Join(",", body.Emails.Where(e => e.Contains('@')).Select(e => e.Split('@')[1]).Distinct())); // clean precision-about
        var invalid = body.Emails.Where(e => !e.Contains('@')).ToList();
        if (invalid.Count > 0)
        {
            logger.LogWarning("Invalid invitee addresses {Invalid}", invalid); // leak TC1001 logging-objects
        }

        activity?.SetTag("invitations.first", body.Emails.FirstOrDefault()); // leak TC1001 direct
        var created = 0;
        foreach (var email in body.Emails.Except(invalid))
        {
            var invitation = new Invitation($"pinv-{Guid.NewGuid():N}", tenantId, email, body.Role, InvitationTokens.NewToken(), DateTimeOffset.UtcNow.AddDays(14));
            await store.SaveAsync(invitation, ct);
            created++;
            activity?.AddEvent(new ActivityEvent("invitation.created", tags: new ActivityTagsCollection { ["invitation.id"] = invitation.InvitationId, ["invitee"] = pseudonymizer.ComputePartnerseatsPartneruserId(email) })); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("invitation.link", tags: new ActivityTagsCollection { ["link"] = invitation.AcceptLink("partners.broadcaster.example") })); // leak TC1001 strings
        }

        logger.LogInformation("Bulk invitation for {Tenant}: {Created} of {Requested} created", tenantId, created, body.Emails.Count); // clean precision-about
        return new OkResult(created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} for partner {TenantId} as {Role}, expires {ExpiresAt}")]
    private static partial void InvitationCreated(ILogger logger, string invitationId, string tenantId, string role, DateTimeOffset expiresAt);
}
