using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Retail;

public sealed record DropOff(
    string OrderId,
    string ParcelBarcode,
    string CustomerNumber,
    string RecipientName,
    string RecipientPhone,
    string DeliveryAddress,
    string Postcode,
    string? SafePlaceInstruction,
    string? DoorCode);

public sealed record ProofOfDelivery(string OrderId, string CourierId, string Method, Stream? Photo, string? SignedName, string? NeighbourAddress, GeoPoint Fix, DateTimeOffset At);

/// <summary>Receives proof of delivery from the couriers' scanner app.</summary>
public sealed class DeliveryProofHandler(
    IDropOffStore dropOffs,
    IBlobStore blobs,
    ILogger<DeliveryProofHandler> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FieldOptions options,
    Meter meter) : IQueueReceiver<ProofOfDelivery>
{
    private static readonly ActivitySource Source = new("Retail.LastMile");

    public Task<ProofOfDelivery?> ReceiveAsync(CancellationToken cancellationToken) => Task.FromResult<ProofOfDelivery?>(null);

    public async Task HandleAsync(ProofOfDelivery proof, CancellationToken cancellationToken)
    {
        var drop = await dropOffs.GetAsync(proof.OrderId, cancellationToken);
        using var span = Source.StartFieldVisit("parcel_delivery");
        span.SetFieldJobId(drop.OrderId); // clean precision-names
        span.SetFieldClientId(pseudonymizer.PseudonymizeFieldClientId(drop.CustomerNumber)); // clean generated-api
        span.SetFieldVisitOutcome(proof.Method); // clean generated-api
        span.AddFieldProofCapturedEvent(proof.Method, fieldVisitNote: drop.SafePlaceInstruction); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("parcel.barcode", drop.ParcelBarcode); // clean precision-names
        activity?.SetTag("parcel.recipient", drop.RecipientName); // leak TC1001 direct
        activity?.SetTag("parcel.recipient_phone_prefix", drop.RecipientPhone[..3]); // clean precision-about
        activity?.SetTag("parcel.has_door_code", !string.IsNullOrEmpty(drop.DoorCode)); // clean precision-about
        activity?.SetTag("parcel.door_code", drop.DoorCode); // leak TC1001 direct
        if (options.TraceAddresses)
        {
            activity?.SetTag("parcel.address", drop.DeliveryAddress); // leak TC1001 direct
        }

        switch (proof.Method)
        {
            case "photo" when proof.Photo is not null:
                var uri = await blobs.UploadAsync("pod", $"{drop.Postcode.Replace(" ", "")}/{drop.OrderId}.jpg", proof.Photo, cancellationToken);
                activity?.SetTag("pod.photo", uri.AbsoluteUri); // leak TC1001 strings
                activity?.SetTag("pod.photo_host", uri.Host); // clean precision-about
                break;
            case "signature":
                logger.LogInformation("Order {OrderId} signed by {SignedName}", drop.OrderId, proof.SignedName); // leak TC1001 direct
                logger.LogInformation("Order {OrderId} signed ({Length} letters)", drop.OrderId, proof.SignedName?.Length ?? 0); // clean precision-about
                break;
            case "neighbour":
                LogNeighbour(proof.OrderId, proof.NeighbourAddress); // leak TC1001 cross-member
                break;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("pod-cohorts-v1"));
        var cohort = hmac.ComputeHash(Encoding.UTF8.GetBytes(drop.CustomerNumber))[0] % 8;
        activity?.SetTag("pod.customer_cohort", cohort); // leak TC1002 hashes

        meter.CreateFieldVisitDurationHistogram().Record((proof.At - DateTimeOffset.UtcNow).TotalSeconds, fieldJobKind: "parcel_delivery", fieldRegion: drop.Postcode.Split(' ')[0]); // clean precision-about
    }

    private void LogNeighbour(string orderId, string? neighbourAddress)
    {
        logger.LogInformation("Order {OrderId} left with neighbour at {NeighbourAddress}", orderId, neighbourAddress); // leak TC1001 direct
    }
}

public interface IDropOffStore
{
    Task<DropOff> GetAsync(string orderId, CancellationToken cancellationToken);
}
