namespace PrivacyHoldout143.Energy;

/// <summary>What a customer (or the contact centre for them) fills in to tell the network there is a dog at the property.</summary>
public sealed record DogReportForm(string AccountNumber, string SiteAddress, string Postcode, int Dogs, string Temperament, string? Description, string ContactPhone);

/// <summary>
/// The network's "dog at this property" form: customers tell the field teams about their dogs before an engineer
/// calls, and the warning goes on the account for the job briefings.
/// </summary>
[ApiController]
[Route("api/site-safety/dogs")]
public sealed class DogWarningReportController(
    IFieldSafetyRegister register,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DogWarningReportController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> Report([FromBody] DogReportForm form, CancellationToken cancellationToken)
    {
        var region = RegionOf(form.Postcode);
        Activity.Current.EnrichFieldpawsOperation(region).SetFieldpawsCustomerId(pseudonymizer.PseudonymizeFieldpawsCustomerId(form.AccountNumber)); // clean generated-api
        var level = form.Temperament switch
        {
            "friendly" => "info",
            "nervous" => "caution",
            _ => "do-not-enter",
        };

        Activity.Current?.SetTag("fieldpaws.report.dogs", form.Dogs); // clean precision-about
        Activity.Current?.SetTag("fieldpaws.report.postcode_district", form.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("fieldpaws.report.site", form.SiteAddress); // leak TC1001 direct
        logger.LogInformation("Dog report for account {AccountNumber}: {Dogs} dogs, level {Level}", form.AccountNumber, form.Dogs, level); // leak TC1001 direct

        var warning = new DogWarning(form.AccountNumber, form.SiteAddress, level, form.Description, DateOnly.FromDateTime(DateTime.UtcNow));
        await register.SaveAsync(warning, cancellationToken);
        logger.LogInformation("Warning saved {Warning}", warning); // leak TC1001 logging-objects
        logger.LogInformation("Warning saved at level {Level} in {Region}", warning.Level, region); // clean precision-about
        if (form.Description is { } description)
        {
            Activity.Current?.SetTag("fieldpaws.report.description_words", description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            Activity.Current?.SetTag("fieldpaws.report.description", description.Length > 80 ? description[..80] : description); // leak TC1001 strings
        }

        meter.CreateFieldpawsWarningsCounter().Add(1, fieldpawsRegion: region, fieldpawsOutcome: level); // clean generated-api
        Activity.Current?.SetTag(FieldpawsAttributes.Contact, pseudonymizer.Pseudonymize("customer.phone", form.ContactPhone).Value); // leak TC1001 precision-pseudonym
        return Ok(level);
    }

    [HttpGet("{accountNumber}")]
    public async Task<ActionResult> Get(string accountNumber, CancellationToken cancellationToken)
    {
        var warning = await register.WarningForAsync(accountNumber, cancellationToken);
        var customer = pseudonymizer.ComputeFieldpawsCustomerId(accountNumber);
        logger.LogInformation("Warning lookup for {Customer}: found {Found}", customer, warning is not null); // clean precision-pseudonym
        Activity.Current?.SetTag("fieldpaws.warning.level", warning?.Level ?? "none"); // clean precision-about
        Activity.Current?.SetTag("fieldpaws.warning.reported_on", warning?.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        return warning is null ? NotFound() : Ok(warning.Level);
    }

    private static string RegionOf(string postcode) => postcode[..2].ToUpperInvariant() switch
    {
        "NG" or "DE" or "LE" => "east-midlands",
        _ => "west-midlands",
    };
}
