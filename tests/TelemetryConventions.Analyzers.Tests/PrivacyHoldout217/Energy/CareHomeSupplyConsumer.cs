namespace PrivacyHoldout217.Energy;

/// <summary>A supplier's consumer of care-home meter readings and residents' room heating alerts.</summary>
public sealed partial class CareHomeSupplyConsumer(IConsumer<string, MeterReading> readings, IConsumer<string, string> heatingAlerts, CareRecords records, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<CareHomeSupplyConsumer> logger) : BackgroundService
{
    private readonly Histogram<double> _kwh = meter.CreateHistogram<double>("carehome.supply.kwh", "kWh");
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("carehome.heating.alerts");
    private string _lastAlertResident = string.Empty;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var reading = readings.Consume(stoppingToken);
            if (reading is not null)
            {
                Handle(reading);
                readings.Commit(reading);
            }

            var alert = heatingAlerts.Consume(stoppingToken);
            if (alert is not null)
            {
                HandleAlert(alert);
            }
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, MeterReading> result)
    {
        var reading = result.Message.Value;
        using var activity = source.StartActivity("supply.reading");
        activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("supply.home.id", reading.HomeId); // clean precision-names
        activity?.SetTag("supply.site.meter_serial", reading.MeterSerial); // clean precision-names
        activity?.SetTag("supply.room_band", reading.RoomBand); // clean precision-names
        _kwh.Record((double)reading.Kwh, new KeyValuePair<string, object?>("home", reading.HomeId)); // clean precision-names
        logger.LogInformation("Reading {@Reading}", reading); // clean logging-objects
        logger.LogInformation("Reading {ReadingId} {Kwh} kWh", reading.ReadingId, reading.Kwh); // clean precision-names
    }

    // Alerts are keyed by the resident id: a room sensor saw the temperature fall below 18 °C.
    private void HandleAlert(ConsumeResult<string, string> result)
    {
        var residentId = result.Message.Key;
        _lastAlertResident = residentId;
        using var activity = source.StartActivity("heating.alert");
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
        activity?.SetTag("heating.alert.reading", result.Message.Value); // clean precision-names
        var resident = records.FindResident(residentId);
        activity?.SetTag("heating.resident.dob", resident.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("heating.resident.age_band", resident.DateOfBirth.Year < 1946 ? "80+" : "under-80"); // clean precision-about
        _alerts.Add(1, new KeyValuePair<string, object?>("wing", resident.Wing)); // clean precision-names
        _alerts.Add(1, new KeyValuePair<string, object?>("resident", residentId)); // leak TC1003 direct
        var client = pseudonymizer.PseudonymizeWarmroomClientId(residentId);
        using var span = source.StartWarmroomOperation(resident.HomeId); // clean generated-api
        span.SetWarmroomClientId(client); // clean generated-api
        span.SetWarmroomOutcome("alerted"); // clean generated-api
        span.SetWarmroomNote($"Room cold for {resident.FullName}"); // leak TC1001 generated-api
        meter.CreateWarmroomOperationsCounter().Add(1, resident.HomeId, "alerted"); // clean generated-api
        logger.LogInformation("Cold room alert for {Client}", client); // clean precision-pseudonym
        logger.LogInformation("Cold room alert for {Client}", pseudonymizer.ComputeWarmroomClientId(residentId)); // clean precision-pseudonym
        logger.LogInformation("Cold room alert for {Client}", Pseudonym.FromComputed(residentId)); // leak TC1001 precision-pseudonym
        LogPriorityRegister(logger, resident.NhsNumber, resident.HomeId); // clean precision-names
        LogFamilyWarned(logger, records.FamilyOf(residentId)[0].Phone); // leak TC1001 direct
        NotifyFamily(residentId);
    }

    private void NotifyFamily(string residentId)
    {
        var family = records.FamilyOf(residentId);
        foreach (var contact in family)
        {
            logger.LogInformation("Warning family member {Relationship} of alert", contact.Relationship); // clean precision-names
            logger.LogInformation("Warning family {Contact}", new { contact.Name, contact.Relationship }); // leak TC1001 logging-objects
            Activity.Current?.SetTag("heating.family.contact_id", contact.ContactId); // clean precision-names
        }

        Activity.Current?.SetTag("heating.alert.resident", _lastAlertResident); // leak TC1001 cross-member
        Activity.Current?.SetTag("heating.alert.resident_known", !string.IsNullOrEmpty(_lastAlertResident)); // clean cross-member
        Activity.Current?.SetTag("heating.alert.resident_hash", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(_lastAlertResident)))); // leak TC1002 hashes
    }

    public void ReportFunding(string residentId)
    {
        var funding = records.Funding(residentId);
        logger.LogInformation("Winter fuel support for funding {@Funding}", funding); // clean logging-objects
        logger.LogInformation("Council {Council} band {Band}", records.CouncilFor(residentId), funding.Band); // clean precision-about
        try
        {
            throw new ResidentNotFoundException(residentId);
        }
        catch (ResidentNotFoundException ex)
        {
            logger.LogWarning("Funding lookup failed: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Funding lookup failed: {ErrorType}", ex.GetType().Name); // clean exceptions
            logger.LogWarmroomOperationFailedEvent("HOME-12", "failed", pseudonymizer.PseudonymizeWarmroomClientId(residentId), "lookup failed"); // clean generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Priority services register entry {NhsNumber} at {HomeId}")]
    private static partial void LogPriorityRegister(ILogger logger, [PrivateData] string nhsNumber, string homeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Family warned on {Phone}")]
    private static partial void LogFamilyWarned(ILogger logger, string phone);
}
