namespace PrivacyHoldout145.Energy;

/// <summary>
/// Reads comms hubs' signal reports from the <c>hubs.signal</c> topic, which the head-end keys by the hub's GUID,
/// and raises an outage when many hubs on one cell fall silent. Cells and masts are the network's; a hub sits in a
/// home.
/// </summary>
public sealed class HubSignalConsumer(
    IConsumer<string, HubSignalReport> reports,
    IHubRegistry registry,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HubSignalConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Metering.Signal");

    private readonly Histogram<int> _rsrp = meter.CreateHistogram<int>("metering.hub.rsrp", "dBm");
    private readonly Counter<long> _weak = meter.CreateCounter<long>("metering.hub.weak_signal", "{report}");

    private readonly Dictionary<string, int> _weakHubsByGuid = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (reports.Consume(stoppingToken) is not { } result)
            {
                continue;
            }

            var report = result.Message.Value;
            using var span = Source.StartCommshubOperation("national", "hubs.signal receive");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("commshub.cell.id", report.CellId); // clean precision-names
            _rsrp.Record(report.RsrpDbm, new KeyValuePair<string, object?>("network", report.Network), new KeyValuePair<string, object?>("firmware", report.Firmware)); // clean precision-about
            logger.LogDebug("Signal report {Report}", report); // clean logging-objects

            if (report.RsrpDbm < -115)
            {
                _weakHubsByGuid[result.Message.Key] = report.RsrpDbm;
                _weak.Add(1, new KeyValuePair<string, object?>("cell", report.CellId)); // clean precision-names
                _weak.Add(1, new KeyValuePair<string, object?>("hub", result.Message.Key)); // leak TC1003 direct
                var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(result.Message.Key))[0] % 32;
                _weak.Add(1, new KeyValuePair<string, object?>("hub.shard", shard)); // clean hashes
                Activity.Current?.SetTag("commshub.hub.digest", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(result.Message.Key)))); // leak TC1002 hashes
            }

            reports.Commit(result);
        }
    }

    public async Task CheckCellAsync(string cellId, CancellationToken ct)
    {
        var hubs = await registry.OnCellAsync(cellId, ct);
        var silent = hubs.Where(h => !_weakHubsByGuid.ContainsKey(h.HubGuid)).ToList();
        if (silent.Count > 20)
        {
            var outage = new MastOutageException(cellId, silent.Count);
            Activity.Current?.AddException(outage); // clean exceptions
            logger.LogError(outage, "Outage raised for cell {CellId}", outage.CellId); // clean exceptions
            logger.LogWarning("Silent hubs on {CellId}: {Hubs}", cellId, silent.Select(h => h.HubGuid)); // leak TC1001 direct
            logger.LogWarning("Silent hubs on {CellId}: {Hubs}", cellId, silent.Select(h => pseudonymizer.Pseudonymize("household.hub", h.HubGuid).Value)); // clean precision-pseudonym
            logger.LogDebug("First silent hub {Hub}", silent[0]); // leak TC1001 logging-objects
        }
    }

    public void ReportWeakHubs()
    {
        logger.LogInformation("Hubs with weak signal: {Hubs}", string.Join(";", _weakHubsByGuid.Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 cross-member
        logger.LogInformation("Hubs with weak signal: {Count}, worst {Worst} dBm", _weakHubsByGuid.Count, _weakHubsByGuid.Values.DefaultIfEmpty(0).Min()); // clean cross-member
    }
}
