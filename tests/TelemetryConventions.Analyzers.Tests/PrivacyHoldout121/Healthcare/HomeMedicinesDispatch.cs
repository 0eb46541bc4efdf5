namespace PrivacyHoldout121.Healthcare;

/// <summary>A prescription the outpatient pharmacy sends to a patient's home.</summary>
public sealed record HomePrescription(string PrescriptionId, string HospitalNumber, string NhsNumber, Address Home, bool ControlledDrug, bool ColdChain);

/// <summary>Books the courier for outpatient prescriptions going home and records what happened to them.</summary>
public sealed partial class HomeMedicinesDispatch(
    ICarrierClient carrier,
    IDeliveryNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<HomeMedicinesDispatch> logger)
{
    private static readonly ActivitySource Source = new("Trust.Pharmacy.HomeDelivery");
    private static readonly Meter Meter = new("Trust.Pharmacy.HomeDelivery");
    private static readonly Counter<long> ColdChainParcels = Meter.CreateCounter<long>("rxdrop.cold_chain.parcels");

    public async Task<Shipment?> DispatchAsync(HomePrescription rx, CancellationToken cancellationToken)
    {
        var service = rx.ColdChain ? "next-day-chilled" : "tracked-48";
        using var span = Source.StartRxdropDelivery(rx.PrescriptionId, "dpd")
            .SetRxdropRecipientId(pseudonymizer.PseudonymizeRxdropRecipientId(rx.HospitalNumber)) // clean precision-pseudonym
            .SetRxdropArea(Postcodes.District(rx.Home.Postcode)); // clean precision-about
        span.Activity?.SetTag("rxdrop.signature_required", rx.ControlledDrug); // clean precision-about
        span.Activity?.SetTag("rxdrop.patient.nhs_number", rx.NhsNumber); // leak TC1001 direct

        logger.LogInformation("Booking {Service} for prescription {PrescriptionId} to {Postcode}", service, rx.PrescriptionId, rx.Home.Postcode); // leak TC1001 direct

        Shipment shipment;
        try
        {
            var verified = await carrier.VerifyAddressAsync(rx.Home, cancellationToken);
            shipment = await carrier.CreateShipmentAsync(verified, new Parcel(600, 25, 18, 10), service, rx.PrescriptionId, cancellationToken);
        }
        catch (AddressVerificationException ex)
        {
            span.RecordException(ex, "address check failed", includeMessage: true); // leak TC1001 exceptions
            logger.LogRxdropDeliveryFailedEvent(rx.PrescriptionId, "address_unverified", pseudonymizer.PseudonymizeRxdropRecipientId(rx.HospitalNumber), ex.Reason); // clean exceptions
            return null;
        }
        catch (PostcodeNotServedException ex)
        {
            logger.LogWarning(ex, "Courier cannot deliver prescription {PrescriptionId}", rx.PrescriptionId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Carrier + " does not serve the area"); // clean exceptions
            return null;
        }
        catch (CarrierApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }

        span.SetRxdropTrackingNumber(shipment.TrackingNumber).SetRxdropStatus("pre_transit"); // clean precision-names
        logger.LogInformation("Shipment booked {@Shipment}", shipment); // leak TC1001 logging-objects
        LogBooked(logger, shipment.Id, shipment.TrackingNumber, shipment.Carrier); // clean precision-names

        if (rx.ColdChain)
        {
            ColdChainParcels.Add(1, new KeyValuePair<string, object?>("rxdrop.service", service)); // clean precision-names
        }

        var text = $"Your medicines from the hospital pharmacy are on their way. Track: https://track.dpd.co.uk/{shipment.TrackingNumber}";
        await notifier.SendSmsAsync(rx.Home.Phone!, text, cancellationToken);
        logger.LogDebug("Dispatch SMS sent to {Mobile}: {Text}", rx.Home.Phone, text); // leak TC1001 direct
        logger.LogDebug("Dispatch SMS of {Length} characters sent, mobile on file {HasMobile}", text.Length, rx.Home.Phone is not null); // clean precision-about
        return shipment;
    }

    public void RecordDelivered(HomePrescription rx, Shipment shipment, TrackingEvent delivered, TimeSpan sinceDispatch)
    {
        Meter.CreateRxdropDeliveryDurationHistogram().Record(sinceDispatch.TotalSeconds, shipment.Carrier, Postcodes.District(rx.Home.Postcode)); // clean precision-about
        Meter.CreateRxdropDeliveriesCounter().Add(1, shipment.Carrier, "delivered", rx.ControlledDrug ? "signed" : "delivered"); // clean precision-names
        Activity.Current?.SetTag("rxdrop.signed_by", delivered.SignedBy); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("rxdrop.delivered", tags: new ActivityTagsCollection { ["rxdrop.address"] = rx.Home.OneLine })); // leak TC1001 cross-member
        LogDeliveredTo(logger, rx.PrescriptionId, rx.Home.Name); // clean logging-objects
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Shipment {ShipmentId} booked as {TrackingNumber} with {Carrier}")]
    private static partial void LogBooked(ILogger logger, string shipmentId, string trackingNumber, string carrier);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Prescription {PrescriptionId} delivered to {PatientName}")]
    private static partial void LogDeliveredTo(ILogger logger, string prescriptionId, [PrivateData] string patientName);
}
