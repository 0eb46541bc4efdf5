using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Samples.Scenarios.Education;
using TelemetryConventions.Samples.Scenarios.Energy;
using TelemetryConventions.Samples.Scenarios.Gaming;
using TelemetryConventions.Samples.Scenarios.Healthcare;
using TelemetryConventions.Samples.Scenarios.Media;
using TelemetryConventions.Samples.Scenarios.Retail;
using TelemetryConventions.Samples.Scenarios.Transportation;

namespace TelemetryConventions.Samples.Scenarios;

/// <summary>The 18 industry scenarios, in the order of the scenario list.</summary>
public static class ScenarioCatalog
{
    /// <summary>Every scenario.</summary>
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new HospitalInformationSystem(),
        new Telemedicine(),
        new MedicalDeviceMonitoring(),
        new GameServer(),
        new PlayerBehaviour(),
        new GameAssetService(),
        new SmartGrid(),
        new WindFarm(),
        new BuildingEnergyManagement(),
        new PointOfSale(),
        new SupplyChainTracking(),
        new CustomerExperience(),
        new OnlineLearning(),
        new LearningAnalytics(),
        new SmartTraffic(),
        new LogisticsTracking(),
        new StreamingService(),
        new ContentRecommendation(),
    ];

    /// <summary>The industries, in the order of the scenario list.</summary>
    public static IReadOnlyList<string> Industries { get; } = All.Select(s => s.Industry).Distinct().ToList();

    /// <summary>The scenario with this number (<c>2.1</c>) or name (<c>hospital-information-system</c>), ignoring case.</summary>
    public static IScenario? Find(string idOrName) =>
        All.FirstOrDefault(s => string.Equals(s.Id, idOrName, StringComparison.Ordinal)
            || string.Equals(s.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The scenarios of one industry, ignoring case; empty for an unknown industry.</summary>
    public static IReadOnlyList<IScenario> OfIndustry(string industry) =>
        All.Where(s => string.Equals(s.Industry, industry, StringComparison.OrdinalIgnoreCase)).ToList();
}
