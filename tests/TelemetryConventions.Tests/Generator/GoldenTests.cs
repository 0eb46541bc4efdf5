using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>Every generated shape, compared with reviewed files under Golden/.</summary>
public sealed class GoldenTests
{
    private static string Input(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TelemetryConventions.Tests", "Generator", "Inputs", name));

    [Fact]
    public void Attribute_constants_and_enums()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "Contoso.Telemetry" });

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        GoldenFile.AssertMatches("ShapesAttributes.g.cs", run.Source("ShapesAttributes.g.cs"));
    }

    /// <summary>The API tests' conventions: one span, event and metric of every instrument kind.</summary>
    public static TheoryData<string> WrapperFiles() => new()
    {
        "ClinicAttributes.g.cs",
        "ErrorAttributes.g.cs",
        "Spans.ClinicVisitSpan.g.cs",
        "Events.AddClinicVitalsRecordedEvent.g.cs",
        "Events.AddClinicVisitPausedEvent.g.cs",
        "LogEvents.LogClinicVisitPausedEvent.g.cs",
        "LogEvents.LogClinicVitalsRecordedEvent.g.cs",
        "LogEvents.LogClinicRecordAccessedEvent.g.cs",
        "LogEvents.LogClinicTriageNotedEvent.g.cs",
        "Metrics.ClinicVisitsCounter.g.cs",
        "Metrics.ClinicVisitDurationHistogram.g.cs",
        "Metrics.ClinicVisitDurationHistogram.Failure.g.cs",
        "Metrics.ClinicWaitingUpDownCounter.g.cs",
        "Metrics.ClinicTemperatureGauge.g.cs",
        "Metrics.ClinicBedsOccupiedObservableUpDownCounter.g.cs",
        "Metrics.ClinicOxygenDeliveredObservableCounter.g.cs",
        "Metrics.ClinicHumidityObservableGauge.g.cs",
        "TelemetryConventionsSupport.g.cs",
        "Resources.ClinicSite.g.cs",
        "TelemetryConventionsGeneratedCode.g.cs",
        "TelemetryCatalog.g.cs",
    };

    private static readonly Lazy<GeneratorRun> ClinicRun = new(() => GeneratorHarness.Run(
        "conventions/clinic.yaml",
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TelemetryConventions.Api.Tests", "conventions", "clinic.yaml")),
        new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "Clinic.Telemetry" }));

    [Theory]
    [MemberData(nameof(WrapperFiles))]
    public void Span_event_and_metric_wrappers(string hintName)
    {
        Assert.Empty(ClinicRun.Value.ConventionDiagnostics);
        Assert.Empty(ClinicRun.Value.CompilationDiagnostics);
        GoldenFile.AssertMatches(hintName, ClinicRun.Value.Source(hintName));
    }

    [Fact]
    public void Every_generated_file_has_a_golden_file()
    {
        Assert.Equal(WrapperFiles().Cast<object[]>().Select(row => (string)row[0]).Order(), ClinicRun.Value.HintNames.Order());
    }

    /// <summary>
    /// <c>TelemetryConventionsObservableInstruments=all</c>: a metric without the annotation keeps its
    /// synchronous wrapper and gains a registration; histograms and <c>observable: true</c> metrics are unchanged.
    /// </summary>
    [Fact]
    public void Observable_instruments_option_adds_registrations_beside_the_wrappers()
    {
        var run = GeneratorHarness.Run(
            "conventions/clinic.yaml",
            File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TelemetryConventions.Api.Tests", "conventions", "clinic.yaml")),
            new Dictionary<string, string> { ["TelemetryConventionsNamespace"] = "Clinic.Telemetry", ["TelemetryConventionsObservableInstruments"] = "all" });

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        GoldenFile.AssertMatches("ObservableAll/Metrics.ClinicWaitingUpDownCounter.g.cs", run.Source("Metrics.ClinicWaitingUpDownCounter.g.cs"));
        Assert.DoesNotContain("Observable", run.Source("Metrics.ClinicVisitDurationHistogram.g.cs"));
        Assert.Equal(ClinicRun.Value.Source("Metrics.ClinicHumidityObservableGauge.g.cs"), run.Source("Metrics.ClinicHumidityObservableGauge.g.cs"));
    }

    [Fact]
    public void Internal_visibility_option()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsVisibility"] = "internal", ["RootNamespace"] = "Contoso.App" });

        var source = run.Source("ShapesAttributes.g.cs");
        Assert.Contains("namespace Contoso.App.Telemetry;", source);
        Assert.Contains("internal static partial class ShapesAttributes", source);
        Assert.Contains("internal enum ShapesKind", source);
        Assert.DoesNotContain("public static partial class", source);
    }

    [Fact]
    public void Stable_only_option_keeps_the_projects_own_development_attributes()
    {
        var run = GeneratorHarness.Run("conventions/shapes.yaml", Input("shapes.yaml"),
            new Dictionary<string, string> { ["TelemetryConventionsStability"] = "stable" });

        var source = run.Source("ShapesAttributes.g.cs");
        Assert.Contains("public const string Name = \"shapes.name\";", source);
        Assert.Contains("\"shapes.count\"", source);
        Assert.Empty(run.ConventionDiagnostics);
    }
}
