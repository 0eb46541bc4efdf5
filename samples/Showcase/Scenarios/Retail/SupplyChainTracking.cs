using System;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Retail;

/// <summary>
/// 5.2 Supply chain tracking: orders move from the warehouse through sorting and distribution centres
/// to the customer; each step is an event on the order's delivery span.
/// </summary>
/// <remarks>
/// The seed wrote one attribute per step, <c>location.warehouse_picked</c>, <c>location.delivered</c>…:
/// a key set that grows with the process and that no backend can index. Here each step is an
/// <c>order.delivery.step</c> event with the <c>delivery.step</c> enum and a <c>delivery.location</c>
/// (a facility or district, never the customer's address), and <c>order.delivery.steps</c> counts them.
/// </remarks>
public sealed class SupplyChainTracking : IScenario
{
    private static readonly (DeliveryStep Step, OrderStatus Status, string[] Locations, double MinHours, double MaxHours)[] Route =
    [
        (DeliveryStep.WarehousePicked, OrderStatus.Picking, ["WH-SHANGHAI-02", "WH-SUZHOU-01"], 1, 6),
        (DeliveryStep.SortingCenter, OrderStatus.InTransit, ["SC-HANGZHOU", "SC-JIAXING"], 3, 10),
        (DeliveryStep.DistributionCenter, OrderStatus.InTransit, ["DC-NINGBO", "DC-SHANGHAI-EAST"], 4, 14),
        (DeliveryStep.LastMileDelivery, OrderStatus.InTransit, ["Pudong", "Minhang", "Xuhui"], 2, 8),
        (DeliveryStep.Delivered, OrderStatus.Delivered, ["Pudong", "Minhang", "Xuhui"], 0.2, 2),
    ];

    /// <inheritdoc/>
    public string Id => "5.2";

    /// <inheritdoc/>
    public string Name => "supply-chain-tracking";

    /// <inheritdoc/>
    public string Industry => "retail";

    /// <inheritdoc/>
    public string Summary => "Orders move through the delivery steps as events with a step enum and a location, instead of dynamic location.<step> attribute keys.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        // How far each order gets in this run: one delivered, one on its way, one still in the warehouse.
        int[] stepsReached = [Route.Length, 3, 1];
        foreach (var steps in stepsReached)
        {
            Track(ctx, $"ORD-{ctx.Random.Next(10_000, 99_999)}", steps);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(5, 30)));
        }
    }

    private static void Track(ScenarioContext ctx, string orderId, int stepsReached)
    {
        using var delivery = ctx.Source.StartOrderDelivery(orderId, startTime: ctx.Clock.Now);
        using var ends = ctx.Clock.EndsSpan(delivery.Activity);

        var status = OrderStatus.Paid;
        for (var i = 0; i < stepsReached; i++)
        {
            var (step, reachedStatus, locations, minHours, maxHours) = Route[i];
            ctx.Clock.Advance(TimeSpan.FromHours(ctx.Between(minHours, maxHours)));
            delivery.AddOrderDeliveryStepEvent(step, ctx.Pick(locations), ctx.Clock.Now);
            ctx.Meter.CreateOrderDeliveryStepsCounter().Add(1, step);
            status = reachedStatus;
        }
        // The span covers what has happened so far; an order still on its way is reported as such.
        delivery.SetOrderStatus(status);
    }
}
