namespace PrivacyHoldout142.Healthcare;

/// <summary>
/// The staff gym's door readers post every tap of a staff ID badge, and every scan of the QR pass night-shift staff
/// show on the intranet app, to this controller; it finds the membership, checks it and opens the door.
/// </summary>
[ApiController]
[Route("api/staff-gym/doors")]
public sealed class StaffGymDoorController(
    IAccessController doors,
    IMemberDirectory members,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StaffGymDoorController> logger) : ControllerBase
{
    private readonly Counter<long> _denials = meter.CreateCounter<long>("staffgym.door.denials", "{denial}");
    private readonly Histogram<double> _decision = meter.CreateHistogram<double>("staffgym.door.decision", "ms");
    private string? _lastDeniedBadge;

    [HttpPost("{doorId}/taps")]
    public async Task<ActionResult> TapAsync(string doorId, [FromBody] EntryAttempt attempt)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartStaffgymOperation(attempt.Club);
        Activity.Current?.SetTag("staffgym.door.id", doorId); // clean precision-names
        Activity.Current?.SetTag("staffgym.credential.kind", attempt.CredentialKind); // clean precision-names
        logger.LogDebug("Tap at {DoorId} with {Credential}", doorId, attempt.Credential); // leak TC1001 direct

        var assignmentNumber = attempt.CredentialKind == "qr"
            ? await doors.MembershipForQrAsync(attempt.Credential)
            : await doors.MembershipForCardAsync(attempt.Credential);
        if (assignmentNumber is null)
        {
            _lastDeniedBadge = attempt.Credential;
            _denials.Add(1, new KeyValuePair<string, object?>("door", doorId), new("reason", "unknown-credential")); // clean precision-names
            var unknown = new CardNotRecognisedException(attempt.Credential, doorId);
            span.RecordException(unknown); // clean generated-api
            Activity.Current?.AddException(unknown); // leak TC1001 exceptions
            return NotFound("unknown credential");
        }

        var member = await members.FindAsync(assignmentNumber);
        span.SetStaffgymMemberId(pseudonymizer.PseudonymizeStaffgymMemberId(assignmentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("staffgym.member.status", member?.Status); // clean precision-about
        Activity.Current?.SetTag("staffgym.member.plan", member?.PlanCode); // clean precision-about
        if (member is null || member.Status != "active")
        {
            logger.LogWarning("Entry refused for {AssignmentNumber}: status {Status}", assignmentNumber, member?.Status); // leak TC1001 direct
            _denials.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeStaffgymMemberId(assignmentNumber))); // leak TC1003 precision-pseudonym
            return BadRequest("membership not active");
        }

        await doors.OpenAsync(doorId);
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(assignmentNumber))[0] % 8;
        _decision.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        logger.LogInformation("Door {DoorId} opened for {Attempt}", doorId, attempt); // leak TC1001 logging-objects
        logger.LogInformation("Door {DoorId} opened for member {MemberRef}", doorId, pseudonymizer.ComputeStaffgymMemberId(assignmentNumber)); // clean precision-pseudonym
        logger.LogInformation("Welcome back, {FirstName}", member.FirstName); // leak TC1001 direct
        meter.CreateStaffgymEntriesCounter().Add(1, staffgymSite: attempt.Club, staffgymOutcome: "opened"); // clean generated-api
        return Ok();
    }

    [HttpGet("{doorId}/status")]
    public async Task<ActionResult> StatusAsync(string doorId)
    {
        try
        {
            var status = await doors.StatusAsync(doorId);
            logger.LogInformation("Door status {Status}", status); // clean logging-objects
            return Ok(status);
        }
        catch (DoorOfflineException ex)
        {
            logger.LogError(ex, "Door {DoorId} offline", ex.DoorId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return NotFound(ex.Message);
        }
    }

    [HttpGet("denials/last")]
    public ActionResult LastDenial()
    {
        Activity.Current?.SetTag("staffgym.last.denied.badge", _lastDeniedBadge); // leak TC1001 cross-member
        Activity.Current?.SetTag("staffgym.last.denied.badge.prefix", _lastDeniedBadge?[..2]); // clean precision-about
        return Ok();
    }
}
