using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Energy;

/// <summary>
/// 4.2 Wind farm data collection: turbines report wind, rotor, power and generator temperature; a hot
/// generator raises an alert and one turbine's SCADA link is down.
/// </summary>
/// <remarks>
/// The seed's unit-suffixed names (<c>turbine.wind_speed_ms</c>, <c>turbine.generator_temp_c</c>) are
/// <c>turbine.wind_speed</c> and <c>turbine.generator_temperature</c> with units in their briefs, and the
/// 80 °C limit travels with the alert instead of being hidden in code.
/// </remarks>
public sealed class WindFarm : IScenario
{
    /// <summary>The generator's thermal limit from the manufacturer's manual.</summary>
    private const double GeneratorTemperatureLimit = 80.0;

    // A 3 MW turbine with a 112 m rotor: the physics behind the simulated power curve.
    private const double RatedKilowatts = 3000;
    private const double RotorRadius = 56;
    private const double AirDensity = 1.225;

    private static readonly (string Id, string Location, bool Hot, bool LinkDown)[] Turbines =
    [
        ("WTG-001", "north-ridge/A-03", false, false),
        ("WTG-002", "north-ridge/A-07", false, false),
        ("WTG-017", "north-ridge/B-12", true, false),
        ("WTG-023", "south-ridge/C-02", false, true),
    ];

    /// <inheritdoc/>
    public string Id => "4.2";

    /// <inheritdoc/>
    public string Name => "wind-farm-data-collection";

    /// <inheritdoc/>
    public string Industry => "energy";

    /// <inheritdoc/>
    public string Summary => "Turbines report wind, rotor, power and temperature with units in the conventions; a hot generator raises an alert, one SCADA link is down.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        var windSpeed = ctx.Between(6, 12);
        foreach (var turbine in Turbines)
        {
            Monitor(ctx, turbine, windSpeed);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.2, 1));
        }
    }

    private static void Monitor(ScenarioContext ctx, (string Id, string Location, bool Hot, bool LinkDown) turbine, double farmWindSpeed)
    {
        // geo.location.lat/lon are opt-in: the coordinates are in the asset register; the location
        // code is enough to find the turbine on a dashboard.
        using var monitor = ctx.Source.StartTurbineMonitor(turbine.Id, startTime: ctx.Clock.Now).SetTurbineLocation(turbine.Location);
        using var ends = ctx.Clock.EndsSpan(monitor.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.05, 0.3));

        try
        {
            Connect(turbine.LinkDown);
        }
        catch (TelemetryLinkTimeoutException ex)
        {
            monitor.RecordException(ex, "no data from the turbine controller");
            ctx.Service(static meter => new TurbineBoard(meter)).Forget(turbine.Id);
            return;
        }

        var wind = ScenarioContext.Round(farmWindSpeed * ctx.Between(0.9, 1.1));
        var powerCoefficient = ctx.Between(0.38, 0.45);
        var availableKilowatts = 0.5 * AirDensity * Math.PI * RotorRadius * RotorRadius * Math.Pow(wind, 3) / 1000;
        var power = ScenarioContext.Round(Math.Min(RatedKilowatts, availableKilowatts * powerCoefficient), 0);
        // Variable-speed rotor at a tip-speed ratio of about 7.
        var rotorRpm = ScenarioContext.Round(7 * wind / RotorRadius * 60 / (2 * Math.PI));
        var temperature = ScenarioContext.Round(turbine.Hot ? ctx.Between(84, 92) : ctx.Around(62, 4));

        monitor.SetTurbineWindSpeed(wind)
            .SetTurbineRotorSpeed(rotorRpm)
            .SetTurbinePowerOutput(power)
            .SetTurbineBladeAngle(ScenarioContext.Round(ctx.Between(0, 4)))
            .SetTurbineGeneratorTemperature(temperature)
            .SetTurbineEfficiency(ScenarioContext.Round(power / availableKilowatts * 100))
            .SetTurbineMaintenanceScore(ScenarioContext.Round(turbine.Hot ? ctx.Between(15, 30) : ctx.Between(70, 95)));
        ctx.Service(static meter => new TurbineBoard(meter)).Report(turbine.Id, power, temperature);

        if (temperature > GeneratorTemperatureLimit)
        {
            // An alert is a warning log record with the event's name, under this span's trace; it does
            // not depend on the trace being sampled.
            ctx.Logger.LogTurbineHighTemperatureEvent(AlertSeverity.Warning, temperature, GeneratorTemperatureLimit);
        }
    }

    private static void Connect(bool linkDown)
    {
        if (linkDown)
        {
            throw new TelemetryLinkTimeoutException("OPC UA session to the turbine controller timed out.");
        }
    }

    /// <summary>
    /// The SCADA board: the latest power and generator temperature of every turbine, which the
    /// turbine gauges report when the SDK collects.
    /// </summary>
    private sealed class TurbineBoard
    {
        private readonly ConcurrentDictionary<string, (double Power, double Temperature)> _latest = new();

        public TurbineBoard(Meter meter)
        {
            meter.CreateTurbinePowerObservableGauge(() => _latest.Select(e => TurbinePowerObservableGauge.Measure(e.Value.Power, e.Key)));
            meter.CreateTurbineGeneratorTemperatureObservableGauge(() => _latest.Select(e => TurbineGeneratorTemperatureObservableGauge.Measure(e.Value.Temperature, e.Key)));
        }

        public void Report(string turbineId, double power, double temperature) => _latest[turbineId] = (power, temperature);

        public void Forget(string turbineId) => _latest.TryRemove(turbineId, out _);
    }
}
