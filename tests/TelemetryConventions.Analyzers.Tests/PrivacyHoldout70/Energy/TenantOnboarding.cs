using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Energy;

/// <summary>A business customer signing up for the portal: the company and its first administrator.</summary>
public sealed record TenantSignup(string CompanyName, string CompanyNumber, string Region, string AdminEmail, string AdminName, int SiteCount);

public sealed record Invitation(string Id, string TenantId, string Email, string Token, DateTimeOffset ExpiresAt, string Role)
{
    public string AcceptUrl => $"https://portal.example-energy.co.uk/invite/accept?token={Token}&email={Uri.EscapeDataString(Email)}";
}

public interface ITenantStore
{
    Task<string> CreateTenantAsync(TenantSignup signup, CancellationToken cancellationToken);

    Task SaveInvitationAsync(Invitation invitation, CancellationToken cancellationToken);
}

public interface IInvitationMailer
{
    Task SendAsync(Invitation invitation, CancellationToken cancellationToken);
}

/// <summary>The mail relay refused the recipient; its message quotes the address, as SMTP replies do.</summary>
public sealed class RecipientRejectedException(string recipient, string reply)
    : Exception($"550 5.1.1 <{recipient}>: {reply}");

/// <summary>Onboards a business customer's tenant and invites its first administrator.</summary>
public sealed class TenantOnboarding(
    ITenantStore store,
    IInvitationMailer mailer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TenantOnboarding> logger)
{
    private readonly TenancyInvitationsCounter _invitations = meter.CreateTenancyInvitationsCounter();
    private readonly Counter<long> _tenants = meter.CreateCounter<long>("tenancy.tenants.created");

    public async Task<string> OnboardAsync(TenantSignup signup, CancellationToken cancellationToken)
    {
        var tenantId = await store.CreateTenantAsync(signup, cancellationToken);
        logger.LogInformation("Signup stored: {Signup}", signup); // leak TC1001 logging-objects
        using var span = source.StartTenancyOnboard(tenantId); // clean generated-api
        span.SetTenancyRegion(signup.Region).SetTenancyStage(TenancyStage.Created); // clean generated-api
        span.Activity?.SetTag("tenancy.company", signup.CompanyName); // clean direct
        span.Activity?.SetTag("tenancy.sites", signup.SiteCount); // clean precision-about
        _tenants.Add(1, new KeyValuePair<string, object?>("region", signup.Region), new KeyValuePair<string, object?>("tenant", tenantId)); // clean direct
        logger.LogInformation("Tenant {TenantId} created for {Company} by {AdminName}", tenantId, signup.CompanyName, signup.AdminName); // leak TC1001 direct

        var invitation = new Invitation(
            Id: $"inv-{Guid.NewGuid():N}"[..12],
            TenantId: tenantId,
            Email: signup.AdminEmail,
            Token: Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            ExpiresAt: DateTimeOffset.UtcNow.AddDays(7),
            Role: "tenant-admin");
        await store.SaveInvitationAsync(invitation, cancellationToken);
        span.SetTenancyInvitationId(invitation.Id).SetTenancyStage(TenancyStage.Invited); // clean generated-api
        logger.LogDebug("Invitation {InvitationId} expires {ExpiresAt:u} with a {TokenLength}-character token", invitation.Id, invitation.ExpiresAt, invitation.Token.Length); // clean precision-about
        logger.LogDebug("Invitation link {Url}", invitation.AcceptUrl); // leak TC1001 cross-member
        logger.LogDebug("Invitation ready: {Invitation}", invitation); // leak TC1001 logging-objects

        try
        {
            await mailer.SendAsync(invitation, cancellationToken);
            _invitations.Add(1, TenancyStage.Invited, "sent"); // clean generated-api
        }
        catch (RecipientRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogTenancyInvitationFailedEvent(tenantId, "rejected:recipient", tenancyNote: $"mail domain {MailDomain(signup.AdminEmail)} refused"); // clean precision-about
            _invitations.Add(1, TenancyStage.Invited, "bounced"); // clean generated-api
        }

        return tenantId;
    }

    public async Task ResendAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        using var span = source.StartTenancyOnboard(invitation.TenantId); // clean generated-api
        span.Activity?.SetTag(TenancyAttributes.InviteeEmail, pseudonymizer.Pseudonymize("invitee", invitation.Email).Value); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("tenancy.invitation.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(invitation.Email.ToLowerInvariant())))[..12]); // leak TC1002 hashes
        logger.LogInformation("Resending {Attribute} invitation {InvitationId}", TenancyAttributes.InviteeEmail, invitation.Id); // clean precision-names
        await mailer.SendAsync(invitation, cancellationToken);
        _invitations.Add(1, TenancyStage.Invited, "resent"); // clean generated-api
    }

    private static string MailDomain(string email) => email[(email.LastIndexOf('@') + 1)..];
}
