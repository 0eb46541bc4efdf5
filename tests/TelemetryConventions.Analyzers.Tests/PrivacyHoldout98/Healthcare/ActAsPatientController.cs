namespace PrivacyHoldout98.Healthcare;

/// <summary>
/// The patient portal's support console: a portal support agent opens a read-only "view as patient" session
/// to see what the patient sees (their appointments, letters, results), under a support case.
/// </summary>
[ApiController]
[Route("admin/portal/act-as")]
public sealed class ActAsPatientController(
    IImpersonationService impersonation,
    IAdminAuditLog audit,
    Pseudonymizer pseudonymizer,
    ILogger<ActAsPatientController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Portal.Admin");
    private static readonly Meter Meter = new("Trust.Portal.Admin");
    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("portal.admin.act_as.sessions");

    [HttpPost("")]
    public async Task<ActionResult> StartAsync([FromBody] ImpersonationRequest request, StaffPrincipal agent)
    {
        using var span = Source.StartEpradminImpersonation(request.ReasonCode);
        span.SetEpradminCaseId(request.CaseId ?? "none"); // clean precision-names
        span.SetEpradminPatientId(pseudonymizer.PseudonymizeEpradminPatientId(request.TargetId)); // clean precision-pseudonym
        span.SetEpradminOperatorId(pseudonymizer.PseudonymizeEpradminOperatorId(agent.StaffId)); // clean precision-pseudonym
        logger.LogInformation("Act-as requested for {HospitalNumber} by {Agent}", request.TargetId, agent.Upn); // leak TC1001 direct
        logger.LogInformation("Act-as request {@Request}", request); // leak TC1001 logging-objects

        try
        {
            var session = await impersonation.StartAsync(agent, request);
            span.SetEpradminSessionId(session.SessionId.ToString()); // clean precision-names
            Activity.Current?.SetTag("portal.act_as.read_only", session.ReadOnly); // clean precision-about
            Activity.Current?.SetTag("portal.act_as.expires_at", session.ExpiresAt.ToString("O")); // clean precision-about
            Activity.Current?.SetTag("enduser.id", session.Claims["sub"]); // leak TC1001 cross-member
            Activity.Current?.SetTag("portal.act_as.actor", session.Claims["act"]); // leak TC1001 cross-member
            Activity.Current?.AddBaggage("act_as.session", session.SessionId.ToString("N")); // clean precision-names
            logger.LogInformation("Act-as session opened: {Session}", session); // clean logging-objects
            Sessions.Add(1, new KeyValuePair<string, object?>("reason", session.ReasonCode)); // clean precision-names
            Sessions.Add(1, new KeyValuePair<string, object?>("agent", pseudonymizer.ComputeEpradminOperatorId(agent.StaffId))); // leak TC1003 precision-pseudonym
            span.SetEpradminOutcome("opened");
            return Ok(new { session.SessionId, session.ExpiresAt });
        }
        catch (ImpersonationDeniedException ex)
        {
            span.SetEpradminOutcome("denied").SetEpradminNote(ex.Rule); // clean exceptions
            span.RecordException(ex, "act-as refused by policy"); // clean exceptions
            logger.LogWarning(ex, "Act-as refused"); // leak TC1001 exceptions
            logger.LogEpradminAdminDeniedEvent("impersonate", "denied", epradminNote: ex.Message); // leak TC1001 generated-api
            return BadRequest(ex.Rule);
        }
    }

    [HttpPost("{sessionId}/end")]
    public async Task<ActionResult> EndAsync(Guid sessionId, StaffPrincipal agent)
    {
        var session = await impersonation.FindAsync(sessionId);
        if (session is null)
        {
            logger.LogInformation("Act-as session {SessionId} already closed", sessionId); // clean precision-names
            return NotFound();
        }

        await impersonation.EndAsync(sessionId);
        var minutes = (DateTimeOffset.UtcNow - session.StartedAt).TotalMinutes;
        await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "act_as_end", agent.Upn, "patient", session.TargetId, DateTimeOffset.UtcNow)
        {
            ImpersonationSessionId = sessionId,
        });
        logger.LogInformation("Act-as session {SessionId} ended after {Minutes:F1} min, case {CaseId}", sessionId, minutes, session.CaseId); // clean precision-about
        Activity.Current?.SetTag("portal.act_as.patient", $"MRN {session.TargetId}"); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("act_as.ended", tags: new ActivityTagsCollection { ["agent.email.domain"] = agent.Upn.Split('@')[^1] })); // clean precision-about
        return Ok();
    }
}
