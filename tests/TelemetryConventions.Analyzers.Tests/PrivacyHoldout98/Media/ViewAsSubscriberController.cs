namespace PrivacyHoldout98.Media;

/// <summary>
/// The streaming service's support console: an agent finds a subscriber by email, opens "view as subscriber" to
/// see their profiles and continue-watching row, and changes the account's email or plan at their request.
/// </summary>
[ApiController]
[Route("support/subscribers")]
public sealed class ViewAsSubscriberController(
    ISupportDirectory directory,
    IImpersonationService impersonation,
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    ILogger<ViewAsSubscriberController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Streaming.Support.Console");
    private static readonly Meter Meter = new("Streaming.Support.Console");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("support.console.changes");

    [HttpGet("by-email")]
    public async Task<ActionResult> FindAsync(string email, StaffPrincipal agent)
    {
        using var span = Source.StartSubsadminAdminAction("lookup", "subscriber");
        span.SetSubsadminNote($"lookup {email}"); // leak TC1001 generated-api
        span.Activity?.SetTag("support.lookup.has_plus_alias", email.Contains('+')); // clean precision-about
        var hits = await directory.SearchAsync(new CustomerSearch(email, "email"));
        logger.LogInformation("Agent {AgentUpn} looked up {Email}", agent.Upn, email); // leak TC1001 direct
        logger.LogInformation("Lookup returned {SubscriberIds}", hits.Select(h => h.RecordId).ToArray()); // leak TC1001 logging-objects
        logger.LogInformation("Lookup returned {Count} subscribers", hits.Count); // clean precision-about
        return Ok(hits);
    }

    [HttpPost("{subscriberId:guid}/view-as")]
    public async Task<ActionResult> ViewAsAsync(Guid subscriberId, [FromBody] ImpersonationRequest request, StaffPrincipal agent)
    {
        using var span = Source.StartSubsadminImpersonation(request.ReasonCode);
        span.SetSubsadminSubscriberId(pseudonymizer.PseudonymizeSubsadminSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("enduser.id", subscriberId); // leak TC1001 direct
        span.Activity?.SetTag("support.view_as.justification", request.Justification); // leak TC1001 cross-member
        span.Activity?.SetTag("support.view_as.reason", request.ReasonCode); // clean precision-names
        var session = await impersonation.StartAsync(agent, request with { TargetId = subscriberId.ToString() });
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ViewAsSession"] = session.SessionId, ["Subscriber"] = subscriberId }); // leak TC1001 logging-objects
        logger.LogInformation("View-as opened, read-only {ReadOnly}", session.ReadOnly); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("view_as.opened", tags: new ActivityTagsCollection { ["session.id"] = session.SessionId.ToString(), ["case.id"] = session.CaseId })); // clean precision-names
        return Ok(session.SessionId);
    }

    [HttpPost("{subscriberId:guid}/email")]
    public async Task<ActionResult> ChangeEmailAsync(Guid subscriberId, string oldEmail, string newEmail, StaffPrincipal agent)
    {
        using var span = Source.StartSubsadminAdminAction("update", "subscriber_email");
        var change = new FieldChange("email", oldEmail, newEmail);
        var entry = new AdminAuditEntry(Guid.NewGuid(), "update", agent.Upn, "subscriber", subscriberId.ToString(), DateTimeOffset.UtcNow) { Changes = [change] };
        await audit.AppendAsync(entry);
        logger.LogInformation("Audit {AuditId}: {Action} on {TargetType}", entry.AuditId, entry.Action, entry.TargetType); // clean precision-names
        logger.LogInformation("Email changed {Before} -> {After}", change.Before, change.After); // leak TC1001 cross-member
        logger.LogInformation("Email changed to a new domain: {DomainChanged}", oldEmail.Split('@')[^1] != newEmail.Split('@')[^1]); // clean precision-about
        span.Activity?.SetTag(SubsadminAttributes.SubscriberContact, "[redacted]"); // clean precision-names
        Changes.Add(1, new KeyValuePair<string, object?>("field", change.Field), new KeyValuePair<string, object?>("agent", agent.Upn)); // leak TC1003 direct
        return Ok();
    }

    [HttpPost("{subscriberId:guid}/plan")]
    public ActionResult ChangePlan(Guid subscriberId, string fromPlan, string toPlan, StaffPrincipal agent)
    {
        using var span = Source.StartSubsadminAdminAction("update", "plan").SetSubsadminOperatorId(pseudonymizer.PseudonymizeSubsadminOperatorId(agent.StaffId)); // clean generated-api
        span.Activity?.SetTag("support.plan.change", $"{fromPlan}->{toPlan}"); // clean strings
        span.Activity?.SetTag("support.plan.subscriber_tier", toPlan.EndsWith("premium", StringComparison.Ordinal) ? "premium" : "standard"); // clean precision-names
        logger.LogInformation("Plan change for {Subscriber}: {From} -> {To}", "sub:" + subscriberId.ToString("N"), fromPlan, toPlan); // leak TC1001 strings
        Changes.Add(1, new KeyValuePair<string, object?>("field", "plan")); // clean precision-names
        return Ok();
    }
}
