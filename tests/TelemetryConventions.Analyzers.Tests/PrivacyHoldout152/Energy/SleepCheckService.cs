namespace PrivacyHoldout152.Energy;

/// <summary>Records practitioners' ten-minute sleep checks and flags missed ones.</summary>
public sealed partial class SleepCheckService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryOptions options,
    Meter meter,
    ILogger<SleepCheckService> logger)
{
    private static readonly ActivitySource Source = new("Nursery.SleepChecks");

    private readonly Dictionary<string, DateTimeOffset> lastCheckByChild = new();
    private readonly Histogram<double> checkInterval = meter.CreateHistogram<double>("nursery.sleep_check.interval", "s");
    private string? lastLateChecker;

    public void Record(SleepCheck check, string settingUrn)
    {
        using var span = Source.StartCotsenseOperation(settingUrn);
        span.SetCotsenseChildId(pseudonymizer.PseudonymizeCotsenseChildId(check.ChildId)); // clean precision-pseudonym
        Activity.Current?.SetTag("sleep.position", check.Position); // clean precision-about
        Activity.Current?.SetTag("sleep.checked_by", check.CheckedBy); // leak TC1001 direct
        Activity.Current?.SetTag("sleep.checker_lane", Lane(check.CheckedBy)); // clean hashes
        Activity.Current?.SetTag("sleep.child_lane", (uint)check.ChildId.GetHashCode() % 8); // leak TC1002 hashes

        if (lastCheckByChild.TryGetValue(check.ChildId, out var previous))
        {
            var gap = check.At - previous;
            checkInterval.Record(gap.TotalSeconds, new KeyValuePair<string, object?>("position", check.Position));
            meter.CreateCotsenseCheckIntervalHistogram().Record(gap.TotalSeconds, settingUrn); // clean generated-api
            if (gap > options.SleepCheckInterval)
            {
                lastLateChecker = check.CheckedBy;
                LogLateCheck(logger, (int)gap.TotalMinutes, check.ChildId, check.CheckedBy); // leak TC1001 logging-objects
                LogLateCheckRedacted(logger, (int)gap.TotalMinutes, check.ChildId); // clean logging-objects
                logger.LogCotsenseOperationFailedEvent(settingUrn, "late-check", cotsenseChildId: pseudonymizer.PseudonymizeCotsenseChildId(check.ChildId), cotsenseNote: $"{gap.TotalMinutes:0} minutes"); // clean generated-api
            }
        }

        lastCheckByChild[check.ChildId] = check.At;
        logger.LogDebug("Sleep check {Check}", check); // leak TC1001 logging-objects
        logger.LogDebug("Sleep check recorded by {StaffPseudonym}", pseudonymizer.Pseudonymize("practitioner", check.CheckedBy)); // clean precision-pseudonym
    }

    public void LogNapSummary()
    {
        logger.LogInformation("{Sleeping} children checked this nap", lastCheckByChild.Count); // clean cross-member
        logger.LogInformation("Last late check by {StaffId}", lastLateChecker); // leak TC1001 cross-member
        logger.LogInformation("A late check this nap: {Late}", lastLateChecker is not null); // clean cross-member
    }

    private int Lane(string staffId) =>
        HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(staffId))[1] % 4;

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Sleep check {Minutes} minutes apart for {ChildId} by {StaffId}")]
    private static partial void LogLateCheck(ILogger logger, int minutes, string childId, string staffId);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Sleep check {Minutes} minutes apart for {ChildId}")]
    private static partial void LogLateCheckRedacted(ILogger logger, int minutes, [PrivateData] string childId);
}
