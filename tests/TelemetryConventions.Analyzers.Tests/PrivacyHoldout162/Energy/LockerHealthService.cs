namespace PrivacyHoldout162.Energy;

public sealed class LockerHealthService(Meter meter, ILogger<LockerHealthService> logger)
{
    private static readonly ActivitySource Source = new("RiderPower.Lockers");
    private readonly Histogram<double> _draw = meter.CreateHistogram<double>("riderpower.locker.draw", "kW");
    private string? _lastFaultyLocker;

    public void Observe(LockerStatus status)
    {
        using var activity = Source.StartActivity("riderpower.locker.observe");
        activity?.SetTag("locker.id", status.LockerId); // clean precision-names
        activity?.SetTag("locker.site", status.Site); // clean precision-names
        activity?.SetTag("locker.charged", status.Charged); // clean precision-about
        _draw.Record(status.Kw, new KeyValuePair<string, object?>("locker.id", status.LockerId), new KeyValuePair<string, object?>("locker.site", status.Site)); // clean precision-names
        logger.LogInformation("Locker {@Status}", status); // clean logging-objects
        meter.CreateRiderpowerOrdersCounter().Add(status.Charged, status.Site, "charged"); // clean generated-api
    }

    public void Fault(string lockerId, string code, string lastRiderId)
    {
        _lastFaultyLocker = lockerId;
        var ex = new LockerFaultException(lockerId, code);
        Activity.Current?.AddException(ex); // clean exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        logger.LogError(ex, "Locker fault, last used by {Rider}", lastRiderId); // leak TC1001 direct
        logger.LogRiderpowerOperationFailedEvent(lockerId, code, riderpowerNote: $"Fault {code} on {lockerId}"); // clean generated-api
        logger.LogRiderpowerOperationFailedEvent(lockerId, code, riderpowerNote: $"Fault {code}, last rider {lastRiderId}"); // leak TC1001 generated-api
    }

    public void Summary() => logger.LogInformation("Last faulty locker {Locker}", _lastFaultyLocker); // clean cross-member
}
