namespace PrivacyHoldout160.Education;

/// <summary>Reads the weekly checks of the trust's school defibrillators and raises faults.</summary>
public sealed class DefibrillatorCheckWorker(
    IQueueReceiver<AedCheck> receiver,
    ILogger<DefibrillatorCheckWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private readonly ObservableGauge<int> battery = meter.CreateObservableGauge("schoolcare.aed.battery", () => 0);
    private readonly Dictionary<string, int> batteryBySerial = new();
    private string? lastChecker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var check = await receiver.ReceiveAsync(stoppingToken);
            if (check is null)
            {
                continue;
            }

            Handle(check);
        }
    }

    private void Handle(AedCheck check)
    {
        using var span = source.StartSchoolcareOperation(check.School);
        span.SetSchoolcareDeviceModel(check.AedSerial[..3]); // clean generated-api
        span.SetSchoolcareStaffId(pseudonymizer.PseudonymizeSchoolcareStaffId(check.CheckedByStaffId)); // clean generated-api
        span.SetSchoolcareNote($"AED {check.AedSerial} at {check.Location}"); // clean generated-api
        Activity.Current?.SetTag("aed.serial", check.AedSerial); // clean precision-names
        Activity.Current?.SetTag("aed.location", check.Location); // clean precision-about
        Activity.Current?.SetTag("aed.checked_by", check.CheckedByStaffId); // leak TC1001 direct
        batteryBySerial[check.AedSerial] = check.BatteryPercent;
        lastChecker = check.CheckedByStaffId;
        meter.CreateSchoolcareOperationsCounter().Add(1, check.School, schoolcareOutcome: check.PadsInDate ? "ok" : "pads-expired"); // clean generated-api
        logger.LogInformation("Check {Check}", check); // leak TC1001 logging-objects

        if (check.BatteryPercent < 20)
        {
            var fault = new AedFaultException(check.AedSerial, "battery");
            logger.LogError(fault, "Defibrillator fault at {School}", check.School); // clean exceptions
            span.SetSchoolcareNote(fault.Message); // clean exceptions
            logger.LogSchoolcareOperationFailedEvent(check.School, "battery", schoolcareNote: $"checked by {lastChecker}"); // leak TC1001 cross-member
        }
    }

    public void Report()
    {
        foreach (var (serial, percent) in batteryBySerial)
        {
            logger.LogInformation("AED {Serial} battery {Percent}%", serial, percent); // clean precision-names
        }

        logger.LogInformation("Last check done by {Checker}", lastChecker); // leak TC1001 cross-member
        logger.LogInformation("Last check done by {Checker}", pseudonymizer.ComputeSchoolcareStaffId(lastChecker ?? string.Empty)); // clean precision-pseudonym
    }
}
