using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Healthcare;

/// <summary>A carer's proxy grant: the patient (or their GP) allowed the carer to see parts of the record.</summary>
public sealed record ProxyGrant(Guid GrantId, string CarerUserId, string PatientNhsNumber, IReadOnlySet<string> Scopes, DateTimeOffset ValidUntil, string GrantedBy);

public sealed record PatientRecordResource(string NhsNumber, string RecordSection, string OwningPracticeCode);

public sealed class ProxyAccessRequirement(string section) : IAuthorizationRequirement
{
    public string Section { get; } = section;
}

public interface IProxyGrantStore
{
    Task<ProxyGrant?> FindActiveAsync(string carerUserId, string patientNhsNumber, CancellationToken cancellationToken = default);

    Task<int> CountActiveForCarerAsync(string carerUserId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Lets a carer act for a patient: the carer signs in as themselves, and the record they open names
/// the patient. Success needs an active proxy grant that covers the section.
/// </summary>
public sealed class ProxyAccessHandler(
    IProxyGrantStore grants,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<ProxyAccessHandler> logger)
    : AuthorizationHandler<ProxyAccessRequirement, PatientRecordResource>
{
    private static readonly ActivitySource Source = new("PatientPortal.ProxyAccess");
    private static readonly Meter Meter = new("PatientPortal.ProxyAccess");
    private static readonly Counter<long> Denials = Meter.CreateCounter<long>("proxy.denials");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProxyAccessRequirement requirement, PatientRecordResource resource)
    {
        var carerId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (carerId is null)
        {
            return;
        }

        using var span = Source.StartAccessDelegated(AccessRelationship.Carer);
        span.SetAccessActorId(pseudonymizer.PseudonymizeAccessActorId(carerId)); // clean precision-pseudonym
        span.SetAccessSubjectId(pseudonymizer.PseudonymizeAccessSubjectId(resource.NhsNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("proxy.section", requirement.Section);

        var grant = await grants.FindActiveAsync(carerId, resource.NhsNumber);
        if (grant is null)
        {
            span.SetAccessDecision(AccessDecision.Denied);
            span.SetAccessReason($"no active grant for patient {resource.NhsNumber}"); // leak TC1001 generated-api
            context.Fail(new AuthorizationFailureReason(this, "No active proxy grant"));
            Denials.Add(1, new KeyValuePair<string, object?>("section", requirement.Section), new("reason", "no_grant"));
            return;
        }

        if (!grant.Scopes.Contains(requirement.Section))
        {
            span.SetAccessDecision(AccessDecision.Denied).SetAccessReason("section not covered by the grant"); // clean generated-api
            logger.LogInformation("Carer {Carer} asked for {Section} outside grant {Grant}", carerId, requirement.Section, grant.GrantId); // leak TC1001 direct
            Denials.Add(1, new KeyValuePair<string, object?>("section", requirement.Section), new("carer", pseudonymizer.ComputeAccessActorId(carerId))); // leak TC1003 precision-pseudonym
            context.Fail();
            return;
        }

        var remaining = grant.ValidUntil - clock.GetUtcNow();
        Activity.Current?.SetTag("proxy.grant.id", grant.GrantId); // clean precision-names
        Activity.Current?.SetTag("proxy.grant.days_left", (int)remaining.TotalDays);
        Activity.Current?.SetTag("proxy.grant.granted_by", grant.GrantedBy); // leak TC1001 cross-member
        Baggage.SetBaggage("proxy.patient", resource.NhsNumber); // leak TC1001 direct
        span.SetAccessDecision(AccessDecision.Granted);
        context.Succeed(requirement);

        logger.LogDebug("Proxy access granted: {@Grant}", grant); // leak TC1001 logging-objects
        logger.LogDebug("Carer holds {Count} active grants", await grants.CountActiveForCarerAsync(carerId)); // clean precision-about
    }
}
