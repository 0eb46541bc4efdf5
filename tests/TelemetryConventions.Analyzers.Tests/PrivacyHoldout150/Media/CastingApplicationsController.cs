namespace PrivacyHoldout150.Media;

public interface ICastingStore
{
    Task SaveAsync(CastingApplication application, CancellationToken cancellationToken = default);

    Task<AuditionSlot?> NextSlotAsync(string city, CancellationToken cancellationToken = default);
}

/// <summary>Takes applications for a dating show's next series and offers an audition slot in the applicant's city.</summary>
[ApiController]
[Route("api/casting")]
public sealed class CastingApplicationsController(
    ICastingStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CastingApplicationsController> logger) : ControllerBase
{
    private const int MinimumAge = 18;
    private static readonly Counter<long> Applications = new Meter("Casting.Desk").CreateCounter<long>("casting.applications");

    [HttpPost("applications")]
    public async Task<ActionResult> Apply([FromBody] CastingApplication application)
    {
        using var span = source.StartCastingOperation("casting-s4");
        span.SetCastingTitle("love-island-s4").SetCastingItemCount(1); // clean generated-api
        span.SetCastingApplicantId(pseudonymizer.PseudonymizeCastingApplicantId(application.Email)); // clean precision-pseudonym
        Activity.Current?.SetTag("casting.application.id", application.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("casting.city", application.City); // clean precision-about
        Activity.Current?.SetTag("casting.age_band", application.Age < 25 ? "18-24" : application.Age < 35 ? "25-34" : "35+"); // clean precision-about
        Activity.Current?.SetTag("casting.instagram", application.InstagramHandle); // leak TC1001 direct
        Activity.Current?.SetTag("casting.story.length", application.Story.Length); // clean precision-about
        try
        {
            if (application.Age < MinimumAge)
            {
                throw new ApplicantUnderAgeException(application.Name, application.Age);
            }

            await store.SaveAsync(application);
            Applications.Add(1, new KeyValuePair<string, object?>("casting.city", application.City)); // clean precision-about
            logger.LogInformation("Application from {Applicant}", Describe(application)); // leak TC1001 strings
            logger.LogInformation("Application {ApplicationId} from {City}", application.ApplicationId, application.City); // clean precision-names
            span.SetCastingNote(application.Story); // leak TC1001 generated-api
            Activity.Current?.SetTag(CastingAttributes.Contact, application.Email); // leak TC1001 generated-api
        }
        catch (ApplicantUnderAgeException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            logger.LogCastingOperationFailedEvent("casting-s4", "under_age", castingNote: ex.Message); // leak TC1001 exceptions
            meter.CreateCastingReviewsCounter().Add(1, "casting-s4", "under_age"); // clean generated-api
            return BadRequest("under age");
        }

        return Ok(application.ApplicationId);
    }

    [HttpPost("applications/{applicationId}/slot")]
    public async Task<ActionResult> OfferSlot(string applicationId, string city, string phone)
    {
        var slot = await store.NextSlotAsync(city);
        Activity.Current?.SetTag("casting.slot", slot?.SlotId); // clean precision-names
        logger.LogInformation("Slot offered {Slot}", slot); // clean logging-objects
        logger.LogInformation("Slot text sent to {Phone}", phone); // leak TC1001 direct
        logger.LogInformation("Slot text sent to a number starting {Prefix}", phone[..3]); // clean precision-about
        meter.CreateCastingReviewsCounter().Add(1, "casting-s4", phone); // leak TC1003 generated-api
        return Ok(slot);
    }

    private static string Describe(CastingApplication application) => $"{application.Name} ({application.Age}, {application.City}), @{application.InstagramHandle}";
}
