namespace PrivacyHoldout170.Gaming;

/// <summary>The studio's careers portal: candidates apply, the ATS is the system of record.</summary>
[ApiController]
[Route("api/careers")]
public sealed partial class CandidatePortalController(
    ICandidateStore candidates,
    ILogger<CandidatePortalController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Careers.Portal");
    private static readonly Meter Meter = new("Studio.Careers.Portal");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("careers.applications");

    [HttpPost("vacancies/{vacancyId}/apply")]
    public async Task<ActionResult> Apply(string vacancyId, [FromBody] Candidate candidate, CancellationToken cancellationToken)
    {
        using var span = Source.StartStudiohireOperation("guildford")
            .SetStudiohireCandidateId(pseudonymizer.PseudonymizeStudiohireCandidateId(candidate.CandidateId)); // clean generated-api
        span.Activity?.SetTag("vacancy.id", vacancyId); // clean precision-names
        span.Activity?.SetTag("candidate.email_template_id", "tpl-application-received"); // clean precision-names
        span.Activity?.SetTag("http.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var agent) ? agent : null); // clean precision-names
        span.Activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        span.Activity?.SetTag("candidate.email", candidate.Email); // leak TC1001 direct
        span.Activity?.SetTag("candidate.has_mobile", !string.IsNullOrWhiteSpace(candidate.Mobile)); // clean precision-about
        logger.LogInformation("Application for {VacancyId} from {Candidate}", vacancyId, candidate); // leak TC1001 logging-objects

        try
        {
            var existing = await candidates.FindByEmailAsync(candidate.Email, cancellationToken);
            if (existing is not null)
            {
                throw new DuplicateCandidateException(candidate.Email);
            }
        }
        catch (DuplicateCandidateException ex)
        {
            logger.LogWarning(ex, "Duplicate application for {VacancyId}", vacancyId); // leak TC1001 exceptions
            span.SetStudiohireOutcome("duplicate"); // clean precision-about
            return BadRequest("duplicate");
        }
        catch (AtsRateLimitedException ex)
        {
            logger.LogWarning(ex, "ATS rate limited on {VacancyId}", vacancyId); // clean exceptions
            return BadRequest("busy");
        }
        catch (VacancyClosedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("closed");
        }

        span.Activity?.AddEvent(new ActivityEvent("careers.applied", tags: ApplicationTags(candidate, vacancyId))); // leak TC1001 cross-member
        span.Activity?.AddEvent(new ActivityEvent("careers.vacancy", tags: VacancyTags(vacancyId))); // clean cross-member
        Applications.Add(1, new KeyValuePair<string, object?>("vacancy", vacancyId)); // clean precision-names
        Applications.Add(1, new KeyValuePair<string, object?>("source", HttpContext.RequestHeaders.TryGetValue("utm_source", out var utm) ? utm : "direct")); // clean precision-names
        LogApplied(logger, candidate.FullName, vacancyId); // leak TC1001 direct
        return Ok();
    }

    [HttpGet("profile")]
    public ActionResult Profile(CandidateProfile profile)
    {
        logger.LogInformation("Profile viewed {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Profile viewed from source {Source}", profile.Source); // clean precision-about
        Activity.Current?.SetTag("profile.name_length", profile.FullName.Length); // clean precision-about
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FullName} applied for {VacancyId}")]
    private static partial void LogApplied(ILogger logger, string fullName, string vacancyId);

    private static ActivityTagsCollection ApplicationTags(Candidate candidate, string vacancyId) =>
        new() { ["vacancy"] = vacancyId, ["candidate.email"] = candidate.Email };

    private static ActivityTagsCollection VacancyTags(string vacancyId) =>
        new() { ["vacancy"] = vacancyId, ["channel"] = "portal" };
}
