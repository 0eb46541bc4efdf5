namespace PrivacyHoldout128.Media;

public sealed record ViewingProfile(Guid ProfileId, Guid SubscriberId, string Name, bool IsKids, string MaturityRating, string? Pin);

public sealed record NewProfileForm(string Name, bool IsKids, string MaturityRating, string? Pin);

public interface IProfileStore
{
    Task<IReadOnlyList<ViewingProfile>> ForSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken = default);

    Task SaveAsync(ViewingProfile profile, CancellationToken cancellationToken = default);
}

public sealed class ProfileLimitException(string plan, int limit)
    : Exception($"Plan {plan} allows {limit} profiles")
{
}

/// <summary>Family plan profiles: the account owner adds profiles, kids profiles with a maturity rating and a profile PIN.</summary>
[ApiController]
[Route("accounts/me/profiles")]
public sealed partial class FamilyProfilesController(
    IProfileStore profiles,
    Pseudonymizer pseudonymizer,
    ILogger<FamilyProfilesController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Stream.Profiles");
    private static readonly Meter Meter = new("Stream.Profiles");
    private static readonly Counter<long> Created = Meter.CreateCounter<long>("stream.profiles.created");
    private static readonly FamstreamHouseholdChangesCounter Changes = Meter.CreateFamstreamHouseholdChangesCounter();

    [HttpPost]
    public async Task<ActionResult> Create([FromBody] NewProfileForm form)
    {
        var subscriberId = Guid.Parse(HttpContext.User.SubjectId!);
        using var span = Source.StartFamstreamHouseholdChange("premium-family");
        span.SetFamstreamMemberId(pseudonymizer.PseudonymizeFamstreamMemberId(subscriberId.ToString())).SetFamstreamRole(form.IsKids ? "kids" : "adult"); // clean precision-pseudonym
        var existing = await profiles.ForSubscriberAsync(subscriberId);
        span.SetFamstreamMemberCount(existing.Count + 1); // clean precision-about
        Activity.Current?.SetTag("profiles.kids", existing.Count(p => p.IsKids)); // clean precision-about
        Activity.Current?.SetTag("profiles.names", string.Join("|", existing.Select(p => p.Name))); // leak TC1001 strings
        Activity.Current?.SetTag("profile.new.name", form.Name); // leak TC1001 direct
        Activity.Current?.SetTag("profile.new.has_pin", form.Pin is not null); // clean precision-about
        Activity.Current?.SetTag("profile.new.rating", form.MaturityRating); // clean precision-names

        try
        {
            if (existing.Count >= 5)
            {
                throw new ProfileLimitException("premium-family", 5);
            }
            var profile = new ViewingProfile(Guid.NewGuid(), subscriberId, form.Name, form.IsKids, form.MaturityRating, form.Pin);
            await profiles.SaveAsync(profile);
            span.SetFamstreamDelegateId(pseudonymizer.PseudonymizeFamstreamDelegateId(profile.ProfileId.ToString())); // clean precision-pseudonym
            logger.LogInformation("Profile created {Profile}", profile); // leak TC1001 logging-objects
            LogProfileCreated(logger, profile.ProfileId, profile.IsKids); // leak TC1001 direct
            Created.Add(1, new KeyValuePair<string, object?>("kids", profile.IsKids), new KeyValuePair<string, object?>("rating", profile.MaturityRating)); // clean precision-names
            Changes.Add(1, "premium-family", "profile-added"); // clean precision-names
            return new OkResult(profile.ProfileId);
        }
        catch (ProfileLimitException ex)
        {
            logger.LogWarning(ex, "Profile limit reached"); // clean exceptions
            span.SetFamstreamOutcome("limit").SetFamstreamNote(ex.Message); // clean exceptions
            return new BadRequestResult("limit");
        }
    }

    [HttpPost("{profileId}/pin")]
    public ActionResult SetPin(Guid profileId, [FromBody] string pin)
    {
        Activity.Current?.SetTag("profile.pin.length", pin.Length); // clean precision-about
        Activity.Current?.SetTag("profile.id", pseudonymizer.PseudonymizeFamstreamDelegateId(profileId.ToString())); // clean precision-pseudonym
        logger.LogDebug("PIN for {ProfileId} set to {Pin}", profileId, pin); // leak TC1001 direct
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Profile {ProfileId} created, kids {IsKids}")]
    private static partial void LogProfileCreated(ILogger logger, Guid profileId, bool isKids);
}
