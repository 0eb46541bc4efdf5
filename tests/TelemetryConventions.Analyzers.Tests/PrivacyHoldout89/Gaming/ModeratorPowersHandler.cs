namespace PrivacyHoldout89.Gaming;

/// <summary>A player's account as moderation tools load it. A record: prints its members.</summary>
public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Region, bool IsStaff, int PriorSanctions);

/// <summary>A moderation action asked for: the kind (mute, chat_ban, suspend, permanent_ban) and its length.</summary>
public sealed record ModerationRequirement(string Action, TimeSpan Duration) : IAuthorizationRequirement;

/// <summary>Thrown when a moderator targets themself or another member of staff. Quotes both gamertags.</summary>
public sealed class ModerationConflictException(string moderatorGamertag, string targetGamertag)
    : Exception($"{moderatorGamertag} may not moderate {targetGamertag}");

/// <summary>Adds the moderated player to the current span, for the moderation console's trace view.</summary>
public static class ModerationTelemetry
{
    public static void TagTarget(Activity? activity, string targetGamertag) =>
        activity?.SetTag("moderation.target", targetGamertag); // leak TC1001 direct
}

/// <summary>
/// Tier 1 moderators may mute and chat-ban for up to 24 hours; tier 2 may suspend for up to 30 days;
/// permanent bans need the trust and safety lead. Nobody moderates themself or other staff.
/// </summary>
public sealed partial class ModeratorPowersHandler(ActivitySource source, Meter meter, ILogger<ModeratorPowersHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<ModerationRequirement, PlayerAccount>
{
    private readonly Counter<long> _refusals = meter.CreateCounter<long>("arenaauthz.moderation.refusals", "{refusal}");

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ModerationRequirement requirement, PlayerAccount target)
    {
        var moderatorId = context.User.FindFirstValue("sub")!;
        var moderatorTag = context.User.FindFirstValue("gamertag")!;
        var tier = int.Parse(context.User.FindFirstValue("mod_tier") ?? "0", CultureInfo.InvariantCulture);
        using var span = source.StartArenaauthzAuthorize("ModeratorPowers");
        span.SetArenaauthzOperation(requirement.Action).SetArenaauthzResourceType("player");
        span.SetArenaauthzSubjectId(pseudonymizer.PseudonymizeArenaauthzSubjectId(target.PlayerId.ToString())); // clean precision-pseudonym
        span.SetArenaauthzActorId(pseudonymizer.PseudonymizeArenaauthzActorId(moderatorId)); // clean precision-pseudonym

        try
        {
            if (target.IsStaff || string.Equals(target.PlayerId.ToString(), moderatorId, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModerationConflictException(moderatorTag, target.Gamertag);
            }
        }
        catch (ModerationConflictException ex)
        {
            span.SetArenaauthzDecision("deny").SetArenaauthzReason("conflict");
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Moderation conflict refused ({ExceptionType})", ex.GetType().Name); // clean exceptions
            context.Fail(new AuthorizationFailureReason(this, "conflict"));
            return Task.CompletedTask;
        }

        var allowed = requirement.Action switch
        {
            "mute" or "chat_ban" => tier >= 1 && requirement.Duration <= TimeSpan.FromHours(24),
            "suspend" => tier >= 2 && requirement.Duration <= TimeSpan.FromDays(30),
            "permanent_ban" => context.User.IsInRole("trust_safety_lead"),
            _ => false,
        };
        if (allowed)
        {
            span.SetArenaauthzDecision("allow");
            logger.LogInformation("Tier {Tier} moderator may {Action} for {Hours}h (target has {Prior} prior sanctions)", tier, requirement.Action, requirement.Duration.TotalHours, target.PriorSanctions); // clean precision-about
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        span.SetArenaauthzDecision("deny").SetArenaauthzReason("tier_too_low");
        ModerationTelemetry.TagTarget(Activity.Current, target.Gamertag); // leak TC1001 cross-member
        _refusals.Add(1, new KeyValuePair<string, object?>("action", requirement.Action), new KeyValuePair<string, object?>("tier", tier)); // clean precision-names
        _refusals.Add(1, new KeyValuePair<string, object?>("moderator", moderatorTag)); // leak TC1003 direct
        LogTierRefusal(logger, moderatorTag, requirement.Action, target.Gamertag); // leak TC1001 direct
        logger.LogInformation("Refused {@Requirement} against {@Target}", requirement, target); // leak TC1001 logging-objects
        logger.LogInformation("Refused {@Requirement} against a player in {Region}", requirement, target.Region); // clean logging-objects
        context.Fail(new AuthorizationFailureReason(this, $"tier {tier} cannot {requirement.Action} for {requirement.Duration}"));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator {Moderator} may not {Action} {Target}")]
    private static partial void LogTierRefusal(ILogger logger, string moderator, string action, string target);
}
