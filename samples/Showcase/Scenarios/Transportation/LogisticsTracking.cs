using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Transportation;

/// <summary>
/// 7.2 Logistics tracking: the tracking service polls carriers for their shipments' status and ETA;
/// late shipments raise a delay event, and one carrier's tracking API fails.
/// </summary>
/// <remarks>
/// The seed's free-text <c>delay_reason</c> is the <c>shipment.delay_reason</c> enum, and the delay in
/// hours also feeds the <c>logistics.shipment.delay</c> histogram by carrier and reason.
/// </remarks>
public sealed class LogisticsTracking : IScenario
{
    private static readonly (string Carrier, string Prefix, string Location, ShipmentStatus Status, ShipmentDelayReason? Delay, bool ApiDown)[] Shipments =
    [
        ("sf_express", "SF", "Shenzhen hub", ShipmentStatus.InTransit, null, false),
        ("dhl", "JD", "Hamburg", ShipmentStatus.InTransit, ShipmentDelayReason.Customs, false),
        ("sf_express", "SF", "Guangzhou", ShipmentStatus.OutForDelivery, ShipmentDelayReason.Weather, false),
        ("cainiao", "CN", "Hangzhou", ShipmentStatus.PickedUp, null, true),
    ];

    /// <inheritdoc/>
    public string Id => "7.2";

    /// <inheritdoc/>
    public string Name => "logistics-tracking";

    /// <inheritdoc/>
    public string Industry => "transportation";

    /// <inheritdoc/>
    public string Summary => "Shipments polled from carriers with status, location and ETA; delays as events with a reason enum and a delay histogram; one carrier API fails.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var shipment in Shipments)
        {
            Poll(ctx, shipment);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.2, 1));
        }
    }

    private static void Poll(ScenarioContext ctx, (string Carrier, string Prefix, string Location, ShipmentStatus Status, ShipmentDelayReason? Delay, bool ApiDown) shipment)
    {
        var shipmentId = $"{shipment.Prefix}{ctx.Random.NextInt64(1_000_000_000, 9_999_999_999)}";
        using var span = ctx.Source.StartLogisticsShipment(shipmentId, startTime: ctx.Clock.Now).SetShipmentCarrier(shipment.Carrier);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.15, 0.9));

        try
        {
            CallCarrier(shipment.ApiDown);
        }
        catch (CarrierApiException ex)
        {
            span.RecordException(ex, "carrier tracking API unavailable");
            return;
        }

        var promised = ctx.Clock.Now.AddHours(ctx.Between(6, 48));
        var delayHours = shipment.Delay is null ? 0 : ScenarioContext.Round(ctx.Between(4, 30));
        var eta = promised.AddHours(delayHours).ToOffset(TimeSpan.FromHours(8));
        span.SetShipmentStatus(shipment.Status)
            .SetShipmentLocation(shipment.Location)
            .SetShipmentEta(eta.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

        if (shipment.Delay is { } reason)
        {
            // An alert is a warning log record with the event's name, under this span's trace; it does
            // not depend on the trace being sampled.
            ctx.Logger.LogShipmentDelayedEvent(reason, delayHours);
            ctx.Meter.CreateLogisticsShipmentDelayHistogram().Record(delayHours, shipment.Carrier, reason);
        }
    }

    private static void CallCarrier(bool down)
    {
        if (down)
        {
            throw new CarrierApiException("Tracking API answered 502 Bad Gateway three times.");
        }
    }
}

/// <summary>A carrier's tracking API failed.</summary>
public sealed class CarrierApiException(string message) : Exception(message);
