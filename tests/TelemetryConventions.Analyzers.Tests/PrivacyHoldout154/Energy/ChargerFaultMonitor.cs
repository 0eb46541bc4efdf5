namespace PrivacyHoldout154.Energy;

/// <summary>Pings customers' home chargers and the showroom's demonstrator chargers, and raises faults to the installer team.</summary>
public sealed class ChargerFaultMonitor
{
    private readonly IChargerPlatform _platform;
    private readonly ILogger<ChargerFaultMonitor> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Dictionary<string, DateTimeOffset> _offlineSince = new();
    private readonly IReadOnlyList<string> _showroomChargers;

    public ChargerFaultMonitor(IChargerPlatform platform, ILogger<ChargerFaultMonitor> logger, Pseudonymizer pseudonymizer, Meter meter, IReadOnlyList<string> showroomChargers)
    {
        _platform = platform;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _showroomChargers = showroomChargers;
        meter.CreateObservableGauge("evhome.chargers.offline_hours", () => _offlineSince.Select(kv => new Measurement<double>((DateTimeOffset.UtcNow - kv.Value).TotalHours, new KeyValuePair<string, object?>("charger.serial", kv.Key)))); // leak TC1003 cross-member
        meter.CreateObservableGauge("evhome.chargers.offline", () => _offlineSince.Count); // clean cross-member
    }

    public async Task SweepAsync(IReadOnlyList<HomeChargerInstall> installs, CancellationToken cancellationToken)
    {
        foreach (var install in installs)
        {
            if (await _platform.PingAsync(install.ChargerSerial, cancellationToken))
            {
                _offlineSince.Remove(install.ChargerSerial);
                continue;
            }

            _offlineSince.TryAdd(install.ChargerSerial, DateTimeOffset.UtcNow);
            var fault = new ChargerOfflineException(install.ChargerSerial);
            _logger.LogWarning(fault, "Home charger offline for household {Household}", _pseudonymizer.ComputeEvhomeHouseholdId(install.AccountNumber)); // leak TC1001 exceptions
            _logger.LogWarning("Home charger offline ({Type}) for household {Household}", fault.GetType().Name, _pseudonymizer.ComputeEvhomeHouseholdId(install.AccountNumber)); // clean precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("charger.offline", tags: new ActivityTagsCollection { ["installer"] = install.InstallerStaffId })); // leak TC1001 direct
        }

        foreach (var serial in _showroomChargers)
        {
            if (!await _platform.PingAsync(serial, cancellationToken))
            {
                _logger.LogWarning("Showroom charger {Serial} offline", serial); // clean precision-names
            }
        }
    }
}
