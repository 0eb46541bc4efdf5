namespace PrivacyHoldout152.Gaming;

/// <summary>Parents create their children's play profiles and confirm consent by email.</summary>
[ApiController]
[Route("api/play-profiles")]
public sealed class PlayProfileController(
    IProfileStore profiles,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<PlayProfileController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("TinyPlay.Profiles");
    private static readonly Counter<long> Created = Meter.CreateCounter<long>("tinyplay.profiles.created");

    [HttpPost("")]
    public async Task<ActionResult> Create([FromBody] PlayProfile profile, CancellationToken cancellationToken)
    {
        var parentEmail = HttpContext.User.Email;
        var activity = Activity.Current;
        activity?.EnrichTinyplayOperation("profiles").SetTinyplayParentId(pseudonymizer.PseudonymizeTinyplayParentId(profile.ParentAccountId)); // clean precision-pseudonym
        activity?.SetTag("profile.parent_email", parentEmail); // leak TC1001 direct
        activity?.SetTag("profile.parent_email_domain", parentEmail?.Split('@').LastOrDefault()); // clean precision-about
        activity?.SetTag("profile.nickname_length", profile.Nickname.Length); // clean precision-about
        activity?.SetTag(TinyplayAttributes.Contact, parentEmail); // leak TC1001 generated-api
        activity?.SetTag(TinyplayAttributes.Contact, pseudonymizer.ComputeTinyplayParentId(profile.ParentAccountId)); // leak TC1001 precision-pseudonym

        if (string.IsNullOrEmpty(parentEmail))
        {
            return BadRequest("Sign in first.");
        }

        await profiles.SaveAsync(profile, cancellationToken);
        logger.LogInformation("Profile created {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Profile created for a child of {AgeMonths} months with avatar {AvatarId}", profile.AgeMonths, profile.AvatarId); // clean precision-about
        Created.Add(1, new KeyValuePair<string, object?>("age_band", profile.AgeMonths / 12)); // clean precision-about
        Created.Add(1, new KeyValuePair<string, object?>("parent", profile.ParentAccountId)); // leak TC1003 direct

        try
        {
            await messenger.EmailAsync(parentEmail, "tpl-consent", cancellationToken);
            throw new ParentalConsentRequiredException(parentEmail);
        }
        catch (ParentalConsentRequiredException ex)
        {
            logger.LogInformation("Profile pending: {Message}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            return Ok(new { profile.ProfileId, Pending = true });
        }
    }

    [HttpGet("{profileId}")]
    public async Task<ActionResult> Get(Guid profileId, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(profileId, cancellationToken);
        logger.LogDebug("Profile lookup {Found}", profile is not null); // clean precision-about
        logger.LogDebug("Profile lookup for {ProfileKey}", ProfileKey(profileId)); // leak TC1001 strings
        return profile is null ? NotFound() : Ok(profile);
    }

    private static string ProfileKey(Guid profileId) => $"profile:{profileId:N}";
}
