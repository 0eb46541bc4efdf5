namespace PrivacyHoldout141.Transport;

/// <summary>
/// Every thirty seconds, matches the zone's waiting requests to the minibuses on shift, records how long riders
/// waited for a pickup, and tells the control room about requests that expired unmatched.
/// </summary>
public sealed class OnDemandMatchingWorker(
    IQueueReceiver<RideRequest> waiting,
    IRideDispatchClient dispatch,
    Pseudonymizer pseudonymizer,
    RidePlatformOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<OnDemandMatchingWorker> logger) : BackgroundService
{
    private const string Zone = "north-east";
    private readonly Counter<long> _expiredByRider = meter.CreateCounter<long>("ondemand.expired", "{request}");
    private readonly List<RideRequest> _expired = new();
    private MinibusShift? _lastShiftStarted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = new List<RideRequest>();
            while (batch.Count < 20 && await waiting.ReceiveAsync(stoppingToken) is { } request)
            {
                batch.Add(request);
            }

            await MatchBatchAsync(batch, stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    public void OnShift(MinibusShift shift) => _lastShiftStarted = shift;

    private async Task MatchBatchAsync(List<RideRequest> batch, CancellationToken cancellationToken)
    {
        using var span = source.StartOndemandOperation(Zone, "ondemand.match-batch");
        var matched = 0;
        foreach (var request in batch)
        {
            var waitKey = string.Concat("wait:", request.RiderAccountId, ":", Zone);
            span.Activity?.AddEvent(new ActivityEvent("request.waiting", tags: new ActivityTagsCollection { ["cache.key"] = waitKey })); // leak TC1001 strings
            var candidates = await dispatch.FindCandidatesAsync(request, options.SearchRadiusKm, cancellationToken);
            if (candidates.Count == 0)
            {
                _expired.Add(request);
                _expiredByRider.Add(1, new KeyValuePair<string, object?>("rider", request.RiderAccountId)); // leak TC1003 direct
                continue;
            }

            span.Activity?.AddEvent(new ActivityEvent("candidates", tags: new ActivityTagsCollection { ["drivers"] = string.Join(",", candidates.Select(c => c.DriverId)) })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("candidates.count", tags: new ActivityTagsCollection { ["count"] = candidates.Count, ["nearest.km"] = candidates.Min(c => c.DistanceKm) })); // clean precision-about

            var match = await dispatch.MatchAsync(request, candidates[0], cancellationToken);
            matched++;
            logger.LogDebug("Matched {Match}", match); // leak TC1001 logging-objects
            logger.LogDebug("Matched trip {TripId} with ETA {Eta} min", match.TripId, match.EtaMinutes); // clean precision-names

            var trip = await dispatch.GetTripAsync(match.TripId, cancellationToken);
            logger.LogDebug("Trip state {Trip}", trip); // clean logging-objects
            span.SetOndemandTripId(trip.TripId);
            span.SetOndemandDriverId(pseudonymizer.PseudonymizeOndemandDriverId(trip.DriverId)); // clean generated-api
            span.SetOndemandVehicle(match.VehicleRegistration); // clean generated-api
            meter.CreateOndemandWaitDurationHistogram().Record(match.EtaMinutes * 60, Zone); // clean generated-api
        }

        var round = new DispatchRound(Zone, batch.Count, matched, batch.Count - matched, 0);
        logger.LogInformation("Dispatch round {@Round}", round); // clean logging-objects
        meter.CreateOndemandTripsCounter().Add(matched, Zone, "matched");
    }

    public void ReportExpired()
    {
        using var activity = source.StartActivity("ondemand.expired");
        activity?.SetTag("ondemand.expired.count", _expired.Count);
        logger.LogWarning("Expired unmatched: {Requests}", _expired); // leak TC1001 cross-member
        if (_lastShiftStarted is not null)
        {
            activity?.SetTag("ondemand.last_shift.vehicle", _lastShiftStarted.FleetNumber); // clean precision-names
            activity?.SetTag("ondemand.last_shift.driver", _lastShiftStarted.DriverStaffNumber); // leak TC1001 cross-member
        }

        _expired.Clear();
    }
}
