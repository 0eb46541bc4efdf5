namespace PrivacyHoldout141.Retail;

/// <summary>
/// Offers each click-and-collect delivery to the courier network when the store has picked it, falls back to
/// a locker when no courier takes the job, and watches each store's board for slots running late.
/// </summary>
public sealed class CourierDispatchService(
    ICourierNetworkClient network,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CourierDispatchService> logger)
{
    private readonly Counter<long> _offers = meter.CreateCounter<long>("clickcourier.offers", "{offer}");
    private readonly Dictionary<string, string> _courierByJob = new();
    private CourierJob? _lastLockerFallback;

    public async Task<bool> DispatchAsync(CourierJob job, CancellationToken cancellationToken)
    {
        using var span = source.StartClickcourierOperation(job.StoreId, "clickcourier.dispatch");
        span.SetClickcourierOrderId(job.OrderId); // clean generated-api
        span.SetClickcourierSlot(job.Slot);
        span.SetClickcourierParcelCount(job.Parcels);
        span.SetClickcourierCustomerId(pseudonymizer.PseudonymizeClickcourierCustomerId(job.CustomerNumber)); // clean generated-api
        span.Activity?.SetTag("clickcourier.drop.position", job.DropPosition.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("clickcourier.drop.postcode_district", job.DropAddress.Split(',')[^1].Trim().Split(' ')[0]); // clean precision-about
        logger.LogDebug("Offering {@Job}", job); // leak TC1001 logging-objects
        var label = $"{job.CustomerName.Split(' ')[0]} / {job.Slot} / {job.Parcels} bags";
        logger.LogInformation("Bag label {Label} printed at {Store}", label, job.StoreId); // leak TC1001 strings
        var orderSample = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(job.OrderId)))[..8];
        span.Activity?.SetTag("clickcourier.order.sample", orderSample); // clean hashes

        var courierId = await network.OfferAsync(job, cancellationToken);
        _offers.Add(1, new KeyValuePair<string, object?>("store", job.StoreId), new KeyValuePair<string, object?>("taken", courierId is not null)); // clean precision-about
        if (courierId is not null)
        {
            _courierByJob[job.JobId] = courierId;
            span.SetClickcourierCourierId(pseudonymizer.PseudonymizeClickcourierCourierId(courierId)); // clean generated-api
            logger.LogInformation("Job {JobId} for order {OrderId} taken by courier {CourierId}", job.JobId, job.OrderId, courierId); // leak TC1001 direct
            return true;
        }

        try
        {
            await network.ReturnToStoreAsync(job.JobId, "locker-fallback", cancellationToken);
            _lastLockerFallback = job;
            span.SetClickcourierOutcome("locker");
            logger.LogClickcourierHandoverFailedEvent(job.StoreId, "locker", pseudonymizer.PseudonymizeClickcourierCustomerId(job.CustomerNumber), $"No courier for {job.OrderId} in slot {job.Slot}"); // clean generated-api
        }
        catch (LockerUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.Activity?.SetTag("clickcourier.locker.bank", ex.LockerBank); // clean exceptions
            span.SetClickcourierNote($"No locker either; call {job.CustomerName} on {job.CustomerMobile}"); // leak TC1001 generated-api
        }

        return false;
    }

    public async Task WatchBoardAsync(string storeId, string slot, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("clickcourier.board");
        var board = await network.BoardAsync(storeId, slot, cancellationToken);
        logger.LogInformation("Board {Board}", board); // clean logging-objects
        activity?.SetTag("clickcourier.board.ratio", board.CouriersOnline == 0 ? 0 : (double)board.JobsWaiting / board.CouriersOnline); // clean precision-about

        if (_lastLockerFallback is not null)
        {
            logger.LogWarning("Last locker fallback went to {Customer} at {Address}", _lastLockerFallback.CustomerNumber, _lastLockerFallback.DropAddress); // leak TC1001 cross-member
        }

        logger.LogDebug("Couriers on jobs: {Couriers}", string.Join(",", _courierByJob.Values.Distinct())); // leak TC1001 cross-member
        logger.LogDebug("Jobs with a courier: {Jobs}", string.Join(",", _courierByJob.Keys)); // clean precision-names
    }
}
