namespace PrivacyHoldout145.Transport;

/// <summary>
/// Once a day, pulls each train's Wi-Fi sessions and modem stats for the capacity planners: megabytes and minutes
/// per train and route, heavy users for the fair-use policy, and the trains' 4G modems. A modem and its SIM are
/// the operator's; a session belongs to a passenger's device.
/// </summary>
public sealed class WifiUsageExporter(
    IPortalStore store,
    Func<string, TrainModem> modemOf,
    TelemetrySecrets secrets,
    ILogger<WifiUsageExporter> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Rail.Wifi.Usage");

    private readonly Histogram<long> _megabytes = meter.CreateHistogram<long>("wifi.session.megabytes", "MB");
    private readonly Counter<long> _fairUse = meter.CreateCounter<long>("wifi.fair_use.flags", "{session}");

    private readonly List<string> _fairUseDevices = new();

    public async Task ExportAsync(string trainId, string route, DateOnly day, CancellationToken ct)
    {
        using var span = Source.StartOnboardwifiOperation(trainId, "wifi.export");
        var sessions = await store.SessionsAsync(trainId, day, ct);
        span.SetOnboardwifiSessionCount(sessions.Count); // clean precision-about
        var modem = modemOf(trainId);
        Activity.Current?.SetTag("onboardwifi.modem.iccid", modem.Iccid); // clean precision-names
        logger.LogInformation("Modem {Modem}", modem); // clean logging-objects

        foreach (var session in sessions)
        {
            _megabytes.Record(session.Megabytes, new KeyValuePair<string, object?>("route", route)); // clean precision-about
            if (session.Megabytes > 2_000)
            {
                _fairUseDevices.Add(session.DeviceMac);
                _fairUse.Add(1, new KeyValuePair<string, object?>("device.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(session.DeviceMac))[0] % 16)); // clean hashes
                Activity.Current?.SetTag("onboardwifi.fair_use.device", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(session.DeviceMac)))[..16]); // leak TC1002 hashes
                logger.LogInformation("Fair-use flag {Session}", session); // leak TC1001 logging-objects
            }
        }
    }

    public void ReportFairUse()
    {
        logger.LogWarning("Devices over fair use: {Devices}", _fairUseDevices); // leak TC1001 cross-member
        logger.LogWarning("Devices over fair use: {Count}", _fairUseDevices.Distinct().Count()); // clean cross-member
    }
}
