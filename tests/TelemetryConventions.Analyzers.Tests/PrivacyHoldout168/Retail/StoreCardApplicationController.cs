namespace PrivacyHoldout168.Retail;

/// <summary>Store card applications, online and at the customer service desk: a hard search and an affordability check.</summary>
[ApiController]
[Route("api/store-card")]
public sealed partial class StoreCardApplicationController(
    ICreditBureau bureau,
    IAffordabilityEngine affordability,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<StoreCardApplicationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("StoreCard.Applications");

    [HttpPost("applications")]
    public async Task<ActionResult> Apply([FromBody] StoreCardApplication application, CancellationToken ct)
    {
        using var span = Source.StartStorecardOperation(application.StoreCode);
        span.SetStorecardCustomerId(pseudonymizer.PseudonymizeStorecardCustomerId(application.CustomerNumber)); // clean generated-api
        span.SetStorecardProduct("store-card"); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("application.id", application.ApplicationId); // clean precision-about
        activity?.SetTag("customer.number", application.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("customer.email_template", "tpl-welcome-card"); // clean precision-names
        LogApplication(logger, application.ApplicationId, application.Email); // clean logging-objects
        logger.LogInformation("Store card application {@Application}", application with { Email = "(withheld)" }); // leak TC1001 logging-objects
        var line = new StringBuilder();
        line.AppendFormat(CultureInfo.InvariantCulture, "{0} {1}", application.FullName, application.Postcode);
        logger.LogDebug(line.ToString()); // leak TC1001 strings
        activity?.AddBaggage("store.customer", application.CustomerNumber); // leak TC1001 direct
        logger.LogInformation("Applicant income band {Band}", application.AnnualIncome >= 30_000m ? "30k+" : "under-30k"); // clean precision-about

        var input = new AffordabilityInput(application.CustomerNumber, application.AnnualIncome, 0m, 0);
        try
        {
            var result = await affordability.AssessAsync(input, ct);
            logger.LogInformation("Affordability {Outcome}, limit {Limit}", result.Outcome, result.MaximumLoan); // clean precision-about
            var report = await bureau.SearchAsync(new CreditSearchRequest(application.FullName, application.DateOfBirth, application.Postcode, "hard"), ct);
            span.SetStorecardOutcome(report.Band); // clean generated-api
            meter.CreateStorecardApplicationsCounter().Add(1, application.StoreCode, report.Band); // clean generated-api
            return Ok(new ApplicationDecision(application.ApplicationId, report.Band, string.Join(",", report.ReasonCodes), 29.9m));
        }
        catch (IncomeVerificationException ex)
        {
            logger.LogWarning(ex, "Income check failed for application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetStorecardNote("income not verified for " + application.FullName); // leak TC1001 generated-api
            return BadRequest("We could not verify your income");
        }
        catch (BureauUnavailableException ex)
        {
            logger.LogError(ex, "Bureau unavailable"); // clean exceptions
            return BadRequest("Try again later");
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Application {ApplicationId} from {Email}")]
    private static partial void LogApplication(ILogger logger, string applicationId, [PrivateData] string email);
}
