namespace PrivacyHoldout169.Energy;

/// <summary>The supplier's charitable trust: customers in debt apply for a grant that clears their arrears.</summary>
[ApiController]
[Route("api/trust/applications")]
public sealed class TrustApplicationController(
    IGrantPanel panel,
    Pseudonymizer pseudonymizer,
    ILogger<TrustApplicationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("EnergyTrust.Applications");
    private static readonly Meter Meter = new("EnergyTrust.Applications");
    private static readonly Counter<long> ByPostcode = Meter.CreateCounter<long>("energytrust.applications.by_area");

    [HttpPost("")]
    public async Task<ActionResult> Apply([FromBody] TrustApplication application, CancellationToken cancellationToken)
    {
        using var operation = Source.StartEnergytrustOperation("south-west").SetEnergytrustScheme("arrears-grant"); // clean generated-api
        var activity = operation.Activity;
        activity?.SetTag("energytrust.application_id", application.ApplicationId); // clean direct
        activity?.SetTag("energytrust.account", application.AccountNumber); // leak TC1001 direct
        activity?.SetTag("energytrust.mpan", application.Mpan); // leak TC1001 direct
        activity?.SetTag("energytrust.distributor", application.Mpan[..2]); // clean precision-about
        activity?.SetTag("energytrust.occupants", application.Occupants); // clean precision-about
        activity?.SetTag("energytrust.debt", (double)application.Debt); // clean direct
        ByPostcode.Add(1, new KeyValuePair<string, object?>("postcode", application.Postcode)); // leak TC1003 direct
        ByPostcode.Add(1, new KeyValuePair<string, object?>("district", application.Postcode.Split(' ')[0])); // clean precision-about
        logger.LogInformation("Trust application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Trust application {ApplicationId} for debt {Debt}", application.ApplicationId, application.Debt); // clean logging-objects

        var customer = pseudonymizer.PseudonymizeEnergytrustCustomerId(application.AccountNumber);
        operation.SetEnergytrustCustomerId(customer); // clean precision-pseudonym
        var award = new GrantAward(application.ApplicationId, application.AccountNumber, application.Debt, "arrears-grant");
        try
        {
            var decision = await panel.DecideAsync(award, cancellationToken);
            operation.SetEnergytrustOutcome(decision.Outcome); // clean generated-api
            Meter.CreateEnergytrustApplicationsCounter().Add(1, "south-west", decision.Outcome); // clean generated-api
        }
        catch (IneligibleException ex)
        {
            activity?.AddException(ex); // clean exceptions
            Meter.CreateEnergytrustApplicationsCounter().Add(1, "south-west", application.AccountNumber); // leak TC1003 generated-api
            return BadRequest(ex.Message);
        }
        return Ok();
    }
}
