namespace PrivacyHoldout87.Healthcare;

/// <summary>
/// SSO domain verification and home-realm discovery: a partner organisation proves it owns its
/// email domain with a TXT record, and sign-ins are routed to the tenant whose verified domain the
/// clinician's email belongs to.
/// </summary>
public sealed class SsoDomainMapping(IDomainDirectory directory, TelemetrySecrets secrets, ILogger<SsoDomainMapping> logger)
{
    private static readonly ActivitySource Source = new("Trust.Tenancy.Sso");
    private static readonly Meter Meter = new("Trust.Tenancy.Sso");
    private static readonly Counter<long> Discoveries = Meter.CreateCounter<long>("trust.sso.discoveries");
    private static readonly Counter<long> Unmapped = Meter.CreateCounter<long>("trust.sso.unmapped");

    public async Task<bool> VerifyAsync(SsoDomain claim, CancellationToken ct)
    {
        using var activity = Source.StartActivity("sso.domain.verify");
        activity?.SetTag("sso.domain", claim.Domain); // clean precision-about
        activity?.SetTag("sso.idp", claim.IdentityProvider); // clean precision-about
        var records = await directory.LookupTxtAsync(claim.Domain, ct);
        var ok = records.Contains(claim.TxtChallenge, StringComparer.Ordinal);
        activity?.SetTag("sso.txt.records", records.Count); // clean precision-about
        logger.LogInformation("Domain {Domain} for tenant {TenantId} verified={Verified}; challenge {Challenge}", claim.Domain, claim.TenantId, ok, claim.TxtChallenge); // clean precision-about
        if (!ok)
        {
            var ex = new DomainNotVerifiedException(claim.Domain, claim.TenantId);
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Claim {@Claim} failed verification", claim); // clean logging-objects
        }

        return ok;
    }

    public Tenant? Discover(string email)
    {
        using var activity = Source.StartActivity("sso.discover");
        var tenant = directory.ResolveByEmail(email);
        var domain = email[(email.IndexOf('@') + 1)..];
        activity?.SetTag("sso.email_domain", domain); // clean precision-about
        activity?.SetTag("sso.lookup_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16]); // leak TC1002 hashes
        activity?.SetTag("sso.shard", KeyedShards.Of(secrets.ShardKey, email.ToLowerInvariant(), 64)); // clean hashes
        if (tenant is null)
        {
            logger.LogInformation("No tenant for sign-in {Email}; falling back to the trust's own directory", email); // leak TC1001 direct
            Unmapped.Add(1, new KeyValuePair<string, object?>("domain", domain)); // clean precision-about
            if (activity is not null) activity.DisplayName = $"sso.discover {email}"; // leak TC1001 strings
            return null;
        }

        Discoveries.Add(1, new KeyValuePair<string, object?>("tenant", tenant.TenantId), new KeyValuePair<string, object?>("plan", tenant.Plan.ToString())); // clean precision-about
        activity?.SetTag("sso.tenant", tenant.Name); // clean precision-about
        return tenant;
    }

    public void LogDomains(string tenantId)
    {
        var domains = directory.DomainsOf(tenantId);
        logger.LogDebug("Tenant {TenantId} domains: {Domains}", tenantId, string.Join(", ", domains.Select(d => d.Domain))); // clean precision-about
        logger.LogDebug("Unverified domains: {Count}", domains.Count(d => !d.Verified)); // clean precision-about
    }
}
