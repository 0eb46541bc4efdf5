namespace PrivacyHoldout174.Energy;

/// <summary>Customers (or their carers) register for priority services: a need code and a nominated carer to call.</summary>
[ApiController]
[Route("api/psr")]
public sealed class PriorityServicesController(ILogger<PriorityServicesController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.PriorityServices");
    private static readonly Meter Meter = new("Supplier.PriorityServices");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("psr.registrations");

    [HttpPost("registrations")]
    public ActionResult Register([FromBody] PsrRegistration registration)
    {
        using var span = Source.StartPsrvisitsOperation("south-west");
        span.SetPsrvisitsClientId(pseudonymizer.PseudonymizePsrvisitsClientId(registration.AccountNumber)); // clean precision-pseudonym
        span.SetPsrvisitsVisitType(registration.NeedCode); // clean generated-api
        span.Activity?.SetTag(PsrvisitsAttributes.Contact, registration.CarerPhone); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("psr.need_code", registration.NeedCode); // clean precision-about
        activity?.SetTag("psr.account", registration.AccountNumber); // leak TC1001 direct
        activity?.SetTag("psr.meter_serial", registration.MeterSerial); // leak TC1001 direct
        activity?.SetTag("psr.has_carer", registration.CarerName is not null); // clean precision-about
        activity?.SetTag("psr.meter_model", registration.MeterSerial[..3]); // clean precision-about

        logger.LogInformation("PSR registration with nominee {Carer} on {Phone}", registration.CarerName, registration.CarerPhone); // leak TC1001 direct
        logger.LogInformation("PSR registration, need {NeedCode}, nominee given {HasNominee}", registration.NeedCode, registration.CarerName is not null); // clean precision-about

        Registrations.Add(1, new KeyValuePair<string, object?>("need_code", registration.NeedCode)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("account", registration.AccountNumber)); // leak TC1003 direct

        var tag = Convert.ToBase64String(Encoding.UTF8.GetBytes(registration.AccountNumber));
        activity?.SetTag("psr.account_ref", tag); // leak TC1001 hashes
        return Ok();
    }

    [HttpPost("registrations/{accountNumber}/nominee")]
    public ActionResult ChangeNominee(string accountNumber, [FromBody] PsrRegistration registration)
    {
        var activity = Activity.Current;
        activity?.SetTag("psr.nominee_changed", true); // clean precision-about
        activity?.SetTag("psr.route_account", accountNumber); // leak TC1001 direct
        logger.LogInformation("Nominee changed for need {NeedCode}", registration.NeedCode); // clean precision-about
        logger.LogInformation("Nominee now {Nominee}", registration.CarerName); // leak TC1001 direct
        return Ok();
    }
}
