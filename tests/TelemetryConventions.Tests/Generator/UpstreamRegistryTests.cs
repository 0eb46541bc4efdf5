using Microsoft.CodeAnalysis;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>The real OpenTelemetry registry v1.44.0, unchanged, from ../shared.</summary>
public sealed class UpstreamRegistryTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() =>
        GeneratorHarness.Run(TestPaths.UpstreamFiles().Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)))));

    [Fact]
    public void Registry_has_the_expected_number_of_files()
    {
        // 250 YAML files, one of which is the registry manifest.
        Assert.Equal(249, TestPaths.UpstreamFiles().Count);
    }

    [Fact]
    public void Compiles_without_convention_errors()
    {
        var errors = Run.Value.ConventionDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Generator_reports_no_warnings_and_does_not_fail()
    {
        var problems = Run.Value.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var problems = Run.Value.CompilationDiagnostics.ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public void Every_attribute_in_the_yaml_gets_exactly_one_constant()
    {
        var declared = UpstreamYaml.AttributeNames();
        Assert.Equal(940, declared.Count);
        // `code_generation.exclude: true` asks code generators to leave an attribute out.
        var expected = declared.Except(UpstreamYaml.ExcludedFromCodeGeneration()).ToList();
        Assert.InRange(expected.Count, 900, 939);

        var constants = Run.Value.AttributeConstants.ToList();

        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), constants.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("LogEvents.LogExceptionEvent.g.cs", "\"exception\"", "LogLevel.Error")]
    [InlineData("LogEvents.LogSessionStartEvent.g.cs", "\"session.start\"", "LogLevel.Information")]
    [InlineData("LogEvents.LogFeatureFlagEvaluationEvent.g.cs", "\"feature_flag.evaluation\"", "LogLevel.Information")]
    public void Upstream_events_get_log_methods(string hintName, string eventName, string level)
    {
        var source = Run.Value.Source(hintName);
        Assert.Contains(eventName + ");", source);
        Assert.Contains(level, source);
    }
}
