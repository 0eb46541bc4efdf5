namespace PrivacyHoldout158.Transport;

/// <summary>Station staff trained in suicide prevention record the interventions they make on platforms; the care team follows up.</summary>
[ApiController]
[Route("api/interventions")]
public sealed partial class StationInterventionController(
    ICaseStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StationInterventionController> logger) : ControllerBase
{
    private static readonly Counter<long> Recorded = new Meter("Helplines.RailCare").CreateCounter<long>("railcare.interventions.recorded");

    private StationIntervention? lastWithDescription;
    private readonly Dictionary<string, int> interventionsByStaff = new();

    [HttpPost]
    public async Task<ActionResult> Record([FromBody] StationIntervention intervention)
    {
        using var span = source.StartRailcareOperation(intervention.Station);
        span.SetRailcareStaffId(pseudonymizer.PseudonymizeRailcareStaffId(intervention.StaffId)); // clean precision-pseudonym
        span.SetRailcareInterventionKind("platform-approach"); // clean generated-api
        Activity.Current?.SetTag("railcare.intervention.id", intervention.InterventionId); // clean precision-names
        Activity.Current?.SetTag("railcare.platform", intervention.Platform); // clean precision-names
        Activity.Current?.SetTag("railcare.staff", intervention.StaffId); // leak TC1001 direct
        Activity.Current?.SetTag("railcare.person.description", intervention.PersonDescription); // leak TC1001 direct
        Activity.Current?.SetTag("railcare.person.described", intervention.PersonDescription is not null); // clean precision-about

        await store.SaveAsync(intervention);
        interventionsByStaff[intervention.StaffId] = interventionsByStaff.GetValueOrDefault(intervention.StaffId) + 1;
        if (intervention.PersonDescription is not null)
        {
            lastWithDescription = intervention;
        }

        Recorded.Add(1, new KeyValuePair<string, object?>("station", intervention.Station)); // clean precision-names
        Recorded.Add(1, new KeyValuePair<string, object?>("staff", intervention.StaffId)); // leak TC1003 direct
        Recorded.Add(1, new KeyValuePair<string, object?>("staff_lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(intervention.StaffId))[0] % 4)); // clean hashes
        meter.CreateRailcareInterventionsCounter().Add(1, intervention.Station, railcareOutcome: "recorded"); // clean generated-api
        LogRecorded(logger, intervention.Station, intervention.Platform, intervention.StaffId); // clean logging-objects
        LogDescription(logger, intervention.InterventionId, intervention.PersonDescription); // leak TC1001 logging-objects
        logger.LogInformation("Intervention recorded {@Intervention}", intervention); // leak TC1001 logging-objects
        return new OkResult(intervention.InterventionId);
    }

    [HttpGet("summary")]
    public ActionResult Summary(StationSummary summary)
    {
        logger.LogInformation("Station summary {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Interventions by staff: {ByStaff}", interventionsByStaff); // leak TC1001 cross-member
        logger.LogInformation("Staff who intervened: {Count}", interventionsByStaff.Count); // clean cross-member
        Activity.Current?.SetTag("railcare.last.description", lastWithDescription?.PersonDescription); // leak TC1001 cross-member
        Activity.Current?.SetTag("railcare.last.station", lastWithDescription?.Station); // clean cross-member
        Activity.Current?.SetTag("railcare.staff.digest", string.Concat(interventionsByStaff.Keys).GetHashCode()); // leak TC1002 hashes
        return new OkResult(summary.Station);
    }

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Intervention at {Station} platform {Platform} by {StaffId}")]
    private static partial void LogRecorded(ILogger logger, string station, string platform, [PrivateData] string staffId);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "Intervention {InterventionId}: {Description}")]
    private static partial void LogDescription(ILogger logger, string interventionId, string? description);
}
