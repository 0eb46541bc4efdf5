using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Retail;

public sealed record ImpersonationTicket(Guid TicketId, string AgentId, string AgentEmail, string CustomerId, string CaseReference, DateTimeOffset ExpiresAt);

public interface IImpersonationAudit
{
    Task WriteAsync(ImpersonationTicket ticket, string action, CancellationToken cancellationToken = default);
}

public sealed class ImpersonationRequirement : IAuthorizationRequirement
{
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>Agents of the customer service desk may act as a customer while a support case is open.</summary>
public sealed class ImpersonationHandler(ILogger<ImpersonationHandler> logger) : AuthorizationHandler<ImpersonationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ImpersonationRequirement requirement)
    {
        var roles = context.User.FindAll(ClaimTypes.Role).Select(r => r.Value).ToList();
        var scopes = context.User.FindFirstValue("scope")?.Split(' ') ?? Array.Empty<string>();
        var allowed = roles.Contains("support-agent") && scopes.Contains("customer.impersonate");

        Activity.Current?.SetTag("support.roles", string.Join(",", roles)); // clean precision-about
        Activity.Current?.SetTag("support.scopes", scopes.Length);
        Activity.Current?.SetTag("support.auth_method", context.User.FindFirstValue("amr")); // clean precision-about
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            logger.LogWarning("Impersonation refused to {Agent} with roles {Roles}", context.User.FindFirstValue(ClaimTypes.Upn), roles); // leak TC1001 direct
        }
        return Task.CompletedTask;
    }
}

public sealed class SupportImpersonationService(
    UserManager<ShopCustomer> customers,
    SignInManager<ShopCustomer> signIn,
    IImpersonationAudit audit,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SupportImpersonationService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Support");

    public async Task<ImpersonationTicket?> StartAsync(HttpContext http, string customerId, string caseReference)
    {
        var agentId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var agentEmail = http.User.FindFirstValue(ClaimTypes.Email)!;
        using var span = Source.StartAccessDelegated(AccessRelationship.SupportAgent);
        span.SetAccessActorId(pseudonymizer.PseudonymizeAccessActorId(agentId)); // clean precision-pseudonym

        var customer = await customers.FindByIdAsync(customerId);
        if (customer is null)
        {
            span.SetAccessDecision(AccessDecision.Denied).SetAccessReason("unknown customer");
            return null;
        }

        var ticket = new ImpersonationTicket(Guid.NewGuid(), agentId, agentEmail, customerId, caseReference, DateTimeOffset.UtcNow.AddMinutes(30));
        await audit.WriteAsync(ticket, "start", http.RequestAborted);
        await signIn.SignInWithClaimsAsync(customer, false, new[] { new Claim("act", JsonSerializer.Serialize(new { sub = agentId, email = agentEmail })), new Claim("impersonation_ticket", ticket.TicketId.ToString()) });

        span.SetAccessDecision(AccessDecision.Granted);
        span.SetAccessSubjectId(pseudonymizer.PseudonymizeAccessSubjectId(customerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("support.case", caseReference); // clean precision-names
        Activity.Current?.SetTag("support.ticket", ticket.TicketId);
        Activity.Current?.SetTag("support.ticket.json", JsonSerializer.Serialize(ticket)); // leak TC1001 logging-objects
        meter.CreateAccessDecisionsCounter().Add(1, AccessRelationship.SupportAgent, AccessDecision.Granted);
        logger.LogInformation("Agent {AgentEmail} is acting as customer {CustomerEmail} for case {Case}", agentEmail, customer.Email, caseReference); // leak TC1001 direct
        return ticket;
    }

    public void LogActedRequest(HttpContext http)
    {
        var act = http.User.FindFirstValue("act");
        if (act is null)
        {
            return;
        }

        using var actor = JsonDocument.Parse(act);
        var agent = actor.RootElement.GetProperty("email").GetString();
        Activity.Current?.SetTag("support.acting_agent", agent); // leak TC1001 cross-member
        Activity.Current?.SetTag("support.impersonated", true);
        Activity.Current?.SetTag("support.path", http.Request.Path.Value); // clean precision-about
    }
}
