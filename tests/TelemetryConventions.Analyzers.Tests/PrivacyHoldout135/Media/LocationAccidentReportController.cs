namespace PrivacyHoldout135.Media;

public sealed record LocationAccident(string ProductionCode, string LocationId, string CrewMemberId, string CrewMemberName, string Department, string Injury, int DaysOff, string? OwnVehiclePlate, string? HireVehicleFleetNumber);

/// <summary>Accidents on location shoots, from the unit's safety adviser.</summary>
[ApiController]
[Route("api/productions/{productionCode}/accidents")]
public sealed class LocationAccidentReportController(Pseudonymizer pseudonymizer, ILogger<LocationAccidentReportController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Productions.Safety");
    private static readonly Meter Meter = new("Broadcaster.Productions.Safety");
    private static readonly StudiosafeReportDurationHistogram Duration = Meter.CreateStudiosafeReportDurationHistogram();
    private static readonly Counter<long> LostTime = Meter.CreateCounter<long>("production.lost_time_days", "d");

    [HttpPost("")]
    public ActionResult Report(string productionCode, [FromBody] LocationAccident accident)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStudiosafeReport($"{productionCode}-{accident.LocationId}");
        span.SetStudiosafeStudio(accident.LocationId); // clean precision-names
        span.SetStudiosafeInjuredCount(1); // clean precision-about
        span.Activity?.SetTag("production.code", productionCode); // clean precision-names
        span.Activity?.SetTag("production.department", accident.Department); // clean precision-names
        span.Activity?.SetTag("production.crew_member", accident.CrewMemberId); // leak TC1001 direct
        span.Activity?.SetTag("production.hire_vehicle", accident.HireVehicleFleetNumber); // clean precision-names
        span.Activity?.SetTag("production.own_vehicle", accident.OwnVehiclePlate); // leak TC1001 direct
        span.Activity?.SetTag("production.riddor", accident.DaysOff > 7); // clean precision-about
        LostTime.Add(accident.DaysOff, new KeyValuePair<string, object?>("production", productionCode), new KeyValuePair<string, object?>("crew", accident.CrewMemberName)); // leak TC1003 direct
        logger.LogInformation("Accident on {Production}: " + accident.CrewMemberName + " - " + accident.Injury, productionCode); // leak TC1001 strings
        var crewKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(accident.CrewMemberId)));
        span.Activity?.SetTag("production.crew_key", crewKey); // leak TC1002 hashes
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, accident.LocationId); // clean generated-api
        return Ok();
    }
}
