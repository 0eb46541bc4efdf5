namespace PrivacyHoldout128.Media;

public sealed record HouseholdVerdict(Guid SubscriberId, string HomeIp, int DevicesOutside, bool NeedsExtraMember);

public interface IDeviceSightings
{
    Task<IReadOnlyList<AccountDevice>> ForSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Guid> SubscribersToCheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>Weekly: decides which devices watch outside the account's household and offers the owner an extra member slot.</summary>
public sealed class HouseholdDeviceCheckWorker(
    IDeviceSightings sightings,
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HouseholdDeviceCheckWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Stream.HouseholdCheck");
    private static readonly Meter Meter = new("Stream.HouseholdCheck");
    private static readonly Counter<long> Verdicts = Meter.CreateCounter<long>("stream.household.verdicts");
    private static readonly Histogram<int> Outside = Meter.CreateHistogram<int>("stream.household.devices_outside");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var subscriberId in sightings.SubscribersToCheckAsync(stoppingToken))
        {
            using var span = Source.StartFamstreamHouseholdChange("standard");
            span.SetFamstreamMemberId(pseudonymizer.PseudonymizeFamstreamMemberId(subscriberId.ToString())); // clean precision-pseudonym
            var devices = await sightings.ForSubscriberAsync(subscriberId, stoppingToken);
            var homeIp = devices.GroupBy(d => d.HomeIp).OrderByDescending(g => g.Count()).First().Key;
            var outside = devices.Where(d => d.HomeIp != homeIp).ToList();
            var verdict = new HouseholdVerdict(subscriberId, homeIp, outside.Count, outside.Count > 1);

            Activity.Current?.SetTag("household.devices", devices.Count); // clean precision-about
            Activity.Current?.SetTag("household.device_classes", string.Join(",", devices.Select(d => d.DeviceClass).Distinct())); // clean precision-about
            Activity.Current?.SetTag("household.home_ip", homeIp); // leak TC1001 direct
            Activity.Current?.SetTag("household.home_network", string.Join('.', homeIp.Split('.').Take(2))); // clean precision-about
            Activity.Current?.SetTag("household.outside_devices", outside.Select(d => d.DeviceId).ToArray()); // leak TC1001 direct
            logger.LogInformation("Household verdict {Verdict}", verdict); // leak TC1001 logging-objects
            logger.LogInformation("{Outside} devices outside, extra member {Needs}", verdict.DevicesOutside, verdict.NeedsExtraMember); // clean precision-about
            Outside.Record(outside.Count, new KeyValuePair<string, object?>("extra_member", verdict.NeedsExtraMember)); // clean precision-about
            Verdicts.Add(1, new KeyValuePair<string, object?>("home_ip", homeIp)); // leak TC1003 direct

            var sample = KeyedDigest.Shard(secrets.ShardKey, subscriberId.ToString(), 100) == "0";
            Activity.Current?.SetTag("household.sampled", sample); // clean hashes
            var networkKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(homeIp)))[..16];
            Activity.Current?.SetTag("household.network_key", networkKey); // leak TC1002 hashes

            if (verdict.NeedsExtraMember)
            {
                var first = outside[0];
                span.SetFamstreamOutcome("extra-member-offered").SetFamstreamNote($"device {first.DeviceId} outside household"); // leak TC1001 generated-api
                span.Activity?.AddEvent(new ActivityEvent("household.offer", tags: new ActivityTagsCollection { ["device.class"] = first.DeviceClass, ["device.last_seen"] = first.LastSeen.ToString("O") })); // clean precision-about
            }
        }
    }
}
