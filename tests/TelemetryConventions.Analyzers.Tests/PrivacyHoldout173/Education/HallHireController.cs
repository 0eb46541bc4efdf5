namespace PrivacyHoldout173.Education;

/// <summary>The trust hires its school halls out for weddings at weekends.</summary>
[ApiController]
[Route("api/lettings/weddings")]
public sealed class HallHireController(
    ILogger<HallHireController> logger,
    ICoupleStore couples,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Lettings");
    private static readonly Meter Meter = new("Trust.Lettings");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] HallHire hire, string coupleId)
    {
        using var span = Source.StartCampuseventsOperation(hire.Hall);
        span.SetCampuseventsEventType("wedding"); // clean generated-api
        span.SetCampuseventsItemCount(hire.Headcount); // clean generated-api
        span.SetCampuseventsCoupleId(pseudonymizer.PseudonymizeCampuseventsCoupleId(coupleId)); // clean generated-api
        span.SetCampuseventsNote("contact " + hire.ContactEmail); // leak TC1001 generated-api

        Activity.Current?.SetTag("lettings.hire", hire); // leak TC1001 logging-objects
        Activity.Current?.SetTag("lettings.couple", coupleId); // leak TC1001 direct
        var domain = hire.ContactEmail[(hire.ContactEmail.IndexOf('@') + 1)..];
        logger.LogInformation("Hire {HireId} of {Hall} on {Date} from a {Domain} address", hire.HireId, hire.Hall, hire.Date, domain); // clean precision-about

        try
        {
            var couple = await couples.FindAsync(coupleId) ?? throw new CoupleNotFoundException(coupleId);
            logger.LogInformation("Hall hire for {Couple}", couple); // leak TC1001 logging-objects
            span.SetCampuseventsNote($"{couple.PartnerOneName} and {couple.PartnerTwoName}, {hire.Headcount} guests"); // leak TC1001 generated-api
            return Ok(hire.HireId);
        }
        catch (CoupleNotFoundException ex)
        {
            logger.LogWarning(ex, "Hire {HireId} names an unknown couple", hire.HireId); // leak TC1001 exceptions
            span.SetCampuseventsOutcome("unknown_couple"); // clean generated-api
            return NotFound();
        }
        catch (VenueUnavailableException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpGet("{coupleId}/profile")]
    public ActionResult Profile(string coupleId, CoupleProfile profile)
    {
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        var fingerprint = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(profile.Email)));
        logger.LogDebug("Profile fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
        Meter.CreateCampuseventsOperationsCounter().Add(1, "main-hall", profile.Package); // clean generated-api
        return Ok();
    }
}
