namespace PrivacyHoldout141.Energy;

/// <summary>
/// Reads the pass taps from the shuttles' readers (the gate-taps topic is keyed by the site pass number),
/// checks each pass against the site access system and closes a run when the shuttle reaches the gatehouse,
/// so that the muster list knows who rode in.
/// </summary>
public sealed class ShuttleBoardingConsumer(
    IConsumer<string, BoardingTap> consumer,
    ISiteAccessClient access,
    IShuttleScheduler scheduler,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<ShuttleBoardingConsumer> logger) : BackgroundService
{
    private const string Site = "hartlepool-b";
    private readonly Counter<long> _taps = meter.CreateCounter<long>("siteshuttle.taps", "{tap}");
    private readonly HashSet<string> _contractorsAboard = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("siteshuttle.tap", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(BoardingTap tap, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("siteshuttle.shuttle", tap.ShuttleFleetNumber); // clean precision-names
        activity?.SetTag("siteshuttle.stop", tap.Stop);
        _taps.Add(1, new KeyValuePair<string, object?>("shuttle", tap.ShuttleFleetNumber), new KeyValuePair<string, object?>("stop", tap.Stop)); // clean precision-names

        try
        {
            var holder = await access.FindHolderAsync(tap.SitePassNumber, cancellationToken) ?? throw new PassNotValidException(tap.SitePassNumber, tap.Stop);
            activity?.SetTag("siteshuttle.holder.contractor", holder.Contractor); // clean precision-about
            logger.LogDebug("Pass holder {Holder}", holder); // leak TC1001 logging-objects
            var passPrefix = tap.SitePassNumber[..2];
            activity?.SetTag("siteshuttle.pass.issuer", passPrefix); // clean precision-about

            if (holder.Contractor)
            {
                _contractorsAboard.Add(holder.Name);
            }

            var lane = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(holder.WorkerNumber)), 0) % 16;
            activity?.SetTag("siteshuttle.muster.lane", lane); // leak TC1002 hashes
            activity?.SetTag("siteshuttle.worker", pseudonymizer.ComputeSiteshuttleWorkerId(holder.WorkerNumber)); // clean precision-pseudonym
        }
        catch (PassNotValidException ex)
        {
            logger.LogWarning(ex, "Tap refused on {Shuttle}", tap.ShuttleFleetNumber); // leak TC1001 exceptions
            activity?.SetTag("siteshuttle.refused.gate", ex.Gate); // clean exceptions
            logger.LogSiteshuttleBoardingFailedEvent(Site, "pass-refused", null, $"Refused at {ex.Gate} on {tap.ShuttleFleetNumber}"); // clean exceptions
        }

        if (tap.Stop == "gatehouse")
        {
            await CloseAsync(tap, activity, cancellationToken);
        }
    }

    private async Task CloseAsync(BoardingTap tap, Activity? activity, CancellationToken cancellationToken)
    {
        var run = await scheduler.CloseRunAsync(tap.ShuttleFleetNumber, cancellationToken);
        var driverNumber = await scheduler.DriverOfRunAsync(run.RunId, cancellationToken);
        new SiteshuttleOperationSpan(activity).SetSiteshuttleDriverId(pseudonymizer.PseudonymizeSiteshuttleDriverId(driverNumber)); // clean generated-api
        meter.CreateSiteshuttleRideDurationHistogram().Record((tap.At - run.DepartedAt).TotalSeconds, Site); // clean generated-api
        logger.LogInformation("Run {RunId} closed with {Boarded} aboard, driven by {Driver}", run.RunId, run.Boarded, driverNumber); // leak TC1001 direct
        logger.LogInformation("Contractors aboard: {Contractors}", string.Join("; ", _contractorsAboard)); // leak TC1001 cross-member
        logger.LogInformation("Contractors aboard: {Count}", _contractorsAboard.Count); // clean precision-about

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(driverNumber))[0] % 4;
        meter.CreateCounter<long>("siteshuttle.runs.closed").Add(1, new KeyValuePair<string, object?>("driver.shard", shard)); // clean hashes
        _contractorsAboard.Clear();
    }
}
