namespace PrivacyHoldout205.Transport;

/// <summary>The council's taxi and private hire licensing office: licences, badges, plates and inspections.</summary>
[ApiController]
[Route("api/licensing")]
public sealed partial class LicensingOfficeController(
    ILicensingRegister register,
    IDbsGateway dbs,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<LicensingOfficeController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Northvale.Licensing");
    private static readonly Meter Meter = new("Northvale.Licensing");
    private static readonly Counter<long> BadgesIssued = Meter.CreateCounter<long>("licensing.badges.issued");
    private static readonly Counter<long> PlateChecks = Meter.CreateCounter<long>("licensing.plates.checked");

    private string? _lastBadgeNumber;
    private string? _lastApplicationRef;

    [HttpGet("drivers/{driverId}")]
    public async Task<ActionResult> GetDriver(string driverId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlatedeskOperation(options.Authority);
        span.SetPlatedeskClientId(pseudonymizer.PseudonymizePlatedeskClientId(driverId)); // clean precision-pseudonym
        Activity.Current?.SetTag("licensing.driver.id", driverId); // leak TC1001 direct
        var licence = await register.FindDriverAsync(driverId, cancellationToken);
        if (licence is null)
        {
            logger.LogInformation("No licence on the register for driver {DriverId}", driverId); // leak TC1001 direct
            return NotFound();
        }

        _lastBadgeNumber = licence.BadgeNumber;
        Activity.Current?.SetTag("licensing.licence.type", licence.LicenceType); // clean precision-about
        Activity.Current?.SetTag("licensing.authority", licence.Authority); // clean precision-names
        Activity.Current?.SetTag("licensing.badge.number", licence.BadgeNumber); // leak TC1001 direct
        Activity.Current?.SetTag("licensing.licence.days_to_expiry", licence.Expiry.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
        Activity.Current?.SetTag("licensing.driver.email_domain", licence.Email[(licence.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Licence looked up: {@Licence}", licence); // leak TC1001 logging-objects
        logger.LogDebug("Licence {Licence}", licence with { Mobile = "", Email = "" }); // leak TC1001 logging-objects
        span.SetPlatedeskKind(licence.LicenceType); // clean generated-api
        span.SetPlatedeskNote($"Licence holder {licence.FullName} looked up"); // leak TC1001 generated-api
        return Ok(new LicenceSummary(driverId, licence.Authority, licence.LicenceType, "current", 0));
    }

    [HttpPost("badges")]
    public async Task<ActionResult> IssueBadge([FromBody] DriverLicence licence, CancellationToken cancellationToken)
    {
        var summary = new LicenceSummary(Guid.NewGuid().ToString("N"), licence.Authority, licence.LicenceType, "issued", 1095);
        _lastApplicationRef = summary.ApplicationRef;
        await register.SaveAsync(summary, cancellationToken);
        logger.LogInformation("Badge issued {@Summary}", summary); // clean logging-objects
        BadgesIssued.Add(1, new KeyValuePair<string, object?>("licensing.badge", licence.BadgeNumber)); // leak TC1003 direct
        BadgesIssued.Add(1, new KeyValuePair<string, object?>("licensing.licence.type", licence.LicenceType)); // clean precision-about
        BadgesIssued.Add(1, new KeyValuePair<string, object?>("licensing.driver", pseudonymizer.ComputePlatedeskClientId(licence.DriverId))); // leak TC1003 precision-pseudonym
        Log.BadgeIssued(logger, licence.BadgeNumber, licence.Authority); // clean logging-objects
        Log.BadgePrinted(logger, licence.BadgeNumber); // leak TC1001 logging-objects
        Meter.CreatePlatedeskOperationsCounter().Add(1, options.Authority, "granted"); // clean generated-api
        return Ok(summary);
    }

    [HttpPost("dbs/{certificateNumber}")]
    public async Task<ActionResult> CheckDbs(string certificateNumber, string surname, CancellationToken cancellationToken)
    {
        try
        {
            var check = await dbs.CheckAsync(certificateNumber, surname, cancellationToken);
            Activity.Current?.SetTag("licensing.dbs.status", check.Status); // clean precision-about
            Activity.Current?.SetTag("licensing.dbs.certificate", check.CertificateNumber); // leak TC1001 direct
            var outcome = new DbsOutcome(_lastApplicationRef ?? "none", check.Status, true, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - check.IssuedOn.DayNumber);
            logger.LogInformation("DBS step done {Outcome}", outcome); // clean logging-objects
            logger.LogInformation("DBS check {Check}", check); // leak TC1001 logging-objects
            return Ok(outcome);
        }
        catch (DbsServiceUnavailableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "DBS update service unavailable for application {ApplicationRef}", _lastApplicationRef); // clean cross-member
            return BadRequest("dbs unavailable");
        }
        catch (BadgeSuspendedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Suspended badge presented at DBS step: {Reason}", ex.GetType().Name); // clean exceptions
            return BadRequest("suspended");
        }
    }

    [HttpGet("plates/{plateNumber}")]
    public async Task<ActionResult> CheckPlate(string plateNumber, CancellationToken cancellationToken)
    {
        var plate = await register.FindPlateAsync(plateNumber, cancellationToken);
        if (plate is null)
        {
            Activity.Current?.AddEvent(new ActivityEvent("plate.not_found", tags: new ActivityTagsCollection { ["licensing.plate"] = plateNumber })); // leak TC1001 direct
            return NotFound();
        }

        Activity.Current?.SetTag("licensing.vehicle.class", plate.VehicleClass); // clean precision-about
        Activity.Current?.SetTag("licensing.vehicle.registration_area", plate.Registration[..2]); // clean precision-about
        Activity.Current?.SetTag("licensing.vehicle.registration", plate.Registration); // leak TC1001 direct
        Activity.Current?.SetTag("licensing.plate.proprietor_count", 1); // clean precision-names
        PlateChecks.Add(1, new KeyValuePair<string, object?>("licensing.vehicle.class", plate.VehicleClass)); // clean precision-about
        PlateChecks.Add(1, new KeyValuePair<string, object?>("licensing.plate", plate.PlateNumber)); // leak TC1003 direct
        var shard = Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(plate.PlateNumber)))[..4]; 
        Activity.Current?.SetTag("licensing.plate.shard", shard); // clean hashes
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plate.Registration)));
        Activity.Current?.SetTag("licensing.vehicle.fingerprint", fingerprint); // leak TC1002 hashes
        logger.LogInformation("Plate {PlateNumber} checked for proprietor {Proprietor}", plate.PlateNumber, plate.ProprietorName); // leak TC1001 direct
        return Ok(plate.VehicleClass);
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("licensing.last_badge", _lastBadgeNumber); // leak TC1001 cross-member
        Baggage.SetBaggage("licensing.application", _lastApplicationRef); // clean cross-member
        Baggage.SetBaggage("licensing.badge", _lastBadgeNumber); // leak TC1001 cross-member
        var joined = string.Join(",", new[] { _lastBadgeNumber, _lastApplicationRef });
        logger.LogInformation("Last issued: {Joined}", joined); // leak TC1001 strings
        logger.LogInformation("Last application: {Line}", string.Format("app={0} authority={1}", _lastApplicationRef, options.Authority)); // clean strings
        return Ok();
    }

    [HttpPost("inspections")]
    public ActionResult RecordInspection([FromBody] InspectionResult result, string plateNumber)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPlatedeskOperation(result.Station);
        span.SetPlatedeskItems(result.Defects); // clean precision-about
        span.SetPlatedeskOutcome(result.Passed ? "passed" : "failed"); // clean generated-api
        logger.LogInformation("Inspection {InspectionRef} at {Station}: {Defects} defects", result.InspectionRef, result.Station, result.Defects); // clean precision-names
        if (!result.Passed)
        {
            logger.LogPlatedeskOperationFailedEvent(result.Station, "failed", platedeskNote: $"plate {plateNumber} failed"); // leak TC1001 generated-api
            logger.LogPlatedeskOperationFailedEvent(result.Station, "failed", platedeskNote: $"{result.Defects} defects, class {result.VehicleClass}"); // clean generated-api
        }

        Meter.CreatePlatedeskOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, result.Station); // clean generated-api
        return Ok(result.InspectionRef);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2051, Level = LogLevel.Information, Message = "Badge {BadgeNumber} issued by {Authority}")]
        public static partial void BadgeIssued(ILogger logger, [PrivateData] string badgeNumber, string authority);

        [LoggerMessage(EventId = 2052, Level = LogLevel.Information, Message = "Badge {BadgeNumber} printed")]
        public static partial void BadgePrinted(ILogger logger, string badgeNumber);
    }
}
