namespace PrivacyHoldout180.Energy;

/// <summary>Consumes donor leave requests from the field workforce; the topic is keyed by depot.</summary>
public sealed class StaffDonorLeaveConsumer(IConsumer<string, StaffDonorLeave> consumer, Pseudonymizer pseudonymizer, ILogger<StaffDonorLeaveConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Gridgive.Leave");
    private static readonly Meter Meter = new("Gridgive.Leave");
    private static readonly Histogram<int> LeaveHours = Meter.CreateHistogram<int>("gridgive.leave.hours");
    private readonly GridgiveOperationDurationHistogram _duration = Meter.CreateGridgiveOperationDurationHistogram();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            var leave = result.Message.Value;
            using var activity = Source.StartActivity("DonorLeave");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("leave.depot", leave.Depot); // clean precision-about
            activity?.SetTag("leave.hours", leave.Hours); // clean precision-about
            activity?.SetTag("staff.number", leave.StaffNumber); // leak TC1001 direct
            activity?.SetTag("staff.pseudonym", pseudonymizer.ComputeGridgiveDonorId(leave.StaffNumber)); // clean precision-pseudonym
            if (activity is not null) { activity.DisplayName = $"DonorLeave {leave.StaffName}"; } // leak TC1001 strings
            LeaveHours.Record(leave.Hours, new KeyValuePair<string, object?>("depot", leave.Depot)); // clean precision-about
            LeaveLog.Approved(logger, leave.StaffName, leave.Hours); // clean precision-names
            LeaveLog.ApprovedPlain(logger, leave.StaffName, leave.Hours); // leak TC1001 direct
            try
            {
                Approve(leave);
            }
            catch (DonorDeferredException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogGridgiveOperationFailedEvent(leave.Depot, "deferred"); // clean generated-api
            }
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, leave.Depot); // clean generated-api
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private static void Approve(StaffDonorLeave leave)
    {
        if (leave.Hours > 4)
        {
            throw new DonorDeferredException(leave.StaffName, 7);
        }
    }
}

internal static partial class LeaveLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Donor leave approved for {StaffName}, {Hours} hours")]
    public static partial void Approved(ILogger logger, [PrivateData] string staffName, int hours);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Donor leave approved for {StaffName} ({Hours} hours)")]
    public static partial void ApprovedPlain(ILogger logger, string staffName, int hours);
}
