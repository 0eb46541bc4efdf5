namespace PrivacyHoldout162.Transport;

public sealed partial class DispatchService(
    IDispatchBoard board,
    IRiderDirectory riders,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DispatchService> logger)
{
    private readonly Histogram<double> _offerKm = meter.CreateHistogram<double>("dispatch.offer.km");
    private readonly Counter<long> _offers = meter.CreateCounter<long>("dispatch.offers");
    private string? _lastDeclinedRider;
    private readonly Dictionary<string, int> _declinesByZone = new();

    public async Task OfferAsync(DeliveryJob job, string zone, CancellationToken cancellationToken)
    {
        using var span = source.StartCourierOperation(zone);
        span.SetCourierRiderId(pseudonymizer.PseudonymizeCourierRiderId(job.RiderId)); // clean precision-pseudonym
        span.SetCourierNote($"Job {job.JobId} for order {job.OrderId}, {job.Km:F1} km"); // clean generated-api
        span.SetCourierNote($"Drop at {job.DropAddress}, {job.DropPostcode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("dispatch.job.id", job.JobId); // clean precision-names
        Activity.Current?.SetTag("dispatch.rider.id", job.RiderId); // leak TC1001 direct
        Activity.Current?.SetTag("dispatch.rider.zone", zone); // clean precision-about
        _offerKm.Record(job.Km, new KeyValuePair<string, object?>("dispatch.zone", zone)); // clean precision-about
        _offers.Add(1, new KeyValuePair<string, object?>("dispatch.rider", job.RiderId)); // leak TC1003 direct
        _offers.Add(1, new KeyValuePair<string, object?>("dispatch.rider", pseudonymizer.ComputeCourierRiderId(job.RiderId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Offering {@Job}", job); // leak TC1001 logging-objects
        logger.LogInformation("Offering job {JobId} in {Zone}", job.JobId, zone); // clean precision-names

        try
        {
            await board.OfferAsync(job, cancellationToken);
        }
        catch (RiderSuspendedException ex)
        {
            _lastDeclinedRider = job.RiderId;
            span.RecordException(ex); // clean exceptions
            logger.LogCourierOperationFailedEvent(zone, "suspended", courierNote: ex.Message); // leak TC1001 generated-api
            LogOfferFailed(logger, job.JobId, ex); // leak TC1001 exceptions
        }
        catch (RiderUnavailableException ex)
        {
            _declinesByZone[zone] = _declinesByZone.GetValueOrDefault(zone) + 1;
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No rider for job {JobId}", job.JobId); // clean exceptions
            meter.CreateCourierOrdersCounter().Add(1, zone, "unassigned"); // clean generated-api
        }
    }

    public async Task CheckVehicleAsync(string riderId, string plate, CancellationToken cancellationToken)
    {
        var rider = await riders.FindAsync(riderId, cancellationToken);
        if (rider is null || rider.VehiclePlate != plate)
        {
            var ex = new PlateMismatchException(plate);
            Activity.Current?.AddEvent(new ActivityEvent("vehicle.mismatch", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            Activity.Current?.SetTag("rider.plate.region", plate[..2]); // clean precision-about
            logger.LogWarning("Vehicle check failed for rider {Rider} ({Name})", riderId, rider?.Name); // leak TC1001 direct
        }
    }

    public void Report()
    {
        logger.LogInformation("Last declined rider {Rider}", _lastDeclinedRider); // leak TC1001 cross-member
        logger.LogInformation("Zones without riders: {Zones}", string.Join(",", _declinesByZone.Keys)); // clean cross-member
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Offer for job {JobId} failed")]
    private static partial void LogOfferFailed(ILogger logger, string jobId, Exception exception);
}
