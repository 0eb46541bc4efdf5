namespace PrivacyHoldout89.Gaming;

/// <summary>One access decision as the audit trail keeps it. A record: prints its members.</summary>
public sealed record DecisionAuditEntry(
    string DecisionId,
    string Policy,
    string Decision,
    string ActorId,
    Guid TargetPlayerId,
    string? OverrideReason,
    string? TicketRef,
    DateTimeOffset At);

public sealed record OverrideRequest(string Policy, Guid TargetPlayerId, string Reason, string TicketRef);

/// <summary>Thrown when an override names a ticket the support desk does not know. Quotes the ticket.</summary>
public sealed class UnknownTicketException(string ticketRef) : Exception($"Support ticket {ticketRef} not found");

public interface ISupportTickets
{
    Task<bool> ExistsAsync(string ticketRef, CancellationToken cancellationToken);
}

/// <summary>
/// Game masters can override a denied decision (restore a wrongly banned account's inventory, say)
/// against a support ticket, with a reason in their own words. Every override is audited.
/// </summary>
public sealed class AdminOverrideController(
    ISupportTickets tickets,
    IDecisionAuditStore audit,
    ActivitySource source,
    Meter meter,
    ILogger<AdminOverrideController> logger,
    Pseudonymizer pseudonymizer) : AuthorizedController
{
    private readonly Counter<long> _overrides = meter.CreateCounter<long>("arenaauthz.overrides", "{override}");

    [HttpPost("/admin/overrides")]
    [Authorize(Roles = "game_master")]
    public async Task<ActionResult> Override([FromBody] OverrideRequest request)
    {
        var gmId = User.FindFirstValue("sub")!;
        using var span = source.StartArenaauthzAuthorize(request.Policy);
        span.SetArenaauthzAccessMode("override").SetArenaauthzOperation("override");
        try
        {
            if (!await tickets.ExistsAsync(request.TicketRef, Context.RequestAborted))
            {
                throw new UnknownTicketException(request.TicketRef);
            }
        }
        catch (UnknownTicketException ex)
        {
            span.SetArenaauthzDecision("deny").SetArenaauthzReason("unknown_ticket");
            logger.LogWarning(ex, "Override refused"); // clean exceptions
            return BadRequest(ex.Message);
        }

        var entry = new DecisionAuditEntry(Guid.NewGuid().ToString("N"), request.Policy, "override_allow", gmId, request.TargetPlayerId, request.Reason, request.TicketRef, DateTimeOffset.UtcNow);
        await audit.AppendAsync(entry, Context.RequestAborted);

        span.SetArenaauthzDecision("allow");
        span.SetArenaauthzGrantId(entry.DecisionId); // clean precision-names
        span.SetArenaauthzSubjectId(pseudonymizer.PseudonymizeArenaauthzSubjectId(request.TargetPlayerId.ToString())); // clean precision-pseudonym
        span.SetArenaauthzNote($"ticket {request.TicketRef}"); // clean generated-api
        logger.LogArenaauthzEmergencyAccessEvent(entry.DecisionId, "override", arenaauthzActorId: pseudonymizer.PseudonymizeArenaauthzActorId(gmId), arenaauthzNote: request.Reason); // leak TC1001 generated-api
        logger.LogInformation("Override recorded: {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Override of {Policy} recorded against ticket {Ticket}, reason of {Words} words", entry.Policy, entry.TicketRef, request.Reason.Split(' ').Length); // clean precision-about
        _overrides.Add(1, new KeyValuePair<string, object?>("policy", request.Policy)); // clean precision-names
        _overrides.Add(1, new KeyValuePair<string, object?>("game_master", pseudonymizer.Compute("arena_staff", gmId))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("arenaauthz.override.by", gmId); // leak TC1001 direct
        return Ok(new { entry.DecisionId });
    }
}

/// <summary>The nightly digest of overrides for the trust and safety lead.</summary>
public sealed class OverrideDigestJob(ILogger<OverrideDigestJob> logger)
{
    public void Summarise(IReadOnlyList<DecisionAuditEntry> lastDay)
    {
        var byPolicy = lastDay.GroupBy(e => e.Policy).Select(g => $"{g.Key}:{g.Count()}");
        logger.LogInformation("Overrides in the last day by policy: {ByPolicy}", string.Join(", ", byPolicy)); // clean precision-about
        var busiest = lastDay.GroupBy(e => e.ActorId).OrderByDescending(g => g.Count()).FirstOrDefault();
        logger.LogInformation("Busiest game master {ActorId} with {Count} overrides", busiest?.Key, busiest?.Count()); // leak TC1001 direct
        var targets = lastDay.Select(e => e.TargetPlayerId).Distinct().ToList();
        logger.LogInformation("Players overridden: {Count}", targets.Count); // clean precision-about
        logger.LogDebug("Players overridden: {Players}", targets); // leak TC1001 logging-objects
        var tickets = lastDay.Where(e => e.TicketRef is not null).Select(e => e.TicketRef!).Distinct();
        logger.LogDebug("Tickets referenced: {Tickets}", string.Join(",", tickets)); // clean precision-names
    }
}
