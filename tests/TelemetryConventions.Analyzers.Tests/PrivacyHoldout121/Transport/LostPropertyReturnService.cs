namespace PrivacyHoldout121.Transport;

/// <summary>A lost property claim matched to an item found on a bus or train.</summary>
public sealed record LostPropertyClaim(string ClaimId, string ItemRef, string Category, Guid ClaimantId, string ClaimantName, string ClaimantEmail, Address ReturnTo);

/// <summary>Couriers found items back to their owners once a claim is matched and the fee paid.</summary>
public sealed class LostPropertyReturnService(ICarrierClient carrier, Pseudonymizer pseudonymizer, ILogger<LostPropertyReturnService> logger)
{
    private static readonly ActivitySource Source = new("Operator.LostProperty.Returns");
    private static readonly Meter Meter = new("Operator.LostProperty.Returns");
    private static readonly Counter<long> ItemsReturned = Meter.CreateCounter<long>("lostproperty.items.returned");

    public async Task SendAsync(LostPropertyClaim claim, CancellationToken cancellationToken)
    {
        using var span = Source.StartCourierDelivery(claim.ClaimId, "dpd")
            .SetCourierRecipientId(pseudonymizer.PseudonymizeCourierRecipientId(claim.ClaimantId.ToString())) // clean precision-pseudonym
            .SetCourierArea(Postcodes.District(claim.ReturnTo.Postcode)); // clean precision-about
        span.Activity?.SetTag("lostproperty.item_ref", claim.ItemRef); // clean precision-names
        span.Activity?.SetTag("lostproperty.category", claim.Category); // clean precision-names
        span.Activity?.SetTag("lostproperty.claimant_email", claim.ClaimantEmail); // leak TC1001 direct
        span.Activity?.SetTag(CourierAttributes.RecipientAddress, claim.ReturnTo.OneLine); // leak TC1001 generated-api
        ItemsReturned.Add(1, new KeyValuePair<string, object?>("lostproperty.category", claim.Category)); // clean precision-names

        Shipment shipment;
        try
        {
            shipment = await carrier.CreateShipmentAsync(claim.ReturnTo, new Parcel(500, 30, 20, 10), "next-day", claim.ClaimId, cancellationToken);
        }
        catch (AddressVerificationException ex)
        {
            logger.LogCourierDeliveryFailedEvent(claim.ClaimId, "address_unverified", null, ex.Message); // leak TC1001 exceptions
            logger.LogCourierDeliveryFailedEvent(claim.ClaimId, "address_unverified", pseudonymizer.PseudonymizeCourierRecipientId(claim.ClaimantId.ToString()), ex.Reason); // clean exceptions
            return;
        }

        span.SetCourierTrackingNumber(shipment.TrackingNumber); // clean precision-names
        logger.LogInformation("Item {ItemRef} on its way to {Claimant}, tracking {TrackingNumber}", claim.ItemRef, claim.ClaimantName, shipment.TrackingNumber); // leak TC1001 direct
        logger.LogInformation("Item {ItemRef} ({Category}) on its way, tracking {TrackingNumber}", claim.ItemRef, claim.Category, shipment.TrackingNumber); // clean precision-names
        logger.LogInformation("Courier booked {Shipment}", shipment); // leak TC1001 logging-objects
        logger.LogInformation("Label for {ClaimId}: {Parcel} by {Service}", claim.ClaimId, shipment.Parcel, shipment.Service); // clean logging-objects
        Activity.Current?.SetTag("lostproperty.claimant.digest", Convert.ToHexString(SHA256.HashData(claim.ClaimantId.ToByteArray()))[..16]); // leak TC1002 hashes
        Activity.Current?.SetBaggage("lostproperty.claimant", pseudonymizer.ComputeCourierRecipientId(claim.ClaimantId.ToString())); // clean precision-pseudonym
    }
}
