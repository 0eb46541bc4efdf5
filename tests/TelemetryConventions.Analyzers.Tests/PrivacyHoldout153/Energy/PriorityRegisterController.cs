namespace PrivacyHoldout153.Energy;

/// <summary>Registers customers who keep medicines cold or run medical equipment at home on the priority services register.</summary>
[ApiController]
[Route("api/priority-register")]
public sealed partial class PriorityRegisterController(
    IPriorityRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<PriorityRegisterController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("HighStreet.Power.Psr");
    private static readonly Meter Meter = new("HighStreet.Power.Psr");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("psr.registrations");

    private static readonly HashSet<string> KnownNeeds = ["medicine-fridge", "oxygen", "dialysis", "stairlift", "hearing"];

    [HttpPost("")]
    public async Task<ActionResult> RegisterAsync([FromBody] PsrRegistration registration, CancellationToken cancellationToken)
    {
        using var span = Source.StartPsrOperation(RegionOf(registration.Postcode));
        span.SetPsrNeed(registration.NeedCode); // clean precision-about
        span.SetPsrCustomerId(pseudonymizer.PseudonymizePsrCustomerId(registration.AccountNumber)); // clean generated-api
        Activity.Current?.SetTag("psr.postcode", registration.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("psr.postcode.district", registration.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("psr.has_nominee", registration.HasNominee); // clean precision-about

        try
        {
            if (!KnownNeeds.Contains(registration.NeedCode))
            {
                throw new NeedCodeUnknownException(registration.NeedCode);
            }
            var existing = await register.FindAsync(registration.AccountNumber, cancellationToken)
                ?? throw new AccountNotFoundException(registration.AccountNumber);
            await register.SaveAsync(registration with { HasNominee = existing.HasNominee || registration.HasNominee }, cancellationToken);
        }
        catch (NeedCodeUnknownException ex)
        {
            span.SetPsrOutcome("unknown-need").SetPsrNote(ex.Message); // clean exceptions
            return BadRequest("unknown-need");
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogPsrOperationFailedEvent(RegionOf(registration.Postcode), "no-account", psrNote: ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return NotFound();
        }

        Registrations.Add(1, new KeyValuePair<string, object?>("psr.need", registration.NeedCode), new KeyValuePair<string, object?>("psr.region", RegionOf(registration.Postcode))); // clean precision-about
        logger.LogInformation("Registered {Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Registered {Customer} with need {Need}", pseudonymizer.ComputePsrCustomerId(registration.AccountNumber), registration.NeedCode); // clean precision-pseudonym
        LogRegistered(logger, registration.HolderName, registration.NeedCode); // clean logging-objects
        LogNomineeMissing(logger, registration.AccountNumber); // leak TC1001 logging-objects
        Activity.Current?.SetTag(PsrAttributes.Contact, registration.Phone); // leak TC1001 generated-api
        Activity.Current?.SetTag("psr.contact.email_domain", registration.Email.Split('@')[1]); // clean precision-about
        return Ok();
    }

    private static string RegionOf(string postcode) => postcode.StartsWith('M') ? "north-west" : "other";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "PSR registration for {HolderName} with need {NeedCode}")]
    private static partial void LogRegistered(ILogger logger, [PrivateData] string holderName, string needCode);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "No nominee on account {AccountNumber}")]
    private static partial void LogNomineeMissing(ILogger logger, string accountNumber);
}
