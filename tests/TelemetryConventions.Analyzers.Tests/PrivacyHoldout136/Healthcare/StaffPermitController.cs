namespace PrivacyHoldout136.Healthcare;

public sealed record StaffPermitApplication(string StaffNumber, string Vrm, string Zone, string PayBand, bool NightShifts, string? SecondVrm);

public sealed record PermitIssued(string PermitId, string Zone, DateOnly ValidTo, decimal MonthlyCharge);

[ApiController]
[Route("api/staff-parking/permits")]
public sealed class StaffPermitController(
    IParkingStore store,
    ILogger<StaffPermitController> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly Dictionary<string, decimal> MonthlyChargeByBand = new()
    {
        ["band-2"] = 8m, ["band-5"] = 16m, ["band-7"] = 24m, ["band-8a"] = 32m,
    };

    private readonly Counter<long> _applications = meter.CreateCounter<long>("staffpark.permit.applications");

    [HttpPost]
    public async Task<ActionResult> ApplyAsync([FromBody] StaffPermitApplication application, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStaffparkAccess("car-park-a");
        span.SetStaffparkZone(application.Zone); // clean precision-names
        span.SetStaffparkHolderId(pseudonymizer.PseudonymizeStaffparkHolderId(application.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("staffpark.pay_band", application.PayBand); // clean precision-about
        span.Activity?.SetTag("staffpark.vehicle.count", application.SecondVrm is null ? 1 : 2); // clean precision-about

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["StaffNumber"] = application.StaffNumber, ["Zone"] = application.Zone }); // leak TC1001 logging-objects
        logger.LogInformation("Permit application for {Vrm} in {Zone}", application.Vrm, application.Zone); // leak TC1001 direct

        var existing = await store.PermitsForHolderAsync(application.StaffNumber, cancellationToken);
        if (existing.Any(p => p.ValidTo >= DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            logger.LogWarning("Staff member already holds {PermitCount} live permits", existing.Count); // clean precision-about
            logger.LogWarning("Live permits: {Permits}", existing); // leak TC1001 logging-objects
            _applications.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"), new KeyValuePair<string, object?>("zone", application.Zone)); // clean precision-names
            return BadRequest("You already hold a permit.");
        }

        var permit = new ParkingPermit(
            PermitId: $"SP-{DateTime.UtcNow:yyMM}-{Random.Shared.Next(100000):D5}",
            HolderRef: application.StaffNumber,
            Vrm: application.Vrm,
            Zone: application.Zone,
            ValidFrom: DateOnly.FromDateTime(DateTime.UtcNow),
            ValidTo: DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)),
            PermitType: application.NightShifts ? "night" : "day");
        await store.SavePermitAsync(permit, cancellationToken);

        span.Activity?.SetTag("staffpark.permit.id", permit.PermitId); // clean precision-names
        span.Activity?.SetTag("staffpark.permit.vrm", permit.Vrm); // leak TC1001 cross-member
        span.Activity?.AddEvent(new ActivityEvent("permit.issued", tags: new ActivityTagsCollection { ["permit.type"] = permit.PermitType, ["valid.to"] = permit.ValidTo.ToString("O") })); // clean precision-names
        logger.LogInformation("Issued {@Permit}", permit); // leak TC1001 logging-objects
        _applications.Add(1, new KeyValuePair<string, object?>("outcome", "issued"), new KeyValuePair<string, object?>("pay_band", application.PayBand)); // clean precision-about
        _applications.Add(0, new KeyValuePair<string, object?>("holder", pseudonymizer.ComputeStaffparkHolderId(application.StaffNumber))); // leak TC1003 precision-pseudonym

        var vrmShard = KeyedBuckets.Shard(secrets.ShardKey, application.Vrm, 32);
        span.Activity?.SetTag("staffpark.vrm.shard", vrmShard); // clean hashes
        span.SetStaffparkOutcome("issued"); // clean precision-names

        var charge = MonthlyChargeByBand.GetValueOrDefault(application.PayBand, 16m);
        return Ok(new PermitIssued(permit.PermitId, permit.Zone, permit.ValidTo, charge));
    }

    [HttpPost("{permitId}/vehicle")]
    public async Task<ActionResult> ChangeVehicleAsync(string permitId, [FromBody] StaffPermitApplication application, CancellationToken cancellationToken)
    {
        var current = await store.FindPermitAsync(application.Vrm, application.Zone, cancellationToken);
        if (current is null)
        {
            var ex = new PermitNotFoundException(application.Vrm, application.Zone);
            logger.LogWarning(ex, "Vehicle change refused for permit {PermitId}", permitId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, nameof(PermitNotFoundException)); // clean exceptions
            return NotFound(ex.CarParkId);
        }

        var plateTag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(application.Vrm)))[..12];
        Activity.Current?.SetTag("staffpark.vrm.ref", plateTag); // leak TC1002 hashes
        Activity.Current?.SetTag("staffpark.vrm.length", application.Vrm.Replace(" ", "").Length); // clean precision-about
        logger.LogInformation("Permit {PermitId} moved from a vehicle registered {AgeIdentifier} to another", permitId, current.Vrm.Substring(2, 2)); // clean precision-about
        await store.SavePermitAsync(current with { Vrm = application.Vrm }, cancellationToken);
        return Ok();
    }
}
