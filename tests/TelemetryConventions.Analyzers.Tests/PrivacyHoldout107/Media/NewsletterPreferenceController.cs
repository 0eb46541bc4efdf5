namespace PrivacyHoldout107.Media;

public sealed record NewsletterSignup(string Email, string? FirstName, IReadOnlyList<string> Genres, bool Marketing, string Source);

/// <summary>The newsletter sign-up form and the genre preferences of signed-in subscribers.</summary>
[ApiController]
[Route("newsletter")]
public sealed class NewsletterPreferenceController(
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    ILogger<NewsletterPreferenceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Streaming.Crm.Newsletter");
    private static readonly Meter Meter = new("Streaming.Crm.Newsletter");
    private static readonly Counter<long> Signups = Meter.CreateCounter<long>("subcrm.newsletter.signups");

    [HttpPost("signup")]
    public async Task<ActionResult> SignupAsync([FromBody] NewsletterSignup signup, CancellationToken cancellationToken)
    {
        using var span = Source.StartSubcrmSend("newsletter");
        span.SetSubcrmConsentPurpose("newsletter"); // clean precision-names
        span.Activity?.SetTag("signup.genres", string.Join(",", signup.Genres)); // clean precision-names
        span.Activity?.SetTag("signup.source", signup.Source); // clean precision-names
        logger.LogInformation("Newsletter signup {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Newsletter signup for {Genres} from {Source}, marketing {Marketing}", signup.Genres, signup.Source, signup.Marketing); // clean logging-objects

        var subscriberId = HttpContext.User.SubjectId;
        if (subscriberId is not null)
        {
            span.SetSubcrmSubscriberId(pseudonymizer.PseudonymizeSubcrmSubscriberId(subscriberId)); // clean precision-pseudonym
            span.Activity?.SetTag("enduser.id", subscriberId); // leak TC1001 direct
        }

        var lead = new Entity("lead") { ["emailaddress1"] = signup.Email, ["firstname"] = signup.FirstName, ["sub_genres"] = string.Join(";", signup.Genres) };
        try
        {
            var id = await crm.CreateAsync(lead, cancellationToken);
            logger.LogDebug("Newsletter lead {Lead} created", lead.ToEntityReference()); // clean logging-objects
            Signups.Add(1, new KeyValuePair<string, object?>("source", signup.Source)); // clean precision-names
        }
        catch (CrmFaultException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetSubcrmNote(ex.Fault.Message); // leak TC1001 generated-api
            logger.LogSubcrmSyncFailedEvent("refused", "newsletter", subcrmNote: $"fault {ex.ErrorCode:x8}"); // clean generated-api
            return BadRequest("refused");
        }

        Activity.Current?.SetTag(SubcrmAttributes.SubscriberContact, signup.Email); // leak TC1001 generated-api
        return Ok();
    }
}
