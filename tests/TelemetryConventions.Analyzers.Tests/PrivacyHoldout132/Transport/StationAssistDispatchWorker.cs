namespace PrivacyHoldout132.Transport;

/// <summary>A train's arrival with assisted passengers on board, as the on-train team reports it.</summary>
public sealed record AssistedArrival(string TrainUid, string StationCrs, string Coach, string BookingRef, Guid PassengerId, string PassengerName, string AssistanceType, int Platform);

public sealed record RampDeployment(string RampAssetTag, string StationCrs, int Platform, string Coach, TimeSpan DeployTime);

/// <summary>Dispatches a member of station staff with a ramp to meet each assisted arrival and records missed assists.</summary>
public sealed class StationAssistDispatchWorker(
    IQueueReceiver<AssistedArrival> arrivals,
    IAssistancePlatform platform,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StationAssistDispatchWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.Stations.AssistDispatch");
    private static readonly Meter Meter = new("Rail.Stations.AssistDispatch");
    private static readonly Histogram<double> DeploySeconds = Meter.CreateHistogram<double>("ramps.deploy.seconds");
    private static readonly Counter<long> MissedAssists = Meter.CreateCounter<long>("assist.missed");
    private static readonly Counter<long> AssistsPerStaff = Meter.CreateCounter<long>("assist.dispatched.per_staff");
    private readonly RailassistAssistDurationHistogram _duration = Meter.CreateRailassistAssistDurationHistogram();
    private AssistedArrival? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var arrival = await arrivals.ReceiveAsync(stoppingToken);
            if (arrival is null)
            {
                continue;
            }
            _current = arrival;
            await DispatchAsync(arrival, stoppingToken);
        }
    }

    private async Task DispatchAsync(AssistedArrival arrival, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartRailassistAssist(arrival.StationCrs);
        span.SetRailassistBookingId(arrival.BookingRef); // clean precision-names
        span.Activity?.SetTag("train.uid", arrival.TrainUid); // clean precision-names
        span.Activity?.SetTag("train.coach", arrival.Coach); // clean precision-names
        span.Activity?.SetTag("station.platform", arrival.Platform); // clean precision-names
        span.Activity?.SetTag("assist.passenger_shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, arrival.PassengerId.ToByteArray()))[..3]); // clean hashes
        span.Activity?.SetTag("assist.passenger_key", Convert.ToHexString(MD5.HashData(arrival.PassengerId.ToByteArray()))); // leak TC1002 hashes

        var staff = await platform.AssignAsync(arrival.BookingRef, "platform-assist", cancellationToken);
        if (staff is null)
        {
            MissedAssists.Add(1, new KeyValuePair<string, object?>("station", arrival.StationCrs), new("type", arrival.AssistanceType)); // clean precision-about
            logger.LogError("Missed assist for {Passenger} off {Train} coach {Coach}", arrival.PassengerName, arrival.TrainUid, arrival.Coach); // leak TC1001 direct
            span.SetRailassistOutcome("missed"); // clean precision-names
            return;
        }

        span.SetRailassistStaffId(pseudonymizer.PseudonymizeRailassistStaffId(staff.StaffNumber)); // clean precision-pseudonym
        span.SetRailassistNote($"meet {arrival.PassengerName} at coach {arrival.Coach}"); // leak TC1001 generated-api
        span.Activity?.SetTag("assist.staff_number", staff.StaffNumber); // leak TC1001 direct
        logger.LogInformation("Dispatched {Staff} to platform {Platform}", staff, arrival.Platform); // leak TC1001 logging-objects
        AssistsPerStaff.Add(1, new KeyValuePair<string, object?>("staff", pseudonymizer.ComputeRailassistStaffId(staff.StaffNumber))); // leak TC1003 precision-pseudonym
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, arrival.StationCrs, railassistNeed: arrival.AssistanceType); // clean generated-api
    }

    public void OnRampDeployed(RampDeployment deployment)
    {
        DeploySeconds.Record(deployment.DeployTime.TotalSeconds, new KeyValuePair<string, object?>("station", deployment.StationCrs)); // clean precision-about
        logger.LogInformation("Ramp deployed {Deployment}", deployment); // clean logging-objects
        Activity.Current?.SetTag("ramp.asset", deployment.RampAssetTag); // clean precision-names
        Activity.Current?.SetTag("ramp.for_passenger", _current?.PassengerId.ToString()); // leak TC1001 cross-member
        Activity.Current?.SetTag("ramp.for_booking", _current?.BookingRef); // clean cross-member
    }
}
