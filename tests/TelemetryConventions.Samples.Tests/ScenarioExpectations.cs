using System.Collections.Generic;
using System.Linq;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// What each scenario must emit, copied from the scenario table of conventions/README.md (the group
/// ids without their <c>span.</c>, <c>event.</c> and <c>metric.</c> prefixes), and how its spans nest.
/// Kept here rather than read from the scenarios, so that a scenario cannot pass by declaring less.
/// </summary>
internal sealed record ScenarioExpectation(
    string Id,
    string[] Spans,
    string[] Events,
    string[] Metrics,
    (string Child, string Parent)[] Parents,
    bool SimulatesFailures,
    bool IdentifiesPeople,
    string[]? LogEvents = null)
{
    public static readonly IReadOnlyList<ScenarioExpectation> All =
    [
        new("2.1",
            ["patient.visit", "patient.visit.register", "patient.visit.diagnose", "patient.visit.prescribe", "medical_record.sync"],
            ["patient.visit.completed"],
            ["medical_record.sync.duration"],
            [("patient.visit.register", "patient.visit"), ("patient.visit.diagnose", "patient.visit"), ("patient.visit.prescribe", "patient.visit"), ("medical_record.sync", "patient.visit")],
            SimulatesFailures: true, IdentifiesPeople: true, LogEvents: ["audit.medical_record.access"]),
        new("2.2", ["consultation.video_call"], [], [], [], SimulatesFailures: true, IdentifiesPeople: true, LogEvents: ["audit.medical_record.access"]),
        new("2.3",
            ["device.ventilator"],
            [],
            ["medical.device.status", "medical.device.alerts", "medical.device.ventilator.tidal_volume", "medical.device.ventilator.respiratory_rate", "medical.device.ventilator.oxygen_concentration"],
            [], SimulatesFailures: true, IdentifiesPeople: true, LogEvents: ["medical.device.alert", "audit.medical.device.access"]),
        new("3.1", ["game.player_action", "game.room"], [], ["game.action.duration", "game.room.players"],
            [("game.player_action", "game.room")], SimulatesFailures: true, IdentifiesPeople: true, LogEvents: ["game.room.high_latency"]),
        new("3.2", ["player.session", "player.purchase"], ["session.start", "session.end", "game.item.purchased"], ["game.session.duration"],
            [("player.purchase", "player.session")], SimulatesFailures: true, IdentifiesPeople: true),
        new("3.3", ["assets.load_scene", "assets.load"], [], ["game.scene.load.duration", "game.asset.load.duration"],
            [("assets.load", "assets.load_scene")], SimulatesFailures: true, IdentifiesPeople: false),
        new("4.1", ["grid.node"], [],
            ["grid.node.voltage", "grid.node.current", "grid.node.power", "grid.node.loading", "grid.voltage_anomalies"],
            [], SimulatesFailures: true, IdentifiesPeople: false, LogEvents: ["grid.voltage_anomaly"]),
        new("4.2", ["turbine.monitor"], [], ["turbine.power", "turbine.generator.temperature"],
            [], SimulatesFailures: true, IdentifiesPeople: false, LogEvents: ["turbine.high_temperature"]),
        new("4.3", ["energy.building"], [],
            ["building.electricity.consumption", "building.gas.consumption", "building.water.consumption", "building.carbon_footprint", "building.efficiency_score"],
            [], SimulatesFailures: true, IdentifiesPeople: false),
        new("5.1", ["pos.transaction"], ["pos.transaction.completed"], ["pos.transaction.duration"], [], SimulatesFailures: true, IdentifiesPeople: false),
        new("5.2", ["order.delivery"], ["order.delivery.step"], ["order.delivery.steps"], [], SimulatesFailures: false, IdentifiesPeople: false),
        new("5.3", ["customer.journey"], ["customer.journey.purchase_completed"], ["customer.journeys"], [], SimulatesFailures: false, IdentifiesPeople: true),
        new("6.1", ["learning.course_progress"], ["learning.milestone_reached", "learning.course_completed"], [], [], SimulatesFailures: true, IdentifiesPeople: true),
        new("6.2", ["analytics.engagement"], [], [], [], SimulatesFailures: false, IdentifiesPeople: true, LogEvents: ["engagement.low_engagement"]),
        new("7.1", ["traffic.intersection"], ["traffic.signal.adjusted"], ["traffic.flow", "traffic.intersection.congestion"], [], SimulatesFailures: true, IdentifiesPeople: false),
        new("7.2", ["logistics.shipment"], [], ["logistics.shipment.delay"], [], SimulatesFailures: true, IdentifiesPeople: false, LogEvents: ["shipment.delayed"]),
        new("8.1", ["video.playback"], [], ["video.playback.duration", "video.playback.startup.duration"], [], SimulatesFailures: true, IdentifiesPeople: true, LogEvents: ["video.buffering"]),
        new("8.2", ["recommendation.generate"], [], ["recommendation.generate.duration"], [], SimulatesFailures: true, IdentifiesPeople: true),
    ];

    public static ScenarioExpectation For(string id) => All.Single(e => e.Id == id);

    /// <summary>The scenario ids, for theories.</summary>
    public static IEnumerable<object[]> Ids => All.Select(e => new object[] { e.Id });
}
