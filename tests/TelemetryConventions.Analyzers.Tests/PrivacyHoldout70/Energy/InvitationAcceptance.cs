using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Energy;

public sealed record PortalUser(string Id, string TenantId, string Email, string DisplayName, IReadOnlyList<string> Roles);

public interface IInvitationStore
{
    Task<Invitation?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    Task MarkAcceptedAsync(string invitationId, CancellationToken cancellationToken);
}

public interface IPortalUsers
{
    Task<PortalUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<PortalUser> CreateAsync(string tenantId, string email, string displayName, string role, CancellationToken cancellationToken);

    Task AddMembershipAsync(string userId, string tenantId, string role, CancellationToken cancellationToken);
}

/// <summary>Why an acceptance failed. The cases are records and print their members.</summary>
public abstract record AcceptFailure
{
    public sealed record UnknownToken(string Token) : AcceptFailure;

    public sealed record Expired(string InvitationId, DateTimeOffset ExpiredAt) : AcceptFailure;

    public sealed record EmailMismatch(string Invited, string SignedIn) : AcceptFailure;
}

/// <summary>
/// The invitation acceptance endpoint: the invitee follows the link, signs in (or signs up), and the
/// invitation becomes a membership of the tenant. An existing portal user is linked, not duplicated.
/// </summary>
public sealed class InvitationAcceptance(
    IInvitationStore invitations,
    IPortalUsers users,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<InvitationAcceptance> logger)
{
    private readonly TenancyInvitationsCounter _invitations = meter.CreateTenancyInvitationsCounter();
    private readonly Histogram<double> _ageAtAcceptance = meter.CreateHistogram<double>("tenancy.invitation.age", "h");

    public async Task<AcceptFailure?> AcceptAsync(string token, ClaimsUser signedIn, string displayName, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("invitation.accept");
        activity?.SetTag("invitation.token.present", token.Length > 0); // clean precision-about

        var invitation = await invitations.FindByTokenAsync(token, cancellationToken);
        if (invitation is null)
        {
            var failure = new AcceptFailure.UnknownToken(token);
            activity?.SetTag("invitation.token.unknown", token); // leak TC1001 direct
            logger.LogWarning("Acceptance refused: {Failure}", failure); // leak TC1001 logging-objects
            activity?.SetTag("invitation.failure", failure.GetType().Name); // clean precision-names
            return failure;
        }

        activity?.SetTag("invitation.id", invitation.Id); // clean direct
        activity?.SetTag("tenancy.tenant.id", invitation.TenantId); // clean direct
        if (invitation.ExpiresAt < DateTimeOffset.UtcNow)
        {
            var failure = new AcceptFailure.Expired(invitation.Id, invitation.ExpiresAt);
            logger.LogInformation("Acceptance refused: {Failure}", failure); // clean logging-objects
            _invitations.Add(1, TenancyStage.Expired, "expired"); // clean generated-api
            return failure;
        }

        if (!string.Equals(invitation.Email, signedIn.Email, StringComparison.OrdinalIgnoreCase))
        {
            var failure = new AcceptFailure.EmailMismatch(invitation.Email, signedIn.Email ?? "(none)");
            logger.LogTenancyInvitationFailedEvent(invitation.TenantId, "rejected:email_mismatch", tenancyNote: Describe(failure)); // leak TC1001 generated-api
            activity?.SetTag("invitation.same_domain", MailDomainOf(invitation.Email) == MailDomainOf(signedIn.Email)); // clean precision-about
            return failure;
        }

        var existing = await users.FindByEmailAsync(invitation.Email, cancellationToken);
        PortalUser user;
        if (existing is not null)
        {
            await users.AddMembershipAsync(existing.Id, invitation.TenantId, invitation.Role, cancellationToken);
            user = existing;
            activity?.AddEvent(new ActivityEvent("invitation.linked_existing_user")); // clean precision-names
            logger.LogInformation("Linked existing user {UserId} to tenant {TenantId} with roles {Roles}", existing.Id, invitation.TenantId, existing.Roles); // leak TC1001 direct
        }
        else
        {
            user = await users.CreateAsync(invitation.TenantId, invitation.Email, displayName, invitation.Role, cancellationToken);
            logger.LogInformation("Created portal user {User} from invitation {InvitationId}", pseudonymizer.PseudonymizeTenancyUserId(user.Id), invitation.Id); // clean precision-pseudonym
        }

        await invitations.MarkAcceptedAsync(invitation.Id, cancellationToken);
        using var span = activity.EnrichTenancyOnboard(invitation.TenantId); // clean generated-api
        span.SetTenancyUserId(pseudonymizer.PseudonymizeTenancyUserId(user.Id)).SetTenancyStage(TenancyStage.Accepted); // clean precision-pseudonym
        span.SetTenancyNote($"accepted as {invitation.Role}; {user.Roles.Count} roles now"); // clean generated-api
        _ageAtAcceptance.Record((DateTimeOffset.UtcNow - invitation.ExpiresAt.AddDays(-7)).TotalHours, new KeyValuePair<string, object?>("tenancy.role", invitation.Role)); // clean precision-about
        _invitations.Add(1, TenancyStage.Accepted, pseudonymizer.ComputeTenancyUserId(user.Id)); // leak TC1003 precision-pseudonym
        activity?.SetBaggage("portal.user", user.Email); // leak TC1001 direct
        return null;
    }

    private static string Describe(AcceptFailure failure) => failure switch
    {
        AcceptFailure.UnknownToken => "unknown token",
        AcceptFailure.Expired(var id, var at) => $"{id} expired at {at:u}",
        AcceptFailure.EmailMismatch(var invited, var signedIn) => $"invited {invited} but signed in as {signedIn}",
        _ => failure.GetType().Name,
    };

    private static string? MailDomainOf(string? email) => email?.Split('@') is [_, var domain] ? domain : null;
}
