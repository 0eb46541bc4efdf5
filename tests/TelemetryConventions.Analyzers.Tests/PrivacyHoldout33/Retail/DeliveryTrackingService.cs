using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Retail;

public sealed record DeliveryAddress(string Line1, string Town, string Postcode, GeoPoint Point)
{
    public string District => Postcode.Split(' ')[0];
}

public sealed record DeliveryOrder(string OrderId, string CustomerId, DeliveryAddress Address, string ZoneId, string StoreId);

/// <summary>A position from a gig courier's own phone while they carry an order.</summary>
public sealed record CourierPing(string CourierId, string OrderId, GeoPoint Position, double SpeedKph, DateTimeOffset At);

/// <summary>A position from one of the store's own delivery vans.</summary>
public sealed record VanPing(string VanId, GeoPoint Position, DateTimeOffset At);

public sealed record ProofOfDelivery(string OrderId, GeoPoint DropPoint, string PhotoId, DateTimeOffset At);

public sealed class UndeliverableAddressException(string message) : Exception(message);

public interface IOrderBook
{
    DeliveryOrder Get(string orderId);
}

public sealed class DeliveryTrackingService(
    IOrderBook orders,
    TelemetrySecrets secrets,
    ILogger<DeliveryTrackingService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Delivery");
    private readonly Counter<long> _delivered = meter.CreateCounter<long>("delivery.completed", "{order}");

    public void OnCourierPing(CourierPing ping)
    {
        using var activity = Source.StartActivity("delivery.courier_ping");
        var order = orders.Get(ping.OrderId);
        var eta = GeoMath.Eta(GeoMath.HaversineMetres(ping.Position, order.Address.Point), Math.Max(ping.SpeedKph, 12));
        activity?.SetTag("order.id", order.OrderId);
        activity?.SetTag("courier.id", ping.CourierId); // leak TC1001 direct
        activity?.SetTag("courier.position", ping.Position.ToLatLng()); // leak TC1001 direct
        activity?.SetTag("courier.speed_kph", ping.SpeedKph); // clean precision-names
        activity?.SetTag("delivery.eta_min", Math.Round(eta.TotalMinutes)); // clean precision-about
        activity?.SetTag("delivery.zone", order.ZoneId); // clean precision-about
    }

    public void OnVanPing(VanPing ping, string orderId)
    {
        var order = orders.Get(orderId);
        Activity.Current?.SetTag("van.position", ping.Position.ToLatLng()); // clean direct
        Activity.Current?.SetTag("delivery.remaining_km", Math.Round(GeoMath.HaversineMetres(ping.Position, order.Address.Point) / 1000, 1)); // clean precision-about
        logger.LogInformation("Van {VanId} is out for delivery to {Address}", ping.VanId, order.Address); // leak TC1001 logging-objects
    }

    public void Complete(ProofOfDelivery proof)
    {
        using var activity = Source.StartActivity("delivery.complete");
        var order = orders.Get(proof.OrderId);
        var offset = GeoMath.HaversineMetres(proof.DropPoint, order.Address.Point);
        activity?.SetTag("delivery.drop_offset_m", Math.Round(offset)); // clean precision-about
        activity?.SetTag("customer.ref", pseudonymizer.ComputeGeoSubjectId(order.CustomerId)); // clean precision-pseudonym
        activity?.SetTag("delivery.district", order.Address.District); // clean precision-about
        logger.LogInformation("Proof of delivery {Proof}", proof); // leak TC1001 logging-objects
        _delivered.Add(1, new KeyValuePair<string, object?>("store.id", order.StoreId), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeGeoSubjectId(order.CustomerId))); // leak TC1003 precision-pseudonym

        // Failed-delivery clusters: addresses that fail again and again.
        var addressKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{order.Address.Line1}|{order.Address.Postcode}")))[..12];
        activity?.SetTag("delivery.address_key", addressKey); // leak TC1002 hashes
        var routeShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.Address.Postcode))[0] % 32;
        activity?.SetTag("delivery.route_shard", routeShard); // clean hashes
    }

    private static void Quote(DeliveryOrder order, double maxKm, GeoPoint store)
    {
        var km = GeoMath.HaversineMetres(store, order.Address.Point) / 1000;
        if (km > maxKm)
        {
            throw new UndeliverableAddressException($"{order.Address.Line1}, {order.Address.Postcode} is {km:F1} km from store {order.StoreId}");
        }
    }

    public bool TryQuote(DeliveryOrder order, double maxKm, GeoPoint store)
    {
        try
        {
            Quote(order, maxKm, store);
            return true;
        }
        catch (UndeliverableAddressException ex)
        {
            Activity.Current?.AddEvent(new ActivityEvent("delivery.refused", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message, ["delivery.zone"] = order.ZoneId })); // leak TC1001 exceptions
            logger.LogWarning("Delivery refused for order {OrderId} in zone {ZoneId}", order.OrderId, order.ZoneId); // clean exceptions
            Activity.Current?.SetTag(GeoAttributes.SubjectLocation, pseudonymizer.Compute("delivery.address", order.Address.Point.ToLatLng())); // leak TC1001 precision-pseudonym
            return false;
        }
    }
}
