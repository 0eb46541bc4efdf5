namespace PrivacyHoldout213.Energy;

public sealed record GrantApplication(string ApplicationId, string GroupName, string ContactName, string ContactPhone, string SiteId, decimal Amount, string BankAccount);

/// <summary>Community garden energy grants (solar for sheds, water butts): community groups apply, the supplier pays.</summary>
[ApiController]
[Route("api/garden-grants")]
public sealed class GardenGrantController(RentLedger ledger, Pseudonymizer pseudonymizer, ILogger<GardenGrantController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Wattwood.Grants");
    private static readonly Histogram<double> GrantAmounts = new Meter("Wattwood.Grants").CreateHistogram<double>("wattwood.grant.amount");

    [HttpPost("")]
    public ActionResult Apply([FromBody] GrantApplication application)
    {
        using var activity = Source.StartActivity("GrantApplication");
        activity?.SetTag("wattwood.grant.application", application.ApplicationId); // clean precision-names
        activity?.SetTag("wattwood.grant.group", application.GroupName); // clean precision-names
        activity?.SetTag("wattwood.grant.contact_name", application.ContactName); // leak TC1001 direct
        activity?.SetTag("wattwood.grant.contact_phone_count", application.ContactPhone.Length > 0 ? 1 : 0); // clean precision-about
        activity?.SetTag("wattwood.grant.amount", (double)application.Amount); // clean precision-about
        GrantAmounts.Record((double)application.Amount, new KeyValuePair<string, object?>("site", application.SiteId)); // clean precision-names
        var user = HttpContext.User;
        activity?.SetTag("enduser.id", user.SubjectId); // leak TC1001 direct
        activity?.SetTag("wattwood.reviewer.email_domain", user.Email?.Split('@')[^1]); // clean precision-about
        logger.LogInformation("Grant application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Grant application {Id} from {Group} for {Amount}", application.ApplicationId, application.GroupName, application.Amount); // clean logging-objects
        try
        {
            ledger.Collect(new RentInvoice(application.ApplicationId, application.SiteId, application.ApplicationId, -application.Amount, DateOnly.FromDateTime(DateTime.Today)), application.BankAccount);
        }
        catch (PaymentDeclinedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "payment declined"); // clean exceptions
            activity?.SetTag("error.message", ex.Message); // leak TC1001 exceptions
            logger.LogError("Grant payment failed: {Type}", ex.GetType().FullName); // clean exceptions
            return BadRequest("payment declined");
        }
        catch (SiteClosedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Site closed for grant {Id}", application.ApplicationId); // clean exceptions
            return BadRequest(ex.Message);
        }

        logger.LogInformation("Grant paid to account ending {Last2}", application.BankAccount[^2..]); // clean precision-about
        logger.LogInformation("Grant paid to account {Account}", application.BankAccount); // leak TC1001 direct
        logger.LogInformation("Grant contact {Contact}", pseudonymizer.Pseudonymize("grant.contact", application.ContactPhone)); // clean precision-pseudonym
        return Ok(application.ApplicationId);
    }
}
