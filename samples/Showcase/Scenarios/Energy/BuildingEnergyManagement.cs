using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Energy;

/// <summary>
/// 4.3 Energy management system: each building's hourly electricity, gas and water consumption,
/// carbon footprint and efficiency score; one building's meter reports an impossible value.
/// </summary>
/// <remarks>
/// The seed kept consumption only on spans, where it cannot be summed over time. Here the span
/// describes one settlement run and the quantities also go to counters (kWh, m³, kg) and an
/// efficiency gauge, which is what an energy dashboard reads.
/// </remarks>
public sealed class BuildingEnergyManagement : IScenario
{
    // Emission factors of the regional grid and of natural gas, in kg CO2e per kWh and per m³.
    private const double GridEmissionFactor = 0.38;
    private const double GasEmissionFactor = 1.9;

    private static readonly (string Id, BuildingType Type, double BaseKilowattHours, bool FaultyMeter)[] Buildings =
    [
        ("bldg-hq-01", BuildingType.Commercial, 420, false),
        ("bldg-lab-02", BuildingType.Industrial, 910, false),
        ("bldg-library-03", BuildingType.Public, 160, true),
    ];

    /// <inheritdoc/>
    public string Id => "4.3";

    /// <inheritdoc/>
    public string Name => "energy-management-system";

    /// <inheritdoc/>
    public string Industry => "energy";

    /// <inheritdoc/>
    public string Summary => "Hourly consumption per building on spans and in counters (kWh, m³, kg CO2e) with an efficiency gauge; one meter reading is rejected.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var building in Buildings)
        {
            Settle(ctx, building);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.5, 2));
        }
    }

    private static void Settle(ScenarioContext ctx, (string Id, BuildingType Type, double BaseKilowattHours, bool FaultyMeter) building)
    {
        using var span = ctx.Source.StartEnergyBuilding(building.Id, building.Type, startTime: ctx.Clock.Now);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.3, 1.2));

        double electricity;
        try
        {
            electricity = ReadElectricityMeter(ctx, building.BaseKilowattHours, building.FaultyMeter);
        }
        catch (ImplausibleReadingException ex)
        {
            // A rejected reading is not counted: a counter cannot take it back later.
            span.RecordException(ex, "electricity reading rejected by plausibility check");
            return;
        }

        var gas = ScenarioContext.Round(building.Type == BuildingType.Industrial ? ctx.Between(40, 90) : ctx.Between(5, 35));
        var water = ScenarioContext.Round(ctx.Between(2, 15));
        var carbon = ScenarioContext.Round((electricity * GridEmissionFactor) + (gas * GasEmissionFactor));
        var score = ScenarioContext.Round(Math.Clamp(100 - (electricity / building.BaseKilowattHours * 40) + ctx.Around(0, 5), 0, 100));

        span.SetEnergyElectricityConsumption(electricity)
            .SetEnergyGasConsumption(gas)
            .SetEnergyWaterConsumption(water)
            .SetEnergyCarbonFootprint(carbon)
            .SetBuildingEfficiencyScore(score);
        ctx.Meter.CreateBuildingElectricityConsumptionCounter().Add(electricity, building.Id, building.Type);
        ctx.Meter.CreateBuildingGasConsumptionCounter().Add(gas, building.Id, building.Type);
        ctx.Meter.CreateBuildingWaterConsumptionCounter().Add(water, building.Id, building.Type);
        ctx.Meter.CreateBuildingCarbonFootprintCounter().Add(carbon, building.Id, building.Type);
        ctx.Meter.CreateBuildingEfficiencyScoreGauge().Record(score, building.Id, building.Type);
    }

    private static double ReadElectricityMeter(ScenarioContext ctx, double baseKilowattHours, bool faulty)
    {
        if (faulty)
        {
            // A meter that rolled over reports a negative hourly delta.
            throw new ImplausibleReadingException("Hourly electricity delta of -99841.2 kWh: meter register rolled over.");
        }
        return ScenarioContext.Round(baseKilowattHours * ctx.Between(0.8, 1.25));
    }
}

/// <summary>A meter reading failed its plausibility check.</summary>
public sealed class ImplausibleReadingException(string message) : Exception(message);
