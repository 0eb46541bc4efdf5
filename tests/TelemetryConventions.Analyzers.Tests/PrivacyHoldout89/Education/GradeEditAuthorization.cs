namespace PrivacyHoldout89.Education;

public sealed record CourseSection(string CourseCode, string Term, string DepartmentId);

/// <summary>A grade change as the teacher submits it. A record: prints its members.</summary>
public sealed record GradeChange(string StudentNumber, string CourseCode, string AssessmentId, string OldGrade, string NewGrade);

/// <summary>The course's teacher of record. A record: prints its course code.</summary>
public sealed record CourseTeacherRequirement(string CourseCode) : IAuthorizationRequirement;

public interface IStaffRoleStore
{
    Task<IReadOnlyList<string>> GetRolesAsync(string staffAccountId, string courseCode, CancellationToken cancellationToken);
}

/// <summary>Roles per staff member and course, cached for five minutes.</summary>
public sealed class StaffRoleCache(IMemoryCache cache, IStaffRoleStore store, TelemetrySecrets secrets, Meter meter, ILogger<StaffRoleCache> logger)
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("campusauthz.role.lookups", "{lookup}");

    public async Task<IReadOnlyList<string>> GetRolesAsync(string staffAccountId, string courseCode, CancellationToken cancellationToken)
    {
        var key = $"roles:{staffAccountId}:{courseCode}";
        if (cache.TryGetValue<IReadOnlyList<string>>(key, out var cached) && cached is not null)
        {
            _lookups.Add(1, new KeyValuePair<string, object?>("result", "hit"), new KeyValuePair<string, object?>("course", courseCode)); // clean precision-names
            return cached;
        }
        var roles = await store.GetRolesAsync(staffAccountId, courseCode, cancellationToken);
        cache.Set(key, roles, TimeSpan.FromMinutes(5));
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffAccountId))[0] & 7;
        _lookups.Add(1, new KeyValuePair<string, object?>("result", "miss"), new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        logger.LogDebug("Role cache filled {Key} with {Roles}", key, roles); // leak TC1001 strings
        logger.LogDebug("Role cache filled for {Course}: {RoleCount} roles ({Roles})", courseCode, roles.Count, string.Join(",", roles)); // clean precision-names
        return roles;
    }

    public void Evict(string staffAccountId, string courseCode)
    {
        cache.Remove($"roles:{staffAccountId}:{courseCode}");
        var bucket = staffAccountId.GetHashCode() & 31;
        logger.LogInformation("Evicted roles for course {Course} in bucket {Bucket}", courseCode, bucket); // leak TC1002 hashes
    }
}

/// <summary>
/// The gradebook's grade-change endpoint: policy "EditGrades" on the course (a <see cref="RolesAuthorizationRequirement"/>
/// for teacher or head_of_department and a <see cref="CourseTeacherRequirement"/>), or a head of year's override.
/// </summary>
public sealed class GradeChangeController(
    IAuthorizationService authorization,
    StaffRoleCache roles,
    IDecisionAuditStore audit,
    ActivitySource source,
    ILogger<GradeChangeController> logger,
    Pseudonymizer pseudonymizer) : AuthorizedController
{
    [HttpPost("/courses/{courseCode}/grades")]
    public async Task<ActionResult> Change(string courseCode, [FromBody] GradeChange change, string? overrideReason = null)
    {
        var staffAccountId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var section = new CourseSection(courseCode, "2025-autumn", "maths");
        using var span = source.StartCampusauthzAuthorize("EditGrades");
        span.SetCampusauthzOperation("update").SetCampusauthzResourceType("gradebook");

        var result = await authorization.AuthorizeAsync(User, section, "EditGrades");
        if (result.Succeeded)
        {
            span.SetCampusauthzDecision("allow").SetCampusauthzAccessMode("direct");
            logger.LogInformation("Grade change on {Course} {Assessment}: {Old} -> {New}", change.CourseCode, change.AssessmentId, change.OldGrade, change.NewGrade); // clean precision-about
            return Ok();
        }

        var failed = result.Failure?.FailedRequirements.Select(r => r.ToString()).ToList() ?? new List<string>();
        span.SetCampusauthzReason(failed.Count > 0 ? "requirement_failed" : "explicit_fail"); // clean precision-about
        logger.LogWarning("EditGrades failed on {Section}: {Requirements}", section, failed); // clean logging-objects
        logger.LogWarning("EditGrades failed for staff {User}", User.Identity?.Name); // leak TC1001 direct

        var held = await roles.GetRolesAsync(staffAccountId, courseCode, Context.RequestAborted);
        if (held.Contains("head_of_year") && !string.IsNullOrWhiteSpace(overrideReason))
        {
            span.SetCampusauthzDecision("allow").SetCampusauthzAccessMode("override");
            span.SetCampusauthzActorId(pseudonymizer.PseudonymizeCampusauthzActorId(staffAccountId)); // clean precision-pseudonym
            span.SetCampusauthzNote(overrideReason); // leak TC1001 generated-api
            logger.LogCampusauthzEmergencyAccessEvent("ovr-" + Context.TraceIdentifier, "override", campusauthzSubjectId: pseudonymizer.PseudonymizeCampusauthzSubjectId(change.StudentNumber)); // clean precision-pseudonym
            logger.LogInformation("Head-of-year override on {@Change}", change); // leak TC1001 logging-objects
            await audit.AppendAsync(new { staffAccountId, change, overrideReason }, Context.RequestAborted);
            return Ok();
        }

        span.SetCampusauthzDecision("deny");
        Activity.Current?.AddEvent(new ActivityEvent("grade.change.denied", tags: new ActivityTagsCollection { ["course"] = courseCode, ["roles.held"] = held.Count, ["claims"] = string.Join(",", User.Claims.Select(c => c.Type).Distinct()) })); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent("grade.change.claims", tags: new ActivityTagsCollection { ["claims"] = string.Join(",", User.Claims) })); // leak TC1001 strings
        return Forbid();
    }
}
