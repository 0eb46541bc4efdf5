namespace PrivacyHoldout119.Healthcare;

/// <summary>A carer asks to pool a dependant's wellbeing points with their own.</summary>
public sealed record JoinPoolRequest(string CarerHospitalNumber, string DependantHospitalNumber, string InviteEmail);

/// <summary>Family pooling: a carer and the patients they look after share one wellbeing balance.</summary>
[ApiController]
[Route("api/wellbeing/pools")]
public sealed class FamilyPoolController(IHouseholdPools pools, Pseudonymizer pseudonymizer, ILogger<FamilyPoolController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Pools");
    private string? _lastCarer;

    [HttpPost("join")]
    public async Task<ActionResult> JoinAsync([FromBody] JoinPoolRequest request, CancellationToken cancellationToken)
    {
        _lastCarer = request.CarerHospitalNumber;
        using var span = Source.StartCarerwdAccrue("wellbeing-rewards");
        var pool = await pools.ForMemberAsync(request.CarerHospitalNumber, cancellationToken);
        if (pool is null)
        {
            AuditMissingPool();
            return NotFound();
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PoolSize"] = pool.MemberNumbers.Count, ["Programme"] = "wellbeing-rewards" }); // clean precision-about
        try
        {
            var updated = await pools.AddAsync(pool.PoolId, request.DependantHospitalNumber, cancellationToken);
            span.SetCarerwdEntryCount(updated.MemberNumbers.Count); // clean precision-about
            span.Activity?.SetTag("carerwd.pool.members", string.Join(",", updated.MemberNumbers)); // leak TC1001 strings
            logger.LogInformation("Pool {Pool} updated", updated); // leak TC1001 logging-objects
            logger.LogInformation("Pool now shares {SharedBalance} points", updated.SharedBalance);
        }
        catch (PoolFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetCarerwdOutcome("pool-full").SetCarerwdNote($"limit {ex.Limit}"); // clean generated-api
            return BadRequest("pool full");
        }

        var invite = await pools.InviteAsync(pool.PoolId, request.InviteEmail, cancellationToken);
        span.Activity?.SetTag("carerwd.invite.id", invite.InviteId); // clean precision-names
        span.Activity?.SetTag(CarerwdAttributes.MemberContact, request.InviteEmail); // leak TC1001 generated-api
        span.Activity?.AddEvent(new ActivityEvent("pool.invite.sent", tags: new ActivityTagsCollection { ["invitee.has_email"] = request.InviteEmail.Length > 0 })); // clean precision-about
        span.Activity?.SetBaggage("carer.pseudonym", pseudonymizer.ComputeCarerwdMemberId(request.CarerHospitalNumber)); // clean precision-pseudonym
        return Ok(new { invite.InviteId });
    }

    private void AuditMissingPool()
    {
        logger.LogWarning("No pool for carer {Carer}", _lastCarer); // leak TC1001 cross-member
        Activity.Current?.SetTag("carerwd.pool.missing_for", _lastCarer); // leak TC1001 cross-member
    }
}
