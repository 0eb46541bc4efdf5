namespace PrivacyHoldout89.Media;

/// <summary>Thrown after three wrong PINs on a profile's controls. Quotes the profile's name.</summary>
public sealed class PinAttemptsExceededException(string profileName) : Exception($"Controls of profile '{profileName}' locked after 3 wrong PINs");

/// <summary>
/// The family plan's policies: "ManageFamily" (claim <c>plan_role</c> = manager), "ManageProfile"
/// (the manager, or the profile's own adult owner) and "ChangePlan" (the account holder only).
/// Their handlers fail with codes from one list: <c>not_manager</c>, <c>not_profile_owner</c>, <c>not_account_holder</c>.
/// </summary>
public sealed class FamilyPlanController(
    IAuthorizationService authorization,
    ActivitySource source,
    ILogger<FamilyPlanController> logger,
    Pseudonymizer pseudonymizer) : AuthorizedController
{
    [HttpPost("/family/profiles/{profileId}/controls")]
    public async Task<ActionResult> UpdateControls(Guid profileId, [FromBody] ProfileControls controls)
    {
        var subscriberId = User.FindFirstValue("sub")!;
        var householdId = User.FindFirstValue("household_id");
        using var span = source.StartStreamauthzAuthorize("ManageProfile");
        span.SetStreamauthzOperation("update_controls").SetStreamauthzResourceType("profile");
        span.SetStreamauthzActorId(pseudonymizer.PseudonymizeStreamauthzActorId(subscriberId)); // clean precision-pseudonym

        var result = await authorization.AuthorizeAsync(User, controls, "ManageProfile");
        var planRole = User.FindFirstValue("plan_role") ?? "none";
        Activity.Current?.SetTag("stream.plan_role", planRole); // clean precision-names
        Activity.Current?.SetTag("stream.plan_tier", User.FindFirstValue("plan_tier")); // clean precision-names
        Activity.Current?.SetTag("stream.household", householdId); // leak TC1001 direct
        if (!result.Succeeded)
        {
            span.SetStreamauthzDecision("deny");
            var reasons = result.Failure?.FailureReasons.Select(r => r.Message).ToList() ?? new List<string>();
            logger.LogWarning("ManageProfile denied for a {PlanRole}: {Reasons}", planRole, reasons); // clean precision-about
            logger.LogWarning("ManageProfile denied: explicit fail {FailCalled}, {Failed} requirements failed", result.Failure?.FailCalled, result.Failure?.FailedRequirements.Count()); // clean precision-about
            logger.LogWarning("ManageProfile denied to {Subscriber} on {ProfileId}", subscriberId, profileId); // leak TC1001 direct
            return Forbid();
        }

        span.SetStreamauthzDecision("allow");
        logger.LogInformation("Controls on profile {ProfileName} set to max age {MaxAge}, {Blocked} blocked titles", controls.ProfileName, controls.MaxAge, controls.BlockedTitleIds.Count); // leak TC1001 direct
        logger.LogInformation("Controls set: kids {IsKids}, max age {MaxAge}, blocked {Blocked}", controls.IsKids, controls.MaxAge, string.Join(",", controls.BlockedTitleIds)); // clean precision-about
        return Ok();
    }

    [HttpPost("/family/profiles/{profileId}/unlock")]
    public ActionResult Unlock(Guid profileId, string profileName, int wrongPins)
    {
        using var span = source.StartStreamauthzAuthorize("PinUnlock");
        try
        {
            if (wrongPins >= 3)
            {
                throw new PinAttemptsExceededException(profileName);
            }
            span.SetStreamauthzDecision("allow").SetStreamauthzAccessMode("override");
            return Ok();
        }
        catch (PinAttemptsExceededException ex)
        {
            span.SetStreamauthzDecision("deny").SetStreamauthzReason("pin_locked");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("PIN lock after {WrongPins} wrong PINs ({Exception})", wrongPins, ex.GetType().Name); // clean exceptions
            return Forbid();
        }
    }

    [HttpPost("/family/plan")]
    public async Task<ActionResult> ChangePlan(string newTier)
    {
        var result = await authorization.AuthorizeAsync(User, "ChangePlan");
        var email = User.FindFirstValue(ClaimTypes.Email);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PlanTier"] = newTier, ["Requester"] = email }); // leak TC1001 direct
        if (!result.Succeeded)
        {
            logger.LogInformation("Plan change refused, claims present: {ClaimTypes}", string.Join(",", User.Claims.Select(c => c.Type))); // clean precision-names
            logger.LogInformation("Plan change refused for {Identity}", User.Identity?.Name); // leak TC1001 direct
            return Forbid();
        }
        Activity.Current?.SetTag("stream.requester.email_domain", email?.Split('@')[^1]); // clean precision-about
        return Ok(newTier);
    }
}
