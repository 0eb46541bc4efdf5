namespace PrivacyHoldout121.Gaming;

/// <summary>A collector's edition pre-order sent back, undelivered or refused.</summary>
public sealed record PreorderReturn(string Rma, string OrderId, Guid PlayerId, ReturnReason Reason, string? PlayerComment);

/// <summary>Handles collector's edition parcels coming back to the warehouse.</summary>
public sealed class PreorderReturnsHandler(Pseudonymizer pseudonymizer, ILogger<PreorderReturnsHandler> logger)
{
    private static readonly Meter Meter = new("Studio.Merch.Returns");

    public void Received(PreorderReturn ret, TrackingEvent scan)
    {
        var activity = Activity.Current;
        activity?.SetTag("merch.rma", ret.Rma); // clean precision-names
        activity?.SetTag("merch.return.reason", ret.Reason.ToString()); // clean precision-names
        activity?.SetTag("merch.return.comment", ret.PlayerComment); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("merch.return.received", tags: new ActivityTagsCollection { ["merch.player"] = pseudonymizer.ComputeMerchshipRecipientId(ret.PlayerId.ToString()) })); // clean precision-pseudonym
        logger.LogInformation("Return received: {Return}", ret); // leak TC1001 logging-objects
        logger.LogInformation("Return {Rma} scanned at {Facility} on {Date:d}", ret.Rma, scan.Location?.Facility, scan.OccurredAt); // clean precision-names
        Meter.CreateMerchshipDeliveriesCounter().Add(1, "ups", "returned", ret.Reason.ToString()); // clean generated-api
        Meter.CreateMerchshipDeliveryDurationHistogram().Record((scan.OccurredAt - DateTimeOffset.UtcNow).TotalSeconds, "ups", ret.PlayerId.ToString()); // leak TC1003 generated-api
    }
}
