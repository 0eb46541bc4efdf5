namespace TenantKit.Invitations;

/// <summary>An invitation to join a tenant as an admin or member: a record, printed with its members (email and token among them).</summary>
public sealed record TenantInvitation(
    string Id,
    string TenantId,
    string Email,
    string Role,
    string Token,
    DateTimeOffset ExpiresAt,
    string InvitedByUserId);

public interface IInvitationStore
{
    Task SaveAsync(TenantInvitation invitation);

    Task<TenantInvitation?> FindByTokenAsync(string token);

    Task<IReadOnlyList<TenantInvitation>> PendingAsync(string tenantId);

    Task MarkAcceptedAsync(string invitationId, string userId);
}

public interface IInvitationMailer
{
    Task SendAsync(string to, string subject, string acceptUrl, string? personalMessage = null);
}

public sealed class InvitationExpiredException(string invitationId, DateTimeOffset expiredAt)
    : Exception($"Invitation {invitationId} expired at {expiredAt:O}.")
{
    public string InvitationId { get; } = invitationId;
}

/// <summary>The invitation was sent to one address and is being accepted by an account with another: quotes both.</summary>
public sealed class InvitationEmailMismatchException(string invitedEmail, string signedInEmail)
    : Exception($"Invitation was sent to {invitedEmail} but {signedInEmail} is signed in.");

/// <summary>The tenant allows invitations to its verified domains only: quotes the domain.</summary>
public sealed class InviteeDomainNotAllowedException(string domain, string tenantId)
    : Exception($"Domain {domain} is not verified for tenant {tenantId}.")
{
    public string Domain { get; } = domain;
}

/// <summary>The mail relay refused a recipient (as <c>SmtpFailedRecipientException</c>): quotes it.</summary>
public sealed class MailboxUnavailableException(string recipient)
    : Exception($"Mailbox unavailable. The server response was: 5.1.1 <{recipient}>: Recipient address rejected")
{
    public string FailedRecipient { get; } = recipient;
}
