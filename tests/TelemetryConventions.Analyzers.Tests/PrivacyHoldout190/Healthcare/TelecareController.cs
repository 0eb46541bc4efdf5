namespace PrivacyHoldout190.Healthcare;

public sealed record TelecareAlertRequest(string NhsNumber, string HubSerial, string AlertKind, string? CallerNote, int SensorCount);

public sealed record TelecareVisitNote(string NhsNumber, string PatientName, string KeySafeCode, string CarerName);

public sealed record SensorSummary(string AlertKind, int SensorCount, int OfflineSensors, string Region);

[ApiController]
[Route("telecare")]
public sealed partial class TelecareController(
    ActivitySource source,
    Meter meter,
    ILogger<TelecareController> logger,
    Pseudonymizer pseudonymizer,
    IHouseholdStore households,
    IDeviceRegistry devices,
    INotificationSender notifications,
    TelemetrySecrets secrets,
    SmartHomeOptions options) : ControllerBase
{
    private static readonly Counter<long> AlertsRaised = new Meter("Telecare.Alerts").CreateCounter<long>("telecare.alerts.raised");

    private string? _lastNhsNumber;
    private string? _lastHubSerial;

    [HttpPost("alerts")]
    public async Task<ActionResult> RaiseAlert([FromBody] TelecareAlertRequest request, CancellationToken cancellationToken)
    {
        _lastNhsNumber = request.NhsNumber;
        _lastHubSerial = request.HubSerial;
        var activity = Activity.Current;
        activity?.SetTag("telecare.alert.kind", request.AlertKind); // clean precision-names
        activity?.SetTag("telecare.sensor.count", request.SensorCount); // clean precision-about
        activity?.SetTag("telecare.patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("telecare.hub.serial", request.HubSerial); // leak TC1001 direct
        activity?.SetTag("telecare.patient", pseudonymizer.PseudonymizeCarewatchClientId(request.NhsNumber)); // clean precision-pseudonym
        activity?.SetTag("telecare.hub.model_prefix", request.HubSerial[..3]); // clean precision-about
        logger.LogInformation("Alert {AlertKind} raised for patient {NhsNumber}", request.AlertKind, request.NhsNumber); // leak TC1001 direct
        logger.LogInformation("Alert {AlertKind} raised with {SensorCount} sensors", request.AlertKind, request.SensorCount); // clean precision-names
        AlertsRaised.Add(1, new KeyValuePair<string, object?>("alert.kind", request.AlertKind)); // clean precision-names
        AlertsRaised.Add(1, new KeyValuePair<string, object?>("hub.serial", request.HubSerial)); // leak TC1003 direct

        using var span = source.StartCarewatchOperation(options.Region)
            .SetCarewatchClientId(pseudonymizer.PseudonymizeCarewatchClientId(request.NhsNumber)) // clean generated-api
            .SetCarewatchDeviceKind("hub") // clean generated-api
            .SetCarewatchReadings(request.SensorCount); // clean generated-api
        span.SetCarewatchNote($"caller said: {request.CallerNote}"); // leak TC1001 generated-api

        var household = await households.FindAsync(request.HubSerial, cancellationToken);
        if (household is null)
        {
            var notFound = new HouseholdNotFoundException(request.HubSerial);
            activity?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("No household for hub: {Reason}", notFound.GetType().Name); // clean exceptions
            return NotFound();
        }

        activity?.SetTag("telecare.postcode_district", household.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("telecare.contact.email_domain", household.Email[(household.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(CarewatchAttributes.Contact, household.Phone); // leak TC1001 generated-api
        logger.LogInformation("Calling responder for {Holder}", household.AccountHolderName); // leak TC1001 direct
        await notifications.SendAsync(household.Phone, "A telecare alert was raised", cancellationToken);
        meter.CreateCarewatchOperationsCounter().Add(1, options.Region, "ok"); // clean generated-api
        return Ok();
    }

    [HttpPost("visits")]
    public ActionResult RecordVisit([FromBody] TelecareVisitNote note)
    {
        logger.LogInformation("Visit recorded {@Visit}", note); // leak TC1001 logging-objects
        logger.LogInformation("Visit recorded {Visit}", note with { KeySafeCode = "****" }); // leak TC1001 logging-objects
        logger.LogInformation("Visit recorded {Visit}", new { carerCount = 1, hasNote = note.CarerName.Length > 0 }); // clean logging-objects
        var summary = new SensorSummary("visit", 4, 0, options.Region);
        logger.LogInformation("Sensors after visit {@Summary}", summary); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("telecare.visit", tags: new ActivityTagsCollection { ["key_safe.code"] = note.KeySafeCode })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("telecare.visit", tags: new ActivityTagsCollection { ["visit.carers"] = 1 })); // clean precision-about
        LogVisitRedacted(logger, note.NhsNumber, note.PatientName); // clean logging-objects
        LogVisitPlain(logger, note.NhsNumber); // leak TC1001 logging-objects
        return Ok();
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("telecare.last.patient", _lastNhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("telecare.last.hub", _lastHubSerial); // leak TC1001 cross-member
        Activity.Current?.SetTag("telecare.last.hub_known", _lastHubSerial is not null); // clean cross-member
        Activity.Current?.SetTag("telecare.last.patient_shard", ShardOf(_lastNhsNumber ?? string.Empty)); // clean hashes
        Activity.Current?.SetTag("telecare.last.patient_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastNhsNumber ?? string.Empty)))); // leak TC1002 hashes
        Activity.Current?.SetTag("telecare.last.hub_hash", (_lastHubSerial ?? string.Empty).GetHashCode()); // leak TC1002 hashes
        return Ok();
    }

    [HttpGet("devices/{householdId}")]
    public async Task<ActionResult> Devices(string householdId, CancellationToken cancellationToken)
    {
        try
        {
            var list = await devices.ForHouseholdAsync(householdId, cancellationToken);
            Activity.Current?.SetTag("telecare.devices.count", list.Count); // clean precision-about
            Activity.Current?.SetTag("telecare.devices.models", string.Join(",", list.Select(d => d.Model).Distinct())); // clean strings
            Activity.Current?.SetTag("telecare.devices.serials", string.Join(",", list.Select(d => d.SerialNumber))); // leak TC1001 strings
            logger.LogInformation("Devices listed for household {Household}", pseudonymizer.ComputeCarewatchClientId(householdId)); // clean precision-pseudonym
            return Ok(list.Count);
        }
        catch (DeviceUnreachableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogCarewatchOperationFailedEvent(options.Region, "offline", carewatchNote: ex.Message); // clean generated-api
            meter.CreateCarewatchOperationDurationHistogram().Record(0.2, options.Region); // clean generated-api
            return BadRequest();
        }
        catch (DeviceClaimConflictException ex)
        {
            logger.LogError(ex, "Claim conflict"); // leak TC1001 exceptions
            logger.LogCarewatchOperationFailedEvent(options.Region, "conflict", carewatchClientId: pseudonymizer.PseudonymizeCarewatchClientId(householdId), carewatchNote: ex.Message); // leak TC1001 generated-api
            return BadRequest();
        }
    }

    private string ShardOf(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value)))[..2];

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Visit recorded for {NhsNumber} ({PatientName})")]
    private static partial void LogVisitRedacted(ILogger logger, [PrivateData] string nhsNumber, [PrivateData] string patientName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Visit recorded for {NhsNumber}")]
    private static partial void LogVisitPlain(ILogger logger, string nhsNumber);
}
