namespace PrivacyHoldout136.Transport;

public sealed record DriverBadge(string CardNumber, string StaffNumber, string DriverName, string Depot, bool LicenceCheckCurrent);

/// <summary>Consumes the bus depot gates' access events: drivers badge in at the start of a duty, the yard barrier checks the licence check is current.</summary>
public sealed class DepotGateAccessConsumer(
    IConsumer<string, AccessEvent> consumer,
    IReadOnlyDictionary<string, DriverBadge> badges,
    ILogger<DepotGateAccessConsumer> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private readonly Counter<long> _badgeIns = meter.CreateCounter<long>("depot.badge_ins");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = activitySource.StartActivity("depot.gate_event");
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
            var accessEvent = result.Message.Value;
            activity?.SetTag("depot.gate", accessEvent.DoorId); // clean precision-names

            if (!badges.TryGetValue(accessEvent.CardNumber, out var badge))
            {
                logger.LogWarning("Unknown badge {CardNumber} at {Gate}", accessEvent.CardNumber, accessEvent.DoorId); // leak TC1001 direct
                consumer.Commit(result);
                continue;
            }

            activity?.SetTag("stationpark.staff.id", pseudonymizer.ComputeStationparkStaffId(badge.StaffNumber)); // clean precision-pseudonym
            activity?.SetTag("depot.licence_check_current", badge.LicenceCheckCurrent); // clean precision-about
            activity?.SetTag("depot.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(badge.StaffNumber))[0] % 4); // clean hashes
            _badgeIns.Add(1, new KeyValuePair<string, object?>("depot", badge.Depot)); // clean precision-names
            _badgeIns.Add(0, new KeyValuePair<string, object?>("driver", badge.DriverName)); // leak TC1003 direct

            if (!badge.LicenceCheckCurrent)
            {
                logger.LogStationparkAccessDeniedEvent(badge.Depot, "licence-check-due", stationparkNote: $"{badge.DriverName} licence check overdue"); // leak TC1001 generated-api
                logger.LogWarning("Driver badge refused {Badge}", badge); // leak TC1001 logging-objects
            }

            var badgeRef = HashCode.Combine(badge.CardNumber);
            activity?.SetTag("depot.badge_ref", badgeRef); // leak TC1002 hashes
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
