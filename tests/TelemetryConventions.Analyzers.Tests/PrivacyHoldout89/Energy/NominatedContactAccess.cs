namespace PrivacyHoldout89.Energy;

/// <summary>
/// A delegation on an energy account: a nominee (a relative or carer under the Priority Services
/// Register's nominee scheme) or a business's account manager acting for the account holder.
/// A record: prints its members.
/// </summary>
public sealed record DelegationGrant(
    string GrantId,
    string AccountNumber,
    string DelegateAccountId,
    string DelegateEmail,
    string Relationship,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt);

public interface IDelegationStore
{
    Task<DelegationGrant?> FindAsync(string delegateAccountId, string accountNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown when a delegation has lapsed. Quotes the grant and its expiry.</summary>
public sealed class DelegationExpiredException(string grantId, DateTimeOffset expiredAt)
    : Exception($"Delegation {grantId} expired at {expiredAt:O}")
{
    public string GrantId { get; } = grantId;
}

/// <summary>Thrown when the nominee has not confirmed their email yet. Quotes the address.</summary>
public sealed class NomineeNotVerifiedException(string email) : Exception($"Nominee {email} has not verified their email address");

public sealed record ActingForRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>
/// Lets a nominee or account manager act for the account holder, within the scopes the holder
/// granted (view_bills, submit_reads, manage_payments, psr_needs).
/// </summary>
public sealed class ActingForHandler(IDelegationStore delegations, ActivitySource source, ILogger<ActingForHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<ActingForRequirement, string>
{
    private DelegationGrant? _lastRefused;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActingForRequirement requirement, string accountNumber)
    {
        var delegateId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        using var span = source.StartGridauthzAuthorize("ActingFor");
        span.SetGridauthzAccessMode("delegated").SetGridauthzOperation(requirement.Scope);
        span.SetGridauthzSubjectId(pseudonymizer.PseudonymizeGridauthzSubjectId(accountNumber)); // clean precision-pseudonym
        var grant = await delegations.FindAsync(delegateId, accountNumber, CancellationToken.None);
        if (grant is null)
        {
            span.SetGridauthzDecision("deny").SetGridauthzReason("no_delegation");
            logger.LogInformation("No delegation from account {AccountNumber} to {Delegate}", accountNumber, delegateId); // leak TC1001 direct
            return;
        }

        using var scope = logger.BeginScope("Delegation {GrantId} ({Relationship})", grant.GrantId, grant.Relationship); // clean precision-names
        try
        {
            if (grant.ExpiresAt < DateTimeOffset.UtcNow)
            {
                throw new DelegationExpiredException(grant.GrantId, grant.ExpiresAt);
            }
            if (grant.Relationship == "psr_nominee" && !context.User.HasClaim("email_verified", "true"))
            {
                throw new NomineeNotVerifiedException(grant.DelegateEmail);
            }
        }
        catch (DelegationExpiredException ex)
        {
            span.SetGridauthzDecision("deny").SetGridauthzReason("expired");
            logger.LogWarning(ex, "Delegation lapsed"); // clean exceptions
            return;
        }
        catch (NomineeNotVerifiedException ex)
        {
            span.SetGridauthzDecision("deny").SetGridauthzReason("nominee_unverified");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            _lastRefused = grant;
            return;
        }

        if (!grant.Scopes.Contains(requirement.Scope))
        {
            span.SetGridauthzDecision("deny").SetGridauthzReason("scope_not_granted");
            logger.LogInformation("Scope {Scope} not in delegation {GrantId} (has {Scopes})", requirement.Scope, grant.GrantId, string.Join(",", grant.Scopes)); // clean precision-names
            _lastRefused = grant;
            return;
        }

        span.SetGridauthzDecision("allow").SetGridauthzGrantId(grant.GrantId);
        span.SetGridauthzActorId(pseudonymizer.PseudonymizeGridauthzActorId(grant.DelegateAccountId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("grid.acting_for", accountNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("grid.delegation", grant.GrantId); // clean precision-names
        Activity.Current?.SetTag("grid.delegate.domain", grant.DelegateEmail[(grant.DelegateEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(GridauthzAttributes.SubjectContact, grant.DelegateEmail); // leak TC1001 generated-api
        context.Succeed(requirement);
    }

    public void DumpLastRefusal()
    {
        logger.LogDebug("Last refused delegation: {Grant}", _lastRefused); // leak TC1001 cross-member
        logger.LogDebug("Last refused delegation id: {GrantId}, {Scopes} scopes", _lastRefused?.GrantId, _lastRefused?.Scopes.Count); // clean precision-names
    }
}
