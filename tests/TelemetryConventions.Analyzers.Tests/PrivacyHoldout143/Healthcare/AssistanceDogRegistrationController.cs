namespace PrivacyHoldout143.Healthcare;

/// <summary>What the ward dog form posts: the handler (a patient or a visitor with a hospital number), the dog and its boosters.</summary>
public sealed record WardDogRequest(
    string HospitalNumber,
    string HandlerName,
    string HandlerMobile,
    string DogName,
    string ChipNumber,
    string DogType,
    string Ward,
    IReadOnlyList<string> Vaccines,
    DateOnly RabiesDueOn);

/// <summary>
/// Registers patients' and visitors' assistance dogs for the wards: the chip is looked up on the national
/// databases, the boosters are checked, and the ward gets a pass the door readers know.
/// </summary>
[ApiController]
[Route("api/ward-dogs")]
public sealed class AssistanceDogRegistrationController(
    IAssistanceDogRegister register,
    IMicrochipDatabase chips,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AssistanceDogRegistrationController> logger) : ControllerBase
{
    private static readonly string[] RequiredVaccines = ["DHPPi", "L4", "Rabies"];

    private readonly Counter<long> _registrations = meter.CreateCounter<long>("wardpaws.registrations", "{registration}");

    private readonly Counter<long> _handlerLookups = meter.CreateCounter<long>("wardpaws.handler.lookups", "{lookup}");

    private readonly Histogram<int> _boosterGap = meter.CreateHistogram<int>("wardpaws.booster.gap", "d");

    [HttpPost("")]
    public async Task<ActionResult> Register([FromBody] WardDogRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartWardpawsOperation(request.Ward);
        span.SetWardpawsPatientId(pseudonymizer.PseudonymizeWardpawsPatientId(request.HospitalNumber)); // clean generated-api
        span.SetWardpawsDogType(request.DogType); // clean precision-about
        Activity.Current?.SetTag("wardpaws.handler.hospital_number", request.HospitalNumber); // leak TC1001 direct
        Activity.Current?.SetTag("wardpaws.dog.name", request.DogName); // clean precision-names
        logger.LogInformation("Registering a {DogType} dog for {HandlerName} on {Ward}", request.DogType, request.HandlerName, request.Ward); // leak TC1001 direct

        var lookup = await chips.LookupAsync(request.ChipNumber, cancellationToken);
        Activity.Current?.SetTag("wardpaws.chip.database", lookup.Database); // clean precision-about
        Activity.Current?.SetTag("wardpaws.chip.manufacturer", request.ChipNumber[..3]); // clean precision-about
        if (!lookup.Found)
        {
            logger.LogWarning("Chip {ChipNumber} is on no database; registration refused", request.ChipNumber); // leak TC1001 direct
            _registrations.Add(1, new KeyValuePair<string, object?>("outcome", "chip-unknown"), new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-about
            return BadRequest("chip-not-registered");
        }

        logger.LogInformation("Chip lookup answered {Lookup}", lookup); // clean logging-objects

        var missing = RequiredVaccines.Except(request.Vaccines, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            logger.LogWarning("Dog {DogName} is missing {Missing} for {Ward}", request.DogName, missing, request.Ward); // clean precision-names
            span.SetWardpawsOutcome("boosters-missing");
            return BadRequest("boosters-missing");
        }

        var daysToRabies = request.RabiesDueOn.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        _boosterGap.Record(daysToRabies, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-about

        var registration = new AssistanceDogRegistration(request.HospitalNumber, request.HandlerName, request.DogName, request.ChipNumber, request.DogType, request.Ward);
        logger.LogDebug("Submitting registration {@Registration}", registration); // leak TC1001 logging-objects

        try
        {
            var pass = await register.RegisterAsync(registration, cancellationToken);
            logger.LogInformation("Issued ward pass {Pass}", pass); // clean logging-objects
            span.SetWardpawsOutcome("registered");
            span.SetWardpawsNote($"pass {pass.PassId} valid until {pass.ValidUntil:yyyy-MM-dd}"); // clean generated-api
            _registrations.Add(1, new KeyValuePair<string, object?>("outcome", "registered"), new KeyValuePair<string, object?>("dog.type", request.DogType)); // clean precision-about
            Activity.Current?.SetTag(WardpawsAttributes.Contact, request.HandlerMobile); // leak TC1001 generated-api
            return Ok(pass.PassId);
        }
        catch (DogNotApprovedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Ward {Ward} did not approve the dog", ex.Ward); // clean exceptions
            return BadRequest("not-approved");
        }
        catch (ChipNotRegisteredException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest("chip-not-registered");
        }
    }

    [HttpGet("{passId}/handler")]
    public async Task<ActionResult> Handler(string passId, CancellationToken cancellationToken)
    {
        var registration = await register.FindByPassAsync(passId, cancellationToken);
        if (registration is null)
        {
            logger.LogInformation("No registration for pass {PassId}", passId); // clean precision-names
            return NotFound();
        }

        var patient = pseudonymizer.ComputeWardpawsPatientId(registration.HospitalNumber);
        logger.LogInformation("Pass {PassId} belongs to {Patient}", passId, patient); // clean precision-pseudonym
        _handlerLookups.Add(1, new KeyValuePair<string, object?>("patient", patient)); // leak TC1003 precision-pseudonym
        return Ok(registration.DogType);
    }
}
