namespace PrivacyHoldout150.Energy;

public interface ISolarGroups
{
    Task<SolarGroup?> NearestAsync(string postcode, CancellationToken cancellationToken = default);

    Task JoinAsync(string groupId, string mpan, double shareKw, CancellationToken cancellationToken = default);
}

/// <summary>
/// Matches households to a community solar group on their street or substation. Applications arrive on a topic keyed by
/// the household's MPAN.
/// </summary>
public sealed class CommunitySolarConsumer(
    IConsumer<string, SolarApplication> consumer,
    ISolarGroups groups,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CommunitySolarConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _applications = meter.CreateCounter<long>("chargeshare.solar.applications");
    private readonly Queue<string> _rejectedMpans = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("solar.apply", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            await ApplyAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task ApplyAsync(SolarApplication application, CancellationToken cancellationToken)
    {
        using var span = source.StartChargeshareOperation("south-east");
        span.SetChargeshareHouseholdId(pseudonymizer.PseudonymizeChargeshareHouseholdId(application.Mpan)); // clean precision-pseudonym
        span.SetChargeshareGroup(application.GroupId); // clean generated-api
        Activity.Current?.SetTag("solar.share_kw", application.ShareKw); // clean precision-about
        Activity.Current?.SetTag("solar.mpan.distributor", application.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("solar.meter", application.MeterSerial); // leak TC1001 direct
        var group = await groups.NearestAsync(application.Postcode, cancellationToken);
        if (group is null || group.CapacityKw < application.ShareKw)
        {
            _rejectedMpans.Enqueue(application.Mpan);
            var ex = new GroupCapacityException(application.GroupId, group?.CapacityKw ?? 0);
            logger.LogWarning(ex, "Application refused"); // clean exceptions
            span.SetChargeshareOutcome("refused"); // clean generated-api
            _applications.Add(1, new KeyValuePair<string, object?>("solar.outcome", "refused"), new KeyValuePair<string, object?>("solar.substation", group?.Substation)); // clean precision-about
            meter.CreateChargeshareBookingsCounter().Add(1, "south-east", $"refused:{application.Mpan}"); // leak TC1003 generated-api
            return;
        }

        await groups.JoinAsync(group.GroupId, application.Mpan, application.ShareKw, cancellationToken);
        logger.LogInformation("Joined {@Group}", group); // clean logging-objects
        logger.LogInformation("Joined {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Household {HouseholdId} joined {GroupId}", pseudonymizer.ComputeChargeshareHouseholdId(application.Mpan), group.GroupId); // clean precision-pseudonym
        Activity.Current?.SetTag("solar.household", pseudonymizer.Pseudonymize("household", application.Mpan)); // clean precision-pseudonym
        Activity.Current?.SetTag(ChargeshareAttributes.Contact, pseudonymizer.ComputeChargeshareHouseholdId(application.Mpan)); // leak TC1001 precision-pseudonym
        _applications.Add(1, new KeyValuePair<string, object?>("solar.household", pseudonymizer.PseudonymizeChargeshareHouseholdId(application.Mpan))); // leak TC1003 precision-pseudonym
    }

    /// <summary>Reported to the distribution network operator every evening.</summary>
    public void ReportRejected()
    {
        logger.LogInformation("{Count} applications refused for capacity", _rejectedMpans.Count); // clean cross-member
        logger.LogInformation("Refused MPANs: {Mpans}", string.Join(",", _rejectedMpans)); // leak TC1001 cross-member
    }
}
