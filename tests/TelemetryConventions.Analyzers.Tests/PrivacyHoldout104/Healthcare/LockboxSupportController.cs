namespace PrivacyHoldout104.Healthcare;

public sealed record PatientLookupRequest(string TicketId, string NhsNumber);

/// <summary>
/// ClinicDesk's support console: an agent on a ticket asks a practice for time-boxed access, the
/// practice manager approves it, and the agent opens the patient record the ticket is about.
/// </summary>
[ApiController]
[Route("support/practices/{tenantId}")]
public sealed class LockboxSupportController(
    ISupportAccessStore grants,
    Pseudonymizer pseudonymizer,
    ILogger<LockboxSupportController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("ClinicDesk.Support");
    private static readonly Meter Meter = new("ClinicDesk.Support");
    private static readonly Counter<long> GrantsRequested = Meter.CreateCounter<long>("clinicdesk.support.grants.requested");
    private static readonly Counter<long> PatientOpens = Meter.CreateCounter<long>("clinicdesk.support.patient.opens");

    [HttpPost("access")]
    public async Task<ActionResult> RequestAccess(string tenantId, [FromBody] SupportAccessRequest request)
    {
        using var span = Source.StartClinicdeskTenantAdmin(tenantId);
        var grant = await grants.RequestAsync(request);

        span.SetClinicdeskSupportGrantId(grant.GrantId); // clean generated-api
        span.Activity?.SetTag("clinicdesk.support.ticket", request.TicketId); // clean precision-names
        span.Activity?.SetTag("clinicdesk.support.scope", request.Scope); // clean precision-names
        span.Activity?.SetTag("clinicdesk.support.agent", request.AgentEmail); // leak TC1001 cross-member
        GrantsRequested.Add(1, new KeyValuePair<string, object?>("scope", request.Scope), new KeyValuePair<string, object?>("duration_hours", request.Duration.TotalHours)); // clean precision-about
        logger.LogInformation("Support access requested {@Request}", request); // leak TC1001 logging-objects
        return Ok(grant.GrantId);
    }

    [HttpPost("access/{grantId}/approve")]
    public async Task<ActionResult> Approve(string tenantId, string grantId)
    {
        var approver = HttpContext.User.Email!;
        var grant = await grants.ApproveAsync(grantId, approver);
        Activity.Current?.AddEvent(new ActivityEvent("support.grant.approved", tags: new ActivityTagsCollection { ["grant.id"] = grant.GrantId, ["approved.by"] = approver })); // leak TC1001 direct
        Activity.Current?.SetTag("clinicdesk.support.expires_in_minutes", (grant.ExpiresAt - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-about
        logger.LogInformation("Grant {GrantId} approved for ticket {TicketId} until {ExpiresAt}", grant.GrantId, grant.TicketId, grant.ExpiresAt); // clean precision-names
        return Ok();
    }

    [HttpPost("patients/lookup")]
    public async Task<ActionResult> OpenPatient(string tenantId, [FromBody] PatientLookupRequest lookup)
    {
        var agent = HttpContext.User.Email!;
        using var span = Source.StartClinicdeskTenantAdmin(tenantId);
        var grant = await grants.ActiveGrantAsync(tenantId, agent);
        if (grant is null)
        {
            var denied = new SupportAccessDeniedException(agent, tenantId);
            span.RecordException(denied, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(denied); // clean exceptions
            logger.LogClinicdeskTenantDeniedEvent(tenantId, "no_grant", clinicdeskNote: denied.GetType().Name); // clean exceptions
            return BadRequest("No active support access for this practice.");
        }

        if (grant.ExpiresAt < DateTimeOffset.UtcNow)
        {
            var expired = new SupportGrantExpiredException(grant.GrantId, grant.ExpiresAt);
            logger.LogWarning(expired, "Support grant lapsed for practice {TenantId}", tenantId); // clean exceptions
            return BadRequest(expired.Message);
        }

        span.SetClinicdeskSupportGrantId(grant.GrantId).SetClinicdeskPatientId(pseudonymizer.PseudonymizeClinicdeskPatientId(lookup.NhsNumber)); // clean precision-pseudonym
        span.SetClinicdeskUserId(pseudonymizer.PseudonymizeClinicdeskUserId(agent)); // clean precision-pseudonym
        logger.LogInformation("Agent opened patient {NhsNumber} on ticket {TicketId}", lookup.NhsNumber, lookup.TicketId); // leak TC1001 cross-member
        logger.LogDebug("Grant in use {Grant}", grant); // leak TC1001 logging-objects
        span.SetClinicdeskNote($"opened on ticket {lookup.TicketId} under grant {grant.GrantId}"); // clean generated-api
        span.SetClinicdeskNote($"support view of {lookup.NhsNumber}"); // leak TC1001 generated-api
        PatientOpens.Add(1, new KeyValuePair<string, object?>("clinicdesk.patient.id", pseudonymizer.ComputeClinicdeskPatientId(lookup.NhsNumber))); // leak TC1003 precision-pseudonym
        PatientOpens.Add(1, new KeyValuePair<string, object?>("clinicdesk.tenant.id", tenantId)); // clean precision-names
        return Ok();
    }
}
