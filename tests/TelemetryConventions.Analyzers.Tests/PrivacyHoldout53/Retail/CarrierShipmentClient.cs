using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using Refit;
using TelemetryConventions;

namespace PrivacyHoldout53.Retail;

[Headers("Accept: application/json")]
public interface ICarrierApi
{
    [Post("/v1/shipments")]
    Task<ShipmentCreated> CreateShipmentAsync([Body] ShipmentRequest shipment, [Header("X-Correlation-Id")] string correlationId, CancellationToken cancellationToken);

    [Get("/v1/tracking/{trackingNumber}")]
    Task<IApiResponse<TrackingStatus>> TrackAsync(string trackingNumber, CancellationToken cancellationToken);

    [Get("/v1/addresses/validate")]
    Task<AddressVerdict> ValidateAddressAsync([Query] string postcode, [Query, AliasAs("line1")] string firstLine, CancellationToken cancellationToken);
}

public sealed record Recipient(string Name, string Line1, string? Line2, string Town, string Postcode, string Phone, string Email);

public sealed record Parcel(int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

public sealed record ShipmentRequest(string OrderNumber, string Service, Recipient Recipient, List<Parcel> Parcels, bool SignatureRequired);

public sealed record ShipmentCreated(string ShipmentId, string TrackingNumber, Uri LabelUrl, decimal Charge);

public sealed record TrackingStatus(string TrackingNumber, string Status, string? Depot, DateTimeOffset? EstimatedDelivery, string? SignedBy);

public sealed record AddressVerdict(bool Deliverable, string? Suggestion, string Zone);

/// <summary>Books parcels with the carrier when an order is packed.</summary>
public sealed class ShipmentBooking(ICarrierApi carrier, ILogger<ShipmentBooking> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Fulfilment.Carrier");

    public async Task<ShipmentCreated?> BookAsync(ShipmentRequest shipment, string customerNumber, CancellationToken cancellationToken)
    {
        var recipientPostcodeDistrict = shipment.Recipient.Postcode.Split(' ')[0];
        using var span = Source.StartPartnerCall("carrier", "create-shipment")
            .SetPartnerRequestId(shipment.OrderNumber) // clean direct
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(customerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("carrier.service", shipment.Service); // clean direct
        Activity.Current?.SetTag("carrier.destination.district", recipientPostcodeDistrict); // clean precision-about
        Activity.Current?.SetTag("carrier.parcels", shipment.Parcels.Count); // clean precision-about
        logger.LogInformation("Booking {Service} for order {OrderNumber} to {Recipient}", shipment.Service, shipment.OrderNumber, shipment.Recipient); // leak TC1001 logging-objects

        try
        {
            var created = await carrier.CreateShipmentAsync(shipment, shipment.OrderNumber, cancellationToken);
            span.SetPartnerStatusCode(201).SetPartnerResource($"shipments/{created.ShipmentId}"); // clean direct
            logger.LogInformation("Shipment {ShipmentId} tracking {TrackingNumber}, label {LabelUrl}, charge {Charge}", created.ShipmentId, created.TrackingNumber, created.LabelUrl, created.Charge); // clean direct
            meter.CreatePartnerCallDurationHistogram().Record(0, "carrier", "create-shipment", 201, shipment.Service); // clean direct
            var trackingLink = $"https://track.carrier.example/{created.TrackingNumber}?postcode={Uri.EscapeDataString(shipment.Recipient.Postcode)}";
            logger.LogInformation("Tracking link {Link} sent to the customer", trackingLink); // leak TC1001 strings
            return created;
        }
        catch (ValidationApiException ex)
        {
            // The carrier's validation problems quote the field they reject: "Postcode 'XX1 1XX' is not deliverable by Express24".
            var fields = ex.Content?.Errors.Keys.ToList() ?? [];
            logger.LogWarning("Carrier rejected order {OrderNumber}: {Title}, fields {Fields}", shipment.OrderNumber, ex.Content?.Title, fields); // clean exceptions
            logger.LogWarning("Carrier rejected order {OrderNumber}: {Detail}", shipment.OrderNumber, ex.Content?.Detail); // leak TC1001 exceptions
            span.AddPartnerCallRejectedEvent("carrier", 422, string.Join(",", fields), partnerNote: string.Join("; ", ex.Content?.Errors.Values.SelectMany(v => v) ?? [])); // leak TC1001 exceptions
            return null;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            logger.LogInformation(ex, "Order {OrderNumber} already booked", shipment.OrderNumber); // clean exceptions
            return null;
        }
    }

    public async Task<bool> CheckAddressAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        var verdict = await carrier.ValidateAddressAsync(recipient.Postcode, recipient.Line1, cancellationToken);
        if (!verdict.Deliverable)
        {
            logger.LogInformation("Undeliverable address {Line1}, {Postcode}; carrier suggests {Suggestion}", recipient.Line1, recipient.Postcode, verdict.Suggestion); // leak TC1001 cross-member
            Activity.Current?.SetTag("carrier.zone", verdict.Zone); // clean precision-about
        }

        return verdict.Deliverable;
    }

    public async Task<TrackingStatus?> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var response = await carrier.TrackAsync(trackingNumber, cancellationToken);
        Activity.Current?.SetTag("carrier.tracking_number", trackingNumber); // clean direct
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning(response.Error, "Tracking {TrackingNumber} failed with {Status}", trackingNumber, (int)response.StatusCode); // clean exceptions
            return null;
        }

        var status = response.Content!;
        logger.LogInformation("Parcel {TrackingNumber} {Status} at {Depot}", status.TrackingNumber, status.Status, status.Depot); // clean direct
        if (status.SignedBy is not null)
        {
            logger.LogInformation("Parcel {TrackingNumber} signed for by {SignedBy}", status.TrackingNumber, status.SignedBy); // leak TC1001 cross-member
        }

        logger.LogDebug("Tracking answer {@Status}", status); // leak TC1001 logging-objects
        return status;
    }
}

/// <summary>Notifies the customer service tool when a parcel cannot be delivered.</summary>
public sealed class DeliveryExceptionNotifier(ILogger<DeliveryExceptionNotifier> logger, Meter meter)
{
    private readonly Counter<long> _exceptions = meter.CreateCounter<long>("carrier.delivery.exceptions");

    public void Notify(TrackingStatus status, Recipient recipient, string customerEmail)
    {
        var customerEmailDomain = customerEmail[(customerEmail.IndexOf('@') + 1)..];
        _exceptions.Add(1, new KeyValuePair<string, object?>("status", status.Status), new KeyValuePair<string, object?>("email.domain", customerEmailDomain)); // clean precision-about
        _exceptions.Add(1, new KeyValuePair<string, object?>("recipient.phone", recipient.Phone)); // leak TC1003 cross-member
        logger.LogWarning("Delivery exception {Status} for parcel {TrackingNumber}, contact {Email}", status.Status, status.TrackingNumber, customerEmail); // leak TC1001 direct
    }
}
