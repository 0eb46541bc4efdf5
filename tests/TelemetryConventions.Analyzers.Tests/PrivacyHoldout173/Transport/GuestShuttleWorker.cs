namespace PrivacyHoldout173.Transport;

/// <summary>Runs guest shuttles between the ceremony, the reception venue and the hotels; posts manifests to drivers.</summary>
public sealed class GuestShuttleWorker(
    IQueueReceiver<ShuttleManifest> receiver,
    ILogger<GuestShuttleWorker> logger,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Private.Shuttles");
    private static readonly Meter Meter = new("Operator.Private.Shuttles");
    private static readonly Counter<long> Boarded = Meter.CreateCounter<long>("shuttles.guests.boarded");

    private ShuttleManifest? _lastOverbooked;
    private readonly List<string> _leftBehind = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var manifest = await receiver.ReceiveAsync(stoppingToken);
            if (manifest is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("shuttle.run");
            activity?.SetTag("shuttle.run", manifest.RunId); // clean precision-names
            activity?.SetTag("shuttle.route", manifest.Route); // clean precision-about
            activity?.SetTag("shuttle.coach", manifest.Coach); // clean precision-about
            activity?.SetTag("shuttle.guests", manifest.GuestNames.Count); // clean precision-about
            Boarded.Add(manifest.GuestNames.Count, new KeyValuePair<string, object?>("route", manifest.Route)); // clean precision-about
            logger.LogInformation("Manifest {Manifest}", manifest); // clean logging-objects
            logger.LogInformation("Manifest {@Guests}", manifest.GuestNames); // leak TC1001 logging-objects

            if (manifest.GuestNames.Count > 49)
            {
                _lastOverbooked = manifest;
                _leftBehind.AddRange(manifest.GuestNames.Skip(49));
                activity?.SetStatus(ActivityStatusCode.Error, $"Overbooked by {manifest.GuestNames.Count - 49}"); // clean strings
                activity?.SetStatus(ActivityStatusCode.Error, $"Left behind: {manifest.GuestNames[^1]}"); // leak TC1001 strings
            }

            foreach (var name in manifest.GuestNames)
            {
                var seatGroup = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(name))[0] % 4;
                Boarded.Add(1, new KeyValuePair<string, object?>("seat_group", seatGroup)); // clean hashes
                var sample = (uint)name.GetHashCode() % 100;
                activity?.SetTag("shuttle.sample", sample); // leak TC1002 hashes
            }
        }
    }

    public void ReportLeftBehind()
    {
        logger.LogWarning("Guests left behind: {Names}", string.Join(", ", _leftBehind)); // leak TC1001 cross-member
        logger.LogWarning("{Count} guests left behind on run {RunId}", _leftBehind.Count, _lastOverbooked?.RunId); // clean cross-member
        Activity.Current?.SetTag("shuttle.left_behind.first", _leftBehind.FirstOrDefault()); // leak TC1001 cross-member
    }
}
