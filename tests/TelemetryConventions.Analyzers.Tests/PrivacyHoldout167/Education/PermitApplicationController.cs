namespace PrivacyHoldout167.Education;

/// <summary>Students and staff apply for a campus parking permit for their car.</summary>
[ApiController]
[Route("api/permits")]
public sealed partial class PermitApplicationController(
    IPermitStore permits,
    IKeeperLookup keepers,
    Pseudonymizer pseudonymizer,
    ILogger<PermitApplicationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.Parking");
    private static readonly Meter Meter = new("University.Parking");
    private readonly CampusparkOperationsCounter _applications = Meter.CreateCampusparkOperationsCounter();

    public sealed record PermitApplication(string StudentNumber, string Email, string Vrm, string Zone, bool Commuter);

    [HttpPost]
    public async Task<ActionResult> Apply([FromBody] PermitApplication application)
    {
        using var span = Source.StartCampusparkOperation(application.Zone);
        span.SetCampusparkStudentId(pseudonymizer.PseudonymizeCampusparkStudentId(application.StudentNumber)); // clean generated-api
        span.SetCampusparkNote("application from " + application.StudentNumber); // leak TC1001 generated-api
        Activity.Current?.SetTag("permit.applicant", application.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("permit.commuter", application.Commuter); // clean precision-about
        Activity.Current?.AddBaggage("permit.vrm", application.Vrm); // leak TC1001 direct
        LogApplication(logger, application.StudentNumber, application.Zone); // clean precision-names
        LogApplicationRaw(logger, application.Email, application.Zone); // leak TC1001 direct

        var details = await keepers.DescribeAsync(application.Vrm);
        logger.LogInformation("Vehicle {@Details} for zone {Zone}", details, application.Zone); // clean logging-objects
        Activity.Current?.SetTag("permit.emissions_band", details.EmissionsBand); // clean precision-about
        logger.LogInformation("Application {@Application}", application); // leak TC1001 logging-objects

        var permit = new ParkingPermit(Guid.NewGuid().ToString("N"), application.Zone, application.Vrm, application.StudentNumber, application.Email, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)));
        await permits.SaveAsync(permit);
        span.SetCampusparkPermitRef(permit.PermitId); // clean generated-api
        logger.LogInformation("Permit issued: {Permit}", permit); // leak TC1001 logging-objects
        logger.LogInformation("Permit {PermitId} issued for zone {Zone} until {Expires}", permit.PermitId, permit.Zone, permit.Expires); // clean precision-about
        _applications.Add(1, application.Zone, "issued"); // clean generated-api
        return Ok(permit.PermitId);
    }

    [HttpGet("{permitId}")]
    public async Task<ActionResult> Get(string permitId)
    {
        var permit = await permits.FindAsync(permitId);
        if (permit is null)
        {
            return NotFound();
        }

        if (permit.Expires < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            var ex = new PermitExpiredException(permit.PermitId);
            logger.LogWarning(ex, "Expired permit requested"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        return Ok(permit);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Permit application from {StudentNumber} for {Zone}")]
    private static partial void LogApplication(ILogger logger, [PrivateData] string studentNumber, string zone);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Permit confirmation to {Email} for {Zone}")]
    private static partial void LogApplicationRaw(ILogger logger, string email, string zone);
}
