namespace PrivacyHoldout133.Gaming;

/// <summary>Community volunteer moderators: players who sign up to moderate the charity event's chat after a background check.</summary>
public sealed record ModeratorApplication(Guid PlayerId, string Gamertag, string Email, string DiscordUserId, int AgeYears, string Region);

[ApiController]
[Route("api/community/moderators")]
public sealed class PlayerVolunteerModeratorsController(IUmbrellaBodyClient umbrella, Pseudonymizer pseudonymizer, ILogger<PlayerVolunteerModeratorsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.CommunityModerators");

    [HttpPost("")]
    public async Task<ActionResult> Apply([FromBody] ModeratorApplication application, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlaygiveTask(playgiveProgramme: "volunteer-moderators");
        span.SetPlaygivePlayerId(pseudonymizer.PseudonymizePlaygivePlayerId(application.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("moderator.adult", application.AgeYears >= 18); // clean precision-about
        span.Activity?.SetTag("moderator.discord_linked", application.DiscordUserId.Length > 0); // clean precision-about
        span.Activity?.SetTag("moderator.discord", application.DiscordUserId); // leak TC1001 direct
        span.Activity?.SetTag(PlaygiveAttributes.Contact, pseudonymizer.ComputePlaygivePlayerId(application.Email)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("moderator.summary", string.Format(CultureInfo.InvariantCulture, "{0} ({1})", application.Gamertag, application.Region)); // leak TC1001 strings
        span.Activity?.SetTag("moderator.profile", string.Format(CultureInfo.InvariantCulture, "region={0}; adult={1}", application.Region, application.AgeYears >= 18)); // clean strings
        using var scope = logger.BeginScope("Moderator application by {Gamertag}", application.Gamertag); // leak TC1001 logging-objects

        try
        {
            var reference = await umbrella.SubmitAsync(new DbsApplication("", application.Gamertag, DateOnly.MinValue, "child", "enhanced"), cancellationToken);
            logger.LogInformation("Background check {Reference} submitted for region {Region}", reference, application.Region); // clean precision-names
            return Ok(reference);
        }
        catch (UmbrellaUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest($"retry after {ex.RetryAfter}");
        }
        catch (System.Net.Http.HttpRequestException ex)
        {
            logger.LogError(ex, "Check failed for {Email}", application.Email); // leak TC1001 direct
            return BadRequest("check failed");
        }
    }
}
