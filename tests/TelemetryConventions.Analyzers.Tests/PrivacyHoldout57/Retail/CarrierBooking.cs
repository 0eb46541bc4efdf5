using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Retail;

public sealed record Parcel(string ParcelId, string OrderId, string CustomerNumber, string RecipientName, string RecipientPhone, string Postcode, decimal WeightKg, FulfilCarrier Carrier);

public sealed record Booking(string ParcelId, string TrackingNumber, string LabelUrl);

public interface ICarrierApi
{
    Task<Booking> BookAsync(Parcel parcel, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown by the carrier clients on a validation error. The carriers' messages quote the field they
/// refused ("Postcode 'SW1A 1AA' is not deliverable by the next-day service").
/// </summary>
public sealed class CarrierValidationException(string field, string carrierMessage) : Exception(carrierMessage)
{
    public string Field { get; } = field;
}

/// <summary>
/// Books carriers for a packed wave: one booking per parcel, all at once, then waits for the
/// carriers' label webhooks (or five minutes) before the wave goes to the despatch bay.
/// </summary>
public sealed class CarrierBooking(ICarrierApi carriers, Pseudonymizer pseudonymizer, Meter meter, ILogger<CarrierBooking> logger)
{
    private static readonly ActivitySource Source = new("Fulfil.Carriers");

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _labels = new();
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("fulfil.carrier.bookings");

    public async Task<IReadOnlyList<Booking>> BookWaveAsync(string warehouse, IReadOnlyList<Parcel> parcels, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fulfil.carriers.book");
        activity?.SetTag("fulfil.parcels", parcels.Count); // clean precision-about

        var attempts = parcels.Select(async parcel =>
        {
            try
            {
                var booking = await carriers.BookAsync(parcel, cancellationToken);
                var reference = $"{parcel.OrderId}-{parcel.CustomerNumber}";
                Activity.Current?.AddEvent(new ActivityEvent("fulfil.parcel.booked", tags: new ActivityTagsCollection { ["fulfil.carrier.reference"] = reference, ["fulfil.tracking"] = booking.TrackingNumber })); // leak TC1001 strings
                _bookings.Add(1, new KeyValuePair<string, object?>("carrier", parcel.Carrier.ToWireValue()), new KeyValuePair<string, object?>("warehouse", warehouse)); // clean direct
                _labels.TryAdd(booking.TrackingNumber, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
                return booking;
            }
            catch (CarrierValidationException ex)
            {
                logger.LogWarning(ex, "Carrier refused parcel {ParcelId} ({Field})", parcel.ParcelId, ex.Field); // leak TC1001 exceptions
                logger.LogWarning("Carrier refused parcel {ParcelId}: field {Field}", parcel.ParcelId, ex.Field); // clean exceptions
                _bookings.Add(1, new KeyValuePair<string, object?>("carrier", parcel.Carrier.ToWireValue()), new KeyValuePair<string, object?>("outcome", $"refused:{ex.Field}")); // clean precision-about
                return null;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Booking failed for parcel to {Recipient}, {Phone}", parcel.RecipientName, parcel.RecipientPhone); // leak TC1001 direct
                return null;
            }
        });

        var bookings = (await Task.WhenAll(attempts)).OfType<Booking>().ToList();
        activity?.SetTag("fulfil.bookings", bookings.Count);

        var labels = bookings.Select(b => _labels[b.TrackingNumber].Task);
        var allLabels = Task.WhenAll(labels);
        var finished = await Task.WhenAny(allLabels, Task.Delay(TimeSpan.FromMinutes(5), cancellationToken));
        if (finished != allLabels)
        {
            var missing = bookings.Where(b => !_labels[b.TrackingNumber].Task.IsCompleted).Select(b => b.TrackingNumber).ToList();
            logger.LogWarning("Labels missing after 5 min for {Missing}", missing); // clean precision-names
        }

        foreach (var parcel in parcels.Where(p => bookings.All(b => b.ParcelId != p.ParcelId)))
        {
            var span = new FulfilOrderSpan(activity);
            span.SetFulfilCarrier(parcel.Carrier).SetFulfilNote($"parcel {parcel.ParcelId} unbooked, {parcel.WeightKg} kg"); // clean generated-api
            span.SetFulfilNote($"unbooked parcel for {parcel.RecipientName}, {parcel.Postcode}"); // leak TC1001 generated-api
            logger.LogFulfilOrderShippedEvent(parcel.OrderId, FulfilCarrierValue.Custom("unbooked"), pseudonymizer.PseudonymizeFulfilCustomerId(parcel.CustomerNumber)); // clean precision-pseudonym
        }

        return bookings;
    }

    /// <summary>The carriers' label webhook.</summary>
    public void LabelReady(string trackingNumber, string labelUrl, string customerNumber)
    {
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber + trackingNumber)))[..12];
        Activity.Current?.SetTag("fulfil.label.dedupe", dedupe); // leak TC1002 hashes
        Activity.Current?.SetTag("fulfil.label.tracking", trackingNumber); // clean direct
        if (_labels.TryGetValue(trackingNumber, out var waiting))
        {
            waiting.TrySetResult(labelUrl);
            _ = waiting.Task.ContinueWith(_ => logger.LogDebug("Label for {Tracking} arrived for customer {Customer}", trackingNumber, customerNumber)); // leak TC1001 direct
        }
    }
}
