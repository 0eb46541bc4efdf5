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
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Transport;

/// <summary>A disabled rider's companion pass: a named carer may buy and show tickets for the rider.</summary>
public sealed record CompanionPass(string PassNumber, string RiderAccountId, string RiderCardNumber, string CarerAccountId, string CarerName, DateOnly ValidTo, string IssuingAuthority);

public sealed record TicketPurchase(Guid PurchaseId, string ForRiderAccountId, string Product, decimal Fare, string Zone);

public sealed class ActForRiderRequirement : IAuthorizationRequirement;

public interface ICompanionPassStore
{
    Task<CompanionPass?> FindAsync(string carerAccountId, string riderAccountId, CancellationToken cancellationToken = default);
}

public sealed record AccessCheck(string Actor, string Subject, string Outcome, int PassesChecked);

public sealed class CompanionPassHandler(
    ICompanionPassStore passes,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    Meter meter,
    ILogger<CompanionPassHandler> logger)
    : AuthorizationHandler<ActForRiderRequirement, TicketPurchase>
{
    private readonly Counter<long> _checks = meter.CreateCounter<long>("companion.checks");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActForRiderRequirement requirement, TicketPurchase resource)
    {
        var callerId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (callerId == resource.ForRiderAccountId)
        {
            Activity.Current.EnrichAccessDelegated(AccessRelationship.Self).SetAccessDecision(AccessDecision.Granted);
            context.Succeed(requirement);
            return;
        }

        var span = Activity.Current.EnrichAccessDelegated(AccessRelationship.Carer);
        span.SetAccessActorId(pseudonymizer.PseudonymizeAccessActorId(callerId)); // clean precision-pseudonym
        span.SetAccessSubjectId(pseudonymizer.PseudonymizeAccessSubjectId(resource.ForRiderAccountId)); // clean precision-pseudonym

        var pass = await passes.FindAsync(callerId, resource.ForRiderAccountId);
        var valid = pass is not null && pass.ValidTo >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _checks.Add(1, new KeyValuePair<string, object?>("valid", valid), new("product", resource.Product));
        _checks.Add(1, new KeyValuePair<string, object?>("authority", pass?.IssuingAuthority ?? "none")); // clean precision-about
        _checks.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.PseudonymizeAccessSubjectId(resource.ForRiderAccountId))); // leak TC1003 precision-pseudonym

        if (pass is null || !valid)
        {
            span.SetAccessDecision(AccessDecision.Denied).SetAccessReason(pass is null ? "no companion pass" : $"pass {pass.PassNumber} expired {pass.ValidTo:yyyy-MM-dd}"); // leak TC1001 generated-api
            logger.LogInformation("Companion check failed: {Check}", new AccessCheck(callerId, resource.ForRiderAccountId, "denied", pass is null ? 0 : 1)); // leak TC1001 logging-objects
            context.Fail(new AuthorizationFailureReason(this, "No valid companion pass"));
            return;
        }

        span.SetAccessDecision(AccessDecision.Granted);
        Activity.Current?.SetTag("companion.pass", pass.PassNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("companion.carer", pass.CarerName); // leak TC1001 cross-member
        Activity.Current?.SetTag("companion.rider_card.last4", pass.RiderCardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("companion.rider_card", pass.RiderCardNumber); // leak TC1001 cross-member
        logger.LogDebug("Companion pass valid for {Days} more days", pass.ValidTo.DayNumber - DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber); // clean precision-about
        context.Succeed(requirement);
    }
}
