namespace PrivacyHoldout87.Gaming;

/// <summary>
/// The studio's team workspace API: each team (a game team, an outsourcing partner's pod) is a
/// tenant with engine, source-control and build-farm seats assigned to named developers.
/// </summary>
[ApiController]
[Route("api/teams/{teamId}/seats")]
public sealed partial class TeamSeatController(ISeatStore seats, ITenantStore tenants, Pseudonymizer pseudonymizer, ILogger<TeamSeatController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Studio.Tenancy.Seats");
    private static readonly UpDownCounter<int> SeatsInUse = Meter.CreateUpDownCounter<int>("studio.seats.in_use", "{seat}");
    private static readonly Histogram<double> AssignDuration = Meter.CreateHistogram<double>("studio.seat.assign.duration", "ms");

    public sealed record AssignSeatRequest(string Email, string Sku, string Role, string? Note);

    [HttpPost("")]
    public async Task<ActionResult> Assign(string teamId, [FromBody] AssignSeatRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var span = Activity.Current.EnrichStudioseatsSeatAssign(teamId).SetStudioseatsSeatSku(request.Sku).SetStudioseatsRole(request.Role); // clean precision-about
        logger.LogInformation("Assign seat request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Assign {Sku} seat in team {Team} as {Role}", request.Sku, teamId, request.Role); // clean precision-about
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            Activity.Current?.SetTag("seat.request_note", request.Note); // leak TC1001 direct
        }

        var tenant = await tenants.FindAsync(teamId, ct);
        if (tenant is null)
        {
            return NotFound($"team {teamId}");
        }

        var members = await tenants.MembersAsync(teamId, ct);
        var member = members.FirstOrDefault(m => m.Email.Equals(request.Email, StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            logger.LogWarning("{Email} is not in team {Team}", request.Email, tenant.Name); // leak TC1001 direct
            span.SetStudioseatsOutcome("not-member"); // clean precision-about
            return BadRequest("not a team member");
        }

        try
        {
            var seat = await seats.AssignAsync(teamId, request.Sku, member.Email, ct);
            SeatsInUse.Add(1, new KeyValuePair<string, object?>("team", teamId), new KeyValuePair<string, object?>("sku", request.Sku)); // clean precision-about
            AssignDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("plan", tenant.Plan.ToString())); // clean precision-about
            Activity.Current?.SetTag("seat.holder_handle", member.DisplayName); // leak TC1001 direct
            span.SetStudioseatsDeveloperId(pseudonymizer.PseudonymizeStudioseatsDeveloperId(member.MemberId)); // clean precision-pseudonym
            return Ok(seat);
        }
        catch (DuplicateMemberException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogStudioseatsSeatRejectedEvent(teamId, "duplicate", studioseatsDeveloperId: pseudonymizer.PseudonymizeStudioseatsDeveloperId(member.MemberId)); // clean generated-api
            return BadRequest("already a member");
        }
        catch (SeatLimitExceededException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogStudioseatsSeatRejectedEvent(teamId, "limit", studioseatsNote: $"{ex.Limit} {request.Sku} seats on {tenant.Plan}"); // clean generated-api
            return BadRequest("seat limit");
        }
    }

    [HttpPost("{memberId}/role")]
    public ActionResult ChangeRole(string teamId, string memberId, [FromBody] string newRole)
    {
        Activity.Current?.SetTag("team.member", memberId); // leak TC1001 direct
        Activity.Current?.SetTag("team.new_role", newRole); // clean precision-about
        Activity.Current?.SetTag(StudioseatsAttributes.DeveloperEmail, pseudonymizer.Pseudonymize("studioseats.developer", memberId)); // leak TC1001 precision-pseudonym
        RoleChanged(logger, teamId, newRole, pseudonymizer.ComputeStudioseatsDeveloperId(memberId)); // clean precision-pseudonym
        Activity.Current?.SetTag("team.member_hash", memberId.GetHashCode()); // leak TC1002 hashes
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId}: role changed to {Role} for {Developer}")]
    private static partial void RoleChanged(ILogger logger, string teamId, string role, string developer);
}
