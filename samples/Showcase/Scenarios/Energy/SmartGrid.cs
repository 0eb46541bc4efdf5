using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Energy;

/// <summary>
/// 4.1 Smart grid monitoring: grid nodes report voltage, current, power and loading; readings outside
/// the permitted band raise a voltage anomaly, and one feeder's telemetry link times out.
/// </summary>
/// <remarks>
/// The seed hard-coded a 220–240 V band. The band belongs to the grid code and the node's nominal
/// voltage (230 V ±10 % low voltage under EN 50160, ±7 % here for 10 kV), so it is configuration,
/// and the anomaly event records the nominal voltage and the limits it was judged against.
/// </remarks>
public sealed class SmartGrid : IScenario
{
    private const string Region = "east-grid";

    private static readonly GridCode LowVoltage = new(Nominal: 230, Tolerance: 0.10);
    private static readonly GridCode MediumVoltage = new(Nominal: 10_000, Tolerance: 0.07);

    private static readonly Node[] Nodes =
    [
        new("SUB-EAST-07", GridNodeType.Substation, MediumVoltage, RatedKilowatts: 8000, Condition.Normal),
        new("TX-0412", GridNodeType.Transformer, LowVoltage, RatedKilowatts: 400, Condition.Sagging),
        new("FDR-118", GridNodeType.Feeder, LowVoltage, RatedKilowatts: 250, Condition.LinkDown),
        new("SM-55102", GridNodeType.SmartMeter, LowVoltage, RatedKilowatts: 15, Condition.Normal),
        new("DG-PV-0031", GridNodeType.DistributedGeneration, LowVoltage, RatedKilowatts: 60, Condition.Surging),
    ];

    /// <inheritdoc/>
    public string Id => "4.1";

    /// <inheritdoc/>
    public string Name => "smart-grid-monitoring";

    /// <inheritdoc/>
    public string Industry => "energy";

    /// <inheritdoc/>
    public string Summary => "Grid nodes report voltage, current, power and loading as attributes and gauges; out-of-band voltages raise anomalies judged against configured limits.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var node in Nodes)
        {
            Sample(ctx, node);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.1, 0.5));
        }
    }

    private static void Sample(ScenarioContext ctx, Node node)
    {
        using var span = ctx.Source.StartGridNode(node.Id, node.Type, startTime: ctx.Clock.Now)
            .SetGridNodeRegion(Region)
            .SetGridNominalVoltage(node.Code.Nominal);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.02, 0.2));

        Reading reading;
        try
        {
            reading = Read(ctx, node);
        }
        catch (TelemetryLinkTimeoutException ex)
        {
            span.RecordException(ex, "no reading from the node's RTU");
            // A silent node drops out of the gauges rather than repeating its last reading.
            ctx.Service(static meter => new GridBoard(meter)).Forget(node.Id);
            return;
        }

        span.SetGridVoltage(reading.Voltage).SetGridCurrent(reading.Current).SetGridPower(reading.Power).SetGridLoading(reading.Loading);
        ctx.Service(static meter => new GridBoard(meter)).Report(node, reading);

        var (lower, upper) = node.Code.Band;
        if (reading.Voltage < lower || reading.Voltage > upper)
        {
            var deviation = reading.Voltage < lower ? GridVoltageDeviation.Undervoltage : GridVoltageDeviation.Overvoltage;
            // More than twice the tolerance away from nominal is critical; inside that, a warning.
            var severity = Math.Abs(reading.Voltage - node.Code.Nominal) > 2 * node.Code.Tolerance * node.Code.Nominal ? AlertSeverity.Critical : AlertSeverity.Warning;
            // An alert is a log record with the event's name, under this span's trace; it does not
            // depend on the trace being sampled. A critical one is written at Critical, a warning at the
            // event's declared Warning.
            ctx.Logger.LogGridVoltageAnomalyEvent(severity, reading.Voltage, deviation, node.Code.Nominal, lower, upper,
                level: severity == AlertSeverity.Critical ? LogLevel.Critical : null);
            ctx.Meter.CreateGridVoltageAnomaliesCounter().Add(1, deviation, node.Type, Region, severity);
        }
    }

    private static Reading Read(ScenarioContext ctx, Node node)
    {
        var voltageFactor = node.Condition switch
        {
            Condition.Sagging => ctx.Between(0.84, 0.88),
            Condition.Surging => ctx.Between(1.11, 1.14),
            Condition.LinkDown => throw new TelemetryLinkTimeoutException("IEC 60870-5-104 interrogation timed out after 10 s."),
            _ => ctx.Between(0.97, 1.03),
        };
        var voltage = ScenarioContext.Round(node.Code.Nominal * voltageFactor);
        var loading = ScenarioContext.Round(node.Condition == Condition.Sagging ? ctx.Between(95, 110) : ctx.Between(35, 80));
        var power = ScenarioContext.Round(node.RatedKilowatts * loading / 100);
        // Power factor 0.95. The substation's voltage is line to line (I = P / (√3·V·pf)); low-voltage
        // nodes report phase voltage, three-phase except the household meter (I = P / (3·V·pf)).
        var phaseFactor = node.Code == MediumVoltage ? Math.Sqrt(3) : node.Type == GridNodeType.SmartMeter ? 1.0 : 3.0;
        var current = ScenarioContext.Round(power * 1000 / (phaseFactor * voltage * 0.95));
        return new Reading(voltage, current, power, loading);
    }

    private enum Condition
    {
        Normal,
        Sagging,
        Surging,
        LinkDown,
    }

    /// <summary>A grid code's nominal voltage and permitted deviation; the source of the band.</summary>
    private sealed record GridCode(double Nominal, double Tolerance)
    {
        public (double Lower, double Upper) Band => (ScenarioContext.Round(Nominal * (1 - Tolerance)), ScenarioContext.Round(Nominal * (1 + Tolerance)));
    }

    private sealed record Node(string Id, GridNodeType Type, GridCode Code, double RatedKilowatts, Condition Condition);

    private readonly record struct Reading(double Voltage, double Current, double Power, double Loading);

    /// <summary>
    /// The control room's board: the latest reading of every node, which the grid gauges report
    /// when the SDK collects. Registered once, when the board is created.
    /// </summary>
    private sealed class GridBoard
    {
        private readonly ConcurrentDictionary<string, (Node Node, Reading Reading)> _latest = new();

        public GridBoard(Meter meter)
        {
            meter.CreateGridNodeVoltageObservableGauge(() => _latest.Values.Select(e => GridNodeVoltageObservableGauge.Measure(e.Reading.Voltage, e.Node.Id, e.Node.Type, Region)));
            meter.CreateGridNodeCurrentObservableGauge(() => _latest.Values.Select(e => GridNodeCurrentObservableGauge.Measure(e.Reading.Current, e.Node.Id, e.Node.Type, Region)));
            meter.CreateGridNodePowerObservableGauge(() => _latest.Values.Select(e => GridNodePowerObservableGauge.Measure(e.Reading.Power, e.Node.Id, e.Node.Type, Region)));
            meter.CreateGridNodeLoadingObservableGauge(() => _latest.Values.Select(e => GridNodeLoadingObservableGauge.Measure(e.Reading.Loading, e.Node.Id, e.Node.Type, Region)));
        }

        public void Report(Node node, Reading reading) => _latest[node.Id] = (node, reading);

        public void Forget(string nodeId) => _latest.TryRemove(nodeId, out _);
    }
}

/// <summary>A field device's telemetry link did not answer.</summary>
public sealed class TelemetryLinkTimeoutException(string message) : TimeoutException(message);
