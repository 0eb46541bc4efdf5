namespace PrivacyHoldout89.Media;

/// <summary>A title as the catalogue describes it. A record: prints its members.</summary>
public sealed record TitleInfo(string TitleId, string Name, string Rating, int MinimumAge, IReadOnlyList<string> ContentWarnings);

/// <summary>A viewing profile's controls, set by the plan's manager. A record: prints its members.</summary>
public sealed record ProfileControls(Guid ProfileId, string ProfileName, bool IsKids, int MaxAge, IReadOnlyList<string> BlockedTitleIds);

public sealed record PlaybackRequirement : IAuthorizationRequirement;

public interface IProfileControlsStore
{
    Task<ProfileControls> GetAsync(Guid profileId, CancellationToken cancellationToken);
}

/// <summary>A parent unlocked a title for a profile with the plan's PIN. A record: prints its members.</summary>
public sealed record PinUnlock(string UnlockId, Guid ProfileId, string TitleId, Guid UnlockedBySubscriberId, DateTimeOffset Until);

public interface IPinUnlocks
{
    Task<PinUnlock?> FindAsync(Guid profileId, string titleId, CancellationToken cancellationToken);
}

/// <summary>Playback is allowed when the title's age rating fits the profile and it is not blocked, or a parent unlocked it with the PIN.</summary>
public sealed class ParentalControlsHandler(IProfileControlsStore controls, IPinUnlocks unlocks, ActivitySource source, Meter meter, ILogger<ParentalControlsHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<PlaybackRequirement, TitleInfo>
{
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("streamauthz.playback.blocked", "{playback}");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlaybackRequirement requirement, TitleInfo title)
    {
        var profileId = Guid.Parse(context.User.FindFirstValue("profile_id")!);
        var profile = await controls.GetAsync(profileId, CancellationToken.None);
        using var span = source.StartStreamauthzAuthorize("ParentalControls");
        span.SetStreamauthzResourceType("title").SetStreamauthzOperation("play");
        span.SetStreamauthzSubjectId(pseudonymizer.PseudonymizeStreamauthzSubjectId(profileId.ToString())); // clean precision-pseudonym

        var blocked = profile.BlockedTitleIds.Contains(title.TitleId);
        var tooOld = title.MinimumAge > profile.MaxAge;
        if (!blocked && !tooOld)
        {
            span.SetStreamauthzDecision("allow").SetStreamauthzAccessMode("direct");
            context.Succeed(requirement);
            return;
        }

        var unlock = await unlocks.FindAsync(profileId, title.TitleId, CancellationToken.None);
        if (unlock is not null && unlock.Until > DateTimeOffset.UtcNow)
        {
            span.SetStreamauthzDecision("allow").SetStreamauthzAccessMode("override");
            span.SetStreamauthzGrantId(unlock.UnlockId); // clean precision-names
            span.SetStreamauthzActorId(pseudonymizer.PseudonymizeStreamauthzActorId(unlock.UnlockedBySubscriberId.ToString())); // clean precision-pseudonym
            logger.LogInformation("PIN unlock {Unlock} used", unlock); // leak TC1001 logging-objects
            context.Succeed(requirement);
            return;
        }

        var reason = blocked ? "blocked_title" : "rating_above_profile";
        span.SetStreamauthzDecision("deny");
        span.SetStreamauthzReason(reason); // clean precision-about
        _blocked.Add(1, new KeyValuePair<string, object?>("rating", title.Rating), new KeyValuePair<string, object?>("kids_profile", profile.IsKids)); // clean precision-about
        _blocked.Add(1, new KeyValuePair<string, object?>("profile", profile.ProfileName)); // leak TC1003 direct
        logger.LogInformation("Title {TitleId} ({Rating}, {MinimumAge}+) blocked on a profile capped at {MaxAge}: {Reason}", title.TitleId, title.Rating, title.MinimumAge, profile.MaxAge, reason); // clean precision-about
        logger.LogInformation("Title {Title} blocked for {Profile}", title.Name, profile.ProfileName); // leak TC1001 direct
        logger.LogDebug("Controls applied: {@Controls}", profile); // leak TC1001 logging-objects
        logger.LogDebug("Title checked: {@Title}", title); // clean logging-objects
        logger.LogStreamauthzAccessDeniedEvent("ParentalControls", reason, streamauthzSubjectId: pseudonymizer.PseudonymizeStreamauthzSubjectId(profileId.ToString()), streamauthzNote: $"{title.TitleId} rated {title.Rating}; {profile.BlockedTitleIds.Count} titles blocked"); // clean generated-api
        context.Fail(new AuthorizationFailureReason(this, reason));
    }
}
