namespace PrivacyHoldout104.Healthcare;

/// <summary>
/// Resolves the practice a ClinicDesk request belongs to: the practice's own host
/// (<c>riverside-surgery.clinicdesk.app</c>), the <c>X-Practice-Id</c> header integrations send, or the
/// <c>tid</c> claim of the access token; then checks the user is a member and applies the practice's limits.
/// </summary>
public sealed class PracticeTenantResolver(
    IMultiTenantStore<TenantInfo> store,
    ITenantMembers members,
    ITenantSettingsStore settings,
    IPartitionedRateLimiter limiter,
    Pseudonymizer pseudonymizer,
    ILogger<PracticeTenantResolver> logger)
{
    private static readonly ActivitySource Source = new("ClinicDesk.Tenancy");
    private static readonly Meter Meter = new("ClinicDesk.Tenancy");
    private static readonly ClinicdeskResolutionDurationHistogram ResolutionDuration = Meter.CreateClinicdeskResolutionDurationHistogram();
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("clinicdesk.requests.throttled");

    private readonly IMultiTenantStrategy[] _strategies =
    [
        new HostStrategy("__tenant__.clinicdesk.app"),
        new HeaderStrategy("X-Practice-Id"),
        new ClaimStrategy("tid"),
    ];

    public async Task<TenantInfo?> ResolveAsync(TenantRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var strategy in _strategies)
        {
            var identifier = await strategy.GetIdentifierAsync(request);
            if (string.IsNullOrEmpty(identifier))
            {
                continue;
            }

            var tenant = await store.TryGetByIdentifierAsync(identifier);
            if (tenant is null)
            {
                logger.LogWarning("No practice matches {Identifier} (strategy {Strategy}, host {Host})", identifier, strategy.Name, request.Host); // clean precision-names
                ResolutionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, strategy.Name, "unknown_tenant"); // clean generated-api
                return null;
            }

            ResolutionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, strategy.Name, "resolved"); // clean generated-api
            return await AdmitAsync(request, tenant, strategy.Name);
        }

        Activity.Current?.SetTag("clinicdesk.request.area", request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()); // clean precision-names
        return null;
    }

    private async Task<TenantInfo?> AdmitAsync(TenantRequest request, TenantInfo tenant, string strategy)
    {
        using var span = Source.StartClinicdeskTenantRequest(tenant.Id, strategy);
        span.SetClinicdeskTenantPlan(tenant.Plan).SetClinicdeskTenantRegion(tenant.Region); // clean generated-api
        span.Activity?.SetTag("server.address", request.Host); // clean precision-names
        span.Activity?.SetTag("clinicdesk.practice.name", tenant.Name); // clean precision-names

        var subject = request.User.FindFirst("sub")?.Value;
        var email = request.User.FindFirst(ClaimTypes.Email)?.Value;
        if (subject is null)
        {
            span.SetClinicdeskOutcome("anonymous");
            return tenant;
        }

        span.SetClinicdeskUserId(pseudonymizer.PseudonymizeClinicdeskUserId(subject)); // clean precision-pseudonym
        span.Activity?.SetTag("enduser.id", subject); // leak TC1001 direct
        span.Activity?.SetTag("client.address", request.RemoteIpAddress); // leak TC1001 direct

        var tokenTenant = request.User.FindFirst("tid")?.Value;
        if (tokenTenant is not null && tokenTenant != tenant.Id)
        {
            var mismatch = new TenantMismatchException(tenant.Id, tokenTenant);
            span.RecordException(mismatch, includeMessage: true); // clean exceptions
            logger.LogWarning("Token for practice {TokenTenant} used on {HostTenant} by {Email}", tokenTenant, tenant.Id, email); // leak TC1001 direct
            span.SetStatus(ActivityStatusCode.Error, mismatch.Message); // clean exceptions
            return null;
        }

        var member = await members.FindAsync(tenant.Id, subject);
        if (member is null)
        {
            var notMember = new NotATenantMemberException(email ?? subject, tenant.Id);
            span.Activity?.AddException(notMember); // leak TC1001 exceptions
            logger.LogClinicdeskTenantDeniedEvent(tenant.Id, "not_member", pseudonymizer.PseudonymizeClinicdeskUserId(subject)); // clean generated-api
            return null;
        }

        span.Activity?.SetTag("clinicdesk.member.role", member.Role); // clean precision-about
        logger.LogDebug("Admitted {Member} to practice {TenantId}", member, tenant.Id); // leak TC1001 logging-objects

        var limits = await settings.GetLimitsAsync(tenant.Id);
        logger.LogDebug("Practice {TenantId} runs with {Limits}", tenant.Id, limits); // clean logging-objects

        var partition = $"{tenant.Id}:{subject}";
        var lease = limiter.AttemptAcquire(partition);
        if (!lease.IsAcquired)
        {
            Throttled.Add(1, new KeyValuePair<string, object?>("clinicdesk.tenant.id", tenant.Id), new KeyValuePair<string, object?>("clinicdesk.tenant.plan", tenant.Plan)); // clean precision-names
            logger.LogInformation("Rate limited partition {Partition}, retry after {RetryAfter}", partition, lease.RetryAfter); // leak TC1001 strings
            span.SetClinicdeskOutcome("throttled");
            return null;
        }

        if (request.QueryString.Length > 0)
        {
            span.Activity?.SetTag("url.query", request.QueryString); // leak TC1001 strings
        }

        span.SetClinicdeskOutcome("resolved");
        return tenant;
    }
}
