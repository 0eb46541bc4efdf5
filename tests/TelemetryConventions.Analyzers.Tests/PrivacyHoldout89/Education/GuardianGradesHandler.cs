namespace PrivacyHoldout89.Education;

/// <summary>A learner's record as the gradebook loads it. A record: prints its members.</summary>
public sealed record StudentRecord(string StudentNumber, string DisplayName, string YearGroup, DateOnly DateOfBirth, bool ContactRestricted);

public sealed record ViewGradesRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>
/// Lets a guardian see a learner's grades when the relationship store says they are the learner's
/// guardian (model: <c>type student relations define guardian: [user]; define can_view_grades: guardian or self</c>),
/// unless a court order restricts contact, and only until the learner turns 18.
/// </summary>
public sealed class GuardianGradesHandler(IOpenFgaClient fga, ActivitySource source, ILogger<GuardianGradesHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<ViewGradesRequirement, StudentRecord>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ViewGradesRequirement requirement, StudentRecord student)
    {
        var accountId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (accountId is null || !context.User.IsInRole("guardian"))
        {
            return;
        }

        var age = DateOnly.FromDateTime(DateTime.UtcNow).Year - student.DateOfBirth.Year;
        if (age >= 18)
        {
            logger.LogInformation("Guardian view refused for an adult learner in {YearGroup} (age {Age})", student.YearGroup, age); // clean precision-about
            context.Fail(new AuthorizationFailureReason(this, "adult_learner"));
            return;
        }
        if (student.ContactRestricted)
        {
            logger.LogWarning("Contact-restricted learner {Student} requested by guardian account {AccountId}", student.StudentNumber, accountId); // leak TC1001 direct
            context.Fail(new AuthorizationFailureReason(this, "contact_restricted"));
            return;
        }

        var request = new ClientCheckRequest { User = $"user:{accountId}", Relation = "can_view_grades", Object = $"student:{student.StudentNumber}" };
        using var span = source.StartCampusauthzRelationCheck("can_view_grades", "student");
        span.SetCampusauthzActorId(pseudonymizer.PseudonymizeCampusauthzActorId(accountId)); // clean precision-pseudonym
        span.SetCampusauthzSubjectId(pseudonymizer.PseudonymizeCampusauthzSubjectId(student.StudentNumber)); // clean precision-pseudonym
        try
        {
            var response = await fga.Check(request, new ClientConsistencyOptions { Consistency = "HIGHER_CONSISTENCY" });
            span.SetCampusauthzDecision(response.Allowed == true ? "allow" : "deny");
            logger.LogDebug("FGA check {Tuple} answered {@Response}", new ClientTupleKey(request.User, request.Relation, request.Object), response); // leak TC1001 logging-objects
            logger.LogDebug("FGA check on store {StoreId} answered {@Response}", fga.StoreId, response); // clean logging-objects
            if (response.Allowed == true)
            {
                context.Succeed(requirement);
            }
            else
            {
                Activity.Current?.AddEvent(new ActivityEvent("guardian.link.missing", tags: new ActivityTagsCollection { ["relation"] = request.Relation, ["object.type"] = "student", ["scope"] = requirement.Scope })); // clean precision-names
                context.Fail(new AuthorizationFailureReason(this, "no_guardian_link"));
            }
        }
        catch (FgaApiValidationError ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.ApiErrorCode); // clean exceptions
            logger.LogError(ex, "FGA refused the guardian check"); // leak TC1001 exceptions
            context.Fail(new AuthorizationFailureReason(this, "relationship_store_error"));
        }
        catch (FgaApiRateLimitExceededError ex)
        {
            logger.LogWarning(ex, "FGA throttled the guardian check, retry after {RetryAfter}", ex.RetryAfter); // clean exceptions
            context.Fail(new AuthorizationFailureReason(this, "relationship_store_busy"));
        }
    }
}

/// <summary>Thrown when a learner already has two guardians linked. Quotes the learner and the guardian's email.</summary>
public sealed class GuardianLinkConflictException(string studentNumber, string guardianEmail)
    : Exception($"Learner {studentNumber} already has two guardians; {guardianEmail} was not linked");

/// <summary>The parent portal's "my children" list: every learner the signed-in guardian can see grades for.</summary>
public sealed class GuardianChildrenEndpoint(IOpenFgaClient fga, ILogger<GuardianChildrenEndpoint> logger) : AuthorizedController
{
    [HttpGet("/guardian/children")]
    [Authorize(Roles = "guardian")]
    public async Task<ActionResult> List()
    {
        var accountId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["GuardianAccount"] = accountId }); // leak TC1001 direct
        var found = await fga.ListObjects(new ClientListObjectsRequest { User = $"user:{accountId}", Relation = "can_view_grades", Type = "student" });
        logger.LogInformation("Guardian can view {Count} learners", found.Objects.Count); // clean precision-about
        logger.LogDebug("Guardian can view {Objects}", found.Objects); // leak TC1001 logging-objects
        var studentNumbers = found.Objects.Select(o => o["student:".Length..]).ToList();
        Activity.Current?.SetTag("guardian.children", string.Join(",", studentNumbers)); // leak TC1001 strings
        Activity.Current?.SetTag("guardian.children.types", string.Join(",", found.Objects.Select(o => o.Split(':')[0]).Distinct())); // clean precision-about
        Activity.Current?.SetTag("guardian.first_child", FirstChild(found)); // leak TC1001 cross-member
        return Ok(studentNumbers);
    }

    [HttpPost("/guardian/children/link")]
    [Authorize(Roles = "office_admin")]
    public async Task<ActionResult> Link(string studentNumber, string guardianAccountId, string guardianEmail, int linkedAlready)
    {
        try
        {
            if (linkedAlready >= 2)
            {
                throw new GuardianLinkConflictException(studentNumber, guardianEmail);
            }
            await fga.Write(new ClientWriteRequest { Writes = { new ClientTupleKey($"user:{guardianAccountId}", "guardian", $"student:{studentNumber}") } });
            logger.LogInformation("Guardian linked; the learner now has {Count} guardians", linkedAlready + 1); // clean precision-about
            return Ok();
        }
        catch (GuardianLinkConflictException ex)
        {
            logger.LogWarning(ex, "Guardian link refused"); // leak TC1001 exceptions
            Activity.Current?.SetTag("guardian.link.error", ex.GetType().Name); // clean exceptions
            return BadRequest("too_many_guardians");
        }
    }

    private static string? FirstChild(ListObjectsResponse found) => found.Objects.Select(o => o["student:".Length..]).FirstOrDefault();
}
