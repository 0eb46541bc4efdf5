namespace PrivacyHoldout162.Energy;

public sealed partial class BatterySwapWorker(
    IConsumer<string, BatterySwap> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<BatterySwapWorker> logger) : BackgroundService
{
    private readonly Counter<long> _swaps = meter.CreateCounter<long>("riderpower.swaps");
    private readonly Dictionary<string, int> _swapsByRider = new();
    private BatterySwap? _lowestCharge;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            Handle(result.Topic, result.Message.Key, result.Message.Value);
        }

        return Task.CompletedTask;
    }

    private void Handle(string topic, string lockerKey, BatterySwap swap)
    {
        using var span = source.StartRiderpowerOperation(swap.LockerId);
        span.SetRiderpowerRiderId(pseudonymizer.PseudonymizeRiderpowerRiderId(swap.RiderId)); // clean precision-pseudonym
        Activity.Current?.SetTag("messaging.kafka.message.key", lockerKey); // clean precision-names
        Activity.Current?.SetTag("riderpower.battery.serial", swap.BatterySerial); // clean precision-names
        Activity.Current?.SetTag("riderpower.battery.charge", swap.ChargePercent); // clean precision-about
        Activity.Current?.SetTag("riderpower.rider", swap.RiderId); // leak TC1001 direct
        _swaps.Add(1, new KeyValuePair<string, object?>("riderpower.locker", swap.LockerId)); // clean precision-names
        _swaps.Add(1, new KeyValuePair<string, object?>("riderpower.rider.bucket", Bucket(swap.RiderId))); // clean hashes
        _swaps.Add(1, new KeyValuePair<string, object?>("riderpower.rider", swap.RiderId)); // leak TC1003 direct
        LogSwap(logger, swap.LockerId, swap.BatterySerial, swap.RiderId); // leak TC1001 logging-objects
        LogSwapRedacted(logger, swap.LockerId, swap.RiderId); // clean logging-objects
        logger.LogInformation("Swap {@Swap} from {Topic}", swap, topic); // leak TC1001 logging-objects

        _swapsByRider[swap.RiderId] = _swapsByRider.GetValueOrDefault(swap.RiderId) + 1;
        if (_lowestCharge is null || swap.ChargePercent < _lowestCharge.ChargePercent)
        {
            _lowestCharge = swap;
        }
    }

    public void Report()
    {
        logger.LogInformation("Riders swapping today: {Riders}", _swapsByRider.Count); // clean cross-member
        logger.LogInformation("Most swaps: {Rider}", _swapsByRider.OrderByDescending(p => p.Value).FirstOrDefault().Key); // leak TC1001 cross-member
        logger.LogInformation("Lowest charge handed in: {Charge}% at {Locker}", _lowestCharge?.ChargePercent, _lowestCharge?.LockerId); // clean cross-member
        logger.LogInformation("Lowest charge handed in by {Rider}", _lowestCharge?.RiderId); // leak TC1001 cross-member
    }

    private int Bucket(string riderId) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(riderId))[0] % 4;

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Locker {LockerId} gave battery {Serial} to {RiderId}")]
    private static partial void LogSwap(ILogger logger, string lockerId, string serial, string riderId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Locker {LockerId} swap by {RiderId}")]
    private static partial void LogSwapRedacted(ILogger logger, string lockerId, [PrivateData] string riderId);
}
