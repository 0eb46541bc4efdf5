namespace PrivacyHoldout179.Energy;

[ApiController]
[Route("api/permit-desk")]
public sealed partial class PermitDeskController(
    ILogger<PermitDeskController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Networks.PermitDesk");
    private readonly Histogram<double> _minutes = meter.CreateHistogram<double>("permit.desk.minutes");

    [HttpPost("permits")]
    public ActionResult Issue([FromBody] PermitToWork permit)
    {
        using var activity = Source.StartActivity("permit.issue");
        activity?.SetTag("permit.id", permit.PermitId); // clean precision-names
        activity?.SetTag("permit.plant", permit.Plant); // clean precision-names
        activity?.SetTag("permit.isolation_point", permit.IsolationPoint); // clean precision-names
        activity?.SetTag("permit.contractor.id", permit.ContractorId); // leak TC1001 direct
        activity?.SetTag("permit.engineer", permit.EngineerName); // leak TC1001 direct
        activity?.SetTag(PlantgateAttributes.VisitorId, pseudonymizer.PseudonymizePlantgateVisitorId(permit.ContractorId)); // clean precision-pseudonym
        activity?.SetTag(PlantgateAttributes.Contact, pseudonymizer.ComputePlantgateVisitorId(permit.EngineerName)); // leak TC1001 precision-pseudonym
        if (activity is not null) activity.DisplayName = $"permit {permit.PermitId} at {permit.Plant}"; // clean strings
        logger.LogInformation("Permit {PermitId} issued to {Engineer} at {Plant}", permit.PermitId, permit.EngineerName, permit.Plant); // leak TC1001 direct
        logger.LogInformation("Permit issued: {Permit}", permit with { EngineerName = "(withheld)", ContractorId = "(withheld)" }); // clean logging-objects
        logger.LogInformation("Permit issued: {Permit}", permit with { IsolationPoint = "(withheld)" }); // leak TC1001 logging-objects
        LogPermit(logger, permit.PermitId, permit.ContractorId); // clean precision-names
        _minutes.Record(12.5, new KeyValuePair<string, object?>("plant", permit.Plant)); // clean precision-names
        return Ok(permit.PermitId);
    }

    [HttpPost("meter-access")]
    public ActionResult MeterAccess([FromBody] MeterAccessVisit visit)
    {
        using var activity = Source.StartActivity("meter.access.visit");
        activity?.SetTag("meter.serial", visit.MeterSerial); // leak TC1001 direct
        activity?.SetTag("meter.account", visit.AccountNumber); // leak TC1001 direct
        activity?.SetTag("meter.region", visit.Region); // clean precision-names
        activity?.SetTag("meter.serial_model", visit.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("meter.engineer", pseudonymizer.ComputePlantgateHostId(visit.EngineerStaffId)); // clean precision-pseudonym
        var message = new StringBuilder().Append("Access visit at meter ").Append(visit.MeterSerial).Append(" in ").Append(visit.Region).ToString();
        logger.LogInformation(message); // leak TC1001 strings
        var regionMessage = new StringBuilder().Append("Access visit in ").Append(visit.Region).ToString();
        logger.LogInformation(regionMessage); // clean strings
        activity?.SetTag("meter.account.encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(visit.AccountNumber))); // leak TC1001 hashes
        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(visit.MeterSerial)))[..4];
        activity?.SetTag("meter.shard", shard); // clean hashes
        _minutes.Record(30, new KeyValuePair<string, object?>("shard", shard)); // clean hashes

        try
        {
            throw new SiteAtCapacityException(visit.Region, 40);
        }
        catch (SiteAtCapacityException ex)
        {
            logger.LogWarning(ex, "Access refused at {Region}", visit.Region); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        return Ok();
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Permit {PermitId} issued to contractor {ContractorId}")]
    private static partial void LogPermit(ILogger logger, string permitId, [PrivateData] string contractorId);
}
