using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Transportation;

/// <summary>
/// 7.1 Smart traffic: each intersection's controller counts the vehicles per approach every cycle,
/// computes congestion and adjusts its signal plan; one intersection's camera is offline.
/// </summary>
/// <remarks>
/// The seed had one span attribute per direction (<c>traffic.north_flow</c>, …). Flows are metrics by
/// nature: <c>traffic.flow</c> is a counter with a <c>traffic.direction</c> enum, so they can be summed
/// and compared per approach, and a five-way junction needs no new attribute.
/// </remarks>
public sealed class SmartTraffic : IScenario
{
    /// <summary>Congestion above which the controller changes its signal plan.</summary>
    private const double AdjustAbove = 0.7;

    private static readonly (string Id, string Location, double Demand, bool CameraOffline)[] Intersections =
    [
        ("INT-0815", "Main St / 5th Ave", 1.0, false),
        ("INT-0816", "Main St / 6th Ave", 1.6, false),
        ("INT-0903", "Harbor Rd / Dock St", 0.6, true),
    ];

    private static readonly TrafficDirection[] Directions = Enum.GetValues<TrafficDirection>();

    /// <inheritdoc/>
    public string Id => "7.1";

    /// <inheritdoc/>
    public string Name => "smart-traffic";

    /// <inheritdoc/>
    public string Industry => "transportation";

    /// <inheritdoc/>
    public string Summary => "Intersections count vehicles per direction (a counter with a direction enum), report congestion and adjust signals; one camera is offline.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var intersection in Intersections)
        {
            Cycle(ctx, intersection);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.1, 0.6));
        }
    }

    private static void Cycle(ScenarioContext ctx, (string Id, string Location, double Demand, bool CameraOffline) intersection)
    {
        using var span = ctx.Source.StartTrafficIntersection(intersection.Id, startTime: ctx.Clock.Now)
            .SetTrafficIntersectionLocation(intersection.Location);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.05, 0.25));

        int[] flows;
        try
        {
            flows = CountVehicles(ctx, intersection.Demand, intersection.CameraOffline);
        }
        catch (DetectorOfflineException ex)
        {
            span.RecordException(ex, "vehicle detector offline; running the fixed-time plan");
            return;
        }

        for (var i = 0; i < Directions.Length; i++)
        {
            ctx.Meter.CreateTrafficFlowCounter().Add(flows[i], intersection.Id, Directions[i]);
        }
        // Congestion as demand over the capacity of one 90-second cycle (about 45 vehicles an approach).
        var congestion = Math.Round(Math.Min(1.0, flows.Sum() / (4 * 45.0)), 2);
        span.SetTrafficCongestionIndex(congestion);
        ctx.Meter.CreateTrafficIntersectionCongestionGauge().Record(congestion, intersection.Id);

        if (congestion > AdjustAbove)
        {
            var busiest = Directions[Array.IndexOf(flows, flows.Max())];
            span.AddTrafficSignalAdjustedEvent(TrafficSignalAction.ExtendGreenTime, busiest, ctx.Clock.Now);
        }
    }

    private static int[] CountVehicles(ScenarioContext ctx, double demand, bool offline)
    {
        if (offline)
        {
            throw new DetectorOfflineException("Camera VD-2 has sent no frames for 120 s.");
        }
        // Rush hour towards the city centre: the north-south approaches carry more.
        double[] bias = [1.3, 1.1, 0.8, 0.7];
        return bias.Select(b => (int)Math.Round(Math.Max(0, ctx.Around(30 * demand * b, 4)))).ToArray();
    }
}

/// <summary>A vehicle detector stopped sending data.</summary>
public sealed class DetectorOfflineException(string message) : Exception(message);
