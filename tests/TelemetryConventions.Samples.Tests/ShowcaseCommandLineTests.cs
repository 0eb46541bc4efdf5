using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TelemetryConventions.Samples.Hosting;
using TelemetryConventions.Samples.Scenarios;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>The showcase's command line: selection, help, errors and exit codes, and its key handling.</summary>
public sealed class ShowcaseCommandLineTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--scenario", "2.1")]
    [InlineData("--scenario", "hospital-information-system")]
    [InlineData("--scenario", "Hospital-Information-System")]
    [InlineData("--scenario=2.1", null)]
    public void A_scenario_is_selected_by_number_or_name(string option, string? value)
    {
        var options = ShowcaseOptions.Parse(value is null ? [option] : [option, value]);

        Assert.Equal(["2.1"], options.Scenarios.Select(s => s.Id));
    }

    [Fact]
    public void An_industry_selects_its_scenarios_and_selections_combine_in_list_order_without_repeats()
    {
        var options = ShowcaseOptions.Parse(["--scenario", "8.2", "--industry", "healthcare", "--scenario", "2.2"]);

        Assert.Equal(["2.1", "2.2", "2.3", "8.2"], options.Scenarios.Select(s => s.Id));
    }

    [Fact]
    public void Without_a_selection_every_scenario_runs()
    {
        var options = ShowcaseOptions.Parse([]);

        Assert.Equal(ScenarioCatalog.All, options.Scenarios);
        Assert.False(options.Prometheus);
    }

    [Fact]
    public void Prometheus_mode_takes_a_duration_and_an_interval()
    {
        var options = ShowcaseOptions.Parse(["--prometheus", "--duration", "12", "--interval", "2"]);

        Assert.True(options.Prometheus);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(ShowcaseOptions.DefaultDurationSeconds), ShowcaseOptions.Parse(["--prometheus"]).Duration);
    }

    [Theory]
    [InlineData(new[] { "--scenario", "9.9" }, "Unknown scenario '9.9'")]
    [InlineData(new[] { "--scenario", "hospital" }, "Unknown scenario 'hospital'")]
    [InlineData(new[] { "--industry", "aviation" }, "Unknown industry 'aviation'")]
    [InlineData(new[] { "--scenario" }, "--scenario needs a value")]
    [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'")]
    [InlineData(new[] { "2.1" }, "Unexpected argument '2.1'")]
    [InlineData(new[] { "--duration", "10" }, "apply to --prometheus only")]
    [InlineData(new[] { "--prometheus", "--duration", "ten" }, "whole number of seconds")]
    [InlineData(new[] { "--prometheus", "--interval", "0" }, "greater than 0")]
    public void A_bad_command_line_is_explained_and_exits_with_2(string[] args, string message)
    {
        var (exitCode, output, errors) = RunInProcess(args);

        Assert.Equal(ShowcaseApp.ExitUsage, exitCode);
        Assert.Contains(message, errors);
        Assert.Contains("--help", errors);
        Assert.Equal("", output);
    }

    [Fact]
    public void An_unknown_scenario_lists_the_known_ones()
    {
        var (_, _, errors) = RunInProcess(["--scenario", "nope"]);

        Assert.All(ScenarioCatalog.All, s => Assert.Contains(s.Name, errors));
    }

    [Fact]
    public void Help_describes_the_options_and_the_key_configuration()
    {
        var (exitCode, output, _) = RunInProcess(["--help"]);

        Assert.Equal(ShowcaseApp.ExitOk, exitCode);
        foreach (var text in new[] { "--scenario", "--industry", "--list", "--prometheus", "--duration", "TELEMETRY_PSEUDONYM_KEY", "OTEL_EXPORTER_OTLP_ENDPOINT", "Exit codes" })
        {
            Assert.Contains(text, output);
        }
    }

    [Fact]
    public void List_names_every_scenario_under_its_industry()
    {
        var (exitCode, output, _) = RunInProcess(["--list"]);

        Assert.Equal(ShowcaseApp.ExitOk, exitCode);
        Assert.All(ScenarioCatalog.All, s => Assert.Contains($"{s.Id}  {s.Name}", output));
        Assert.All(ScenarioCatalog.Industries, i => Assert.Contains(i, output));
    }

    [Fact]
    public void Without_a_key_the_showcase_warns_that_it_uses_the_development_key()
    {
        using var showcase = ChildProcess.StartShowcase(["--scenario", "2.1"]);

        Assert.Equal(ShowcaseApp.ExitOk, showcase.WaitForExit(ProcessTimeout));
        Assert.Contains("WARNING", showcase.Errors);
        Assert.Contains("DEVELOPMENT-ONLY", showcase.Errors);
        Assert.Contains($"patient.id={PseudonymKeys.DevelopmentKeyId}:", showcase.Output);
        Assert.Contains("patient.visit", showcase.Output);
        Assert.Contains("Metrics:", showcase.Output);
    }

    [Fact]
    public void With_a_key_from_the_environment_pseudonyms_carry_its_key_id_and_there_is_no_warning()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        using var showcase = ChildProcess.StartShowcase(["--scenario", "telemedicine-platform"], new Dictionary<string, string?>
        {
            ["TELEMETRY_PSEUDONYM_KEY"] = key,
            ["TELEMETRY_PSEUDONYM_KEY_ID"] = "k7",
        });

        Assert.Equal(ShowcaseApp.ExitOk, showcase.WaitForExit(ProcessTimeout));
        Assert.DoesNotContain("WARNING", showcase.Errors);
        Assert.Contains("patient.id=k7:", showcase.Output);
        Assert.DoesNotContain(PseudonymKeys.DevelopmentKeyId + ":", showcase.Output);
    }

    [Theory]
    [InlineData("c2hvcnQ=", "k1")]
    [InlineData("not base64!", "k1")]
    public void A_key_that_is_set_but_unusable_is_an_error_not_a_silent_fallback(string key, string keyId)
    {
        using var showcase = ChildProcess.StartShowcase(["--scenario", "2.1"], new Dictionary<string, string?>
        {
            ["TELEMETRY_PSEUDONYM_KEY"] = key,
            ["TELEMETRY_PSEUDONYM_KEY_ID"] = keyId,
        });

        Assert.Equal(ShowcaseApp.ExitUsage, showcase.WaitForExit(ProcessTimeout));
        Assert.Contains("TELEMETRY_PSEUDONYM_KEY", showcase.Errors);
        Assert.DoesNotContain("patient.visit", showcase.Output);
    }

    [Fact]
    public void The_main_command_runs_every_scenario_and_ends_with_the_metrics_summary()
    {
        var (exitCode, output, errors) = RunInProcess(["--no-color"]);

        Assert.True(exitCode == ShowcaseApp.ExitOk, errors);
        Assert.All(ScenarioCatalog.All, s => Assert.Contains($"━━ {s.Id}  {s.Name}  ({s.Industry})", output));
        var summary = output[output.IndexOf("Metrics:", StringComparison.Ordinal)..];
        Assert.Contains("medical.device.alerts", summary);
        Assert.Contains("traffic.flow", summary);
        Assert.Contains("✗ error:", output);
        // The healthcare scenarios' audit records and alerts, shown as log records.
        Assert.Contains("log records", output);
        Assert.Contains("[info] audit.medical_record.access  \"Medical record access\"", output);
        // The low-oxygen alarm is critical: written at Critical, not the event's usual Warning.
        Assert.Contains("[fatal] medical.device.alert", output);
        Assert.Contains("audit.outcome=success", output);
        // Ordinal: under culture rules the escape character is ignorable and "\u001b[" would match any "[".
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Errors) RunInProcess(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = ShowcaseApp.Run(args, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
