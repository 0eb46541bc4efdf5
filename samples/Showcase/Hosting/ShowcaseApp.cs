using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using TelemetryConventions.Samples.Rendering;
using TelemetryConventions.Samples.Scenarios;

namespace TelemetryConventions.Samples.Hosting;

/// <summary>The showcase program: parses the command line, wires the SDK, runs and renders the scenarios.</summary>
public static class ShowcaseApp
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>A scenario threw, or the telemetry pipeline could not start.</summary>
    public const int ExitFailure = 1;

    /// <summary>The command line or the configuration is invalid.</summary>
    public const int ExitUsage = 2;

    /// <summary>Runs the showcase; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ShowcaseOptions options;
        try
        {
            options = ShowcaseOptions.Parse(args);
        }
        catch (UsageException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            errors.WriteLine("Run with --help for the options.");
            return ExitUsage;
        }
        if (options.Help)
        {
            output.WriteLine(ShowcaseOptions.Usage);
            return ExitOk;
        }
        if (options.List)
        {
            WriteList(output);
            return ExitOk;
        }

        Pseudonymizer pseudonymizer;
        bool developmentKey;
        try
        {
            pseudonymizer = PseudonymKeys.Create(errors, out developmentKey);
        }
        catch (ArgumentException ex)
        {
            errors.WriteLine($"error: the pseudonymisation key is not usable: {ex.Message}");
            return ExitUsage;
        }

        var pipelineOptions = new PipelineOptions
        {
            Otlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")),
            Prometheus = options.Prometheus,
        };
        TelemetryPipeline pipeline;
        try
        {
            pipeline = new TelemetryPipeline(pipelineOptions);
        }
        catch (Exception ex) when (ex is HttpListenerException or InvalidOperationException)
        {
            errors.WriteLine($"error: could not serve metrics at {pipelineOptions.PrometheusEndpoint}: {ex.Message} (is the port in use?)");
            return ExitFailure;
        }

        using (pipeline)
        using (var telemetry = new ShowcaseTelemetry(pseudonymizer, pipeline.LoggerFactory))
        {
            var style = ConsoleStyle.ForConsole(options.NoColor);
            WriteHeader(output, style, options, pipelineOptions, pseudonymizer, developmentKey);
            var failed = RunAndRender(options.Scenarios, telemetry, pipeline, output, errors, style);
            if (options.Prometheus)
            {
                failed |= ServePrometheus(options, telemetry, pipeline, pipelineOptions, output, errors);
            }

            output.WriteLine();
            new MetricsSummaryWriter(output, style).Write(pipeline.CollectMetrics());
            if (failed)
            {
                errors.WriteLine("error: at least one scenario failed; see above.");
                return ExitFailure;
            }
            return ExitOk;
        }
    }

    private static void WriteList(TextWriter output)
    {
        foreach (var industry in ScenarioCatalog.Industries)
        {
            output.WriteLine(industry);
            foreach (var scenario in ScenarioCatalog.OfIndustry(industry))
            {
                output.WriteLine($"  {scenario.Id}  {scenario.Name,-30} {scenario.Summary}");
            }
        }
    }

    private static void WriteHeader(TextWriter output, ConsoleStyle style, ShowcaseOptions options, PipelineOptions pipeline, Pseudonymizer pseudonymizer, bool developmentKey)
    {
        var exports = new List<string> { "console (in memory)" };
        if (pipeline.Otlp)
        {
            exports.Add($"OTLP to {Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")}");
        }
        if (pipeline.Prometheus)
        {
            exports.Add($"Prometheus at {pipeline.PrometheusEndpoint}");
        }
        output.WriteLine(style.Bold($"TelemetryConventions showcase: {options.Scenarios.Count} scenario(s)"));
        output.WriteLine(style.Dim($"  pseudonym key id: {pseudonymizer.KeyId}{(developmentKey ? " (DEVELOPMENT ONLY)" : "")}"));
        output.WriteLine(style.Dim($"  exporting to: {string.Join(", ", exports)}"));
        output.WriteLine(style.Dim("  times are simulated: each scenario replays hours of activity in milliseconds"));
    }

    /// <summary>Runs each scenario once and prints its spans and log records; returns true when one threw.</summary>
    private static bool RunAndRender(IReadOnlyList<IScenario> scenarios, ShowcaseTelemetry telemetry, TelemetryPipeline pipeline, TextWriter output, TextWriter errors, ConsoleStyle style)
    {
        var failed = false;
        var tree = new SpanTreeWriter(output, style);
        var logs = new LogRecordWriter(output, style);
        foreach (var scenario in scenarios)
        {
            output.WriteLine();
            output.WriteLine(style.Bold($"━━ {scenario.Id}  {scenario.Name}  ({scenario.Industry}) ") + style.Dim(new string('━', Math.Max(3, 60 - scenario.Name.Length - scenario.Industry.Length))));
            output.WriteLine(style.Dim($"   {scenario.Summary}"));
            failed |= !TryRun(scenario, telemetry, iteration: 0, errors);
            var spans = pipeline.TakeActivities();
            tree.Write(spans);
            var records = pipeline.TakeLogRecords();
            logs.Write(records);
            var errorCount = spans.Count(s => s.Status == ActivityStatusCode.Error);
            output.WriteLine(style.Dim($"   {Count(spans.Count, "span")}, {Count(spans.Sum(s => s.Events.Count()), "event")}, {Count(records.Count, "log record")}")
                + (errorCount > 0 ? style.Dim(", ") + style.Red($"{errorCount} with error status (simulated failures)") : ""));
        }
        return failed;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static bool TryRun(IScenario scenario, ShowcaseTelemetry telemetry, int iteration, TextWriter errors)
    {
        try
        {
            scenario.Run(new ScenarioContext(telemetry, scenario, iteration));
            return true;
        }
        catch (Exception ex)
        {
            // Simulated failures are recorded on spans inside the scenario; reaching here is a bug.
            errors.WriteLine($"error: scenario {scenario.Id} {scenario.Name} threw: {ex}");
            return false;
        }
    }

    /// <summary>Repeats the scenarios until the duration is over or Ctrl+C; returns true when one threw.</summary>
    private static bool ServePrometheus(ShowcaseOptions options, ShowcaseTelemetry telemetry, TelemetryPipeline pipeline, PipelineOptions pipelineOptions, TextWriter output, TextWriter errors)
    {
        using var stop = new CancellationTokenSource();
        if (options.Duration > TimeSpan.Zero)
        {
            stop.CancelAfter(options.Duration);
        }
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop after the current pass and still print the summary, instead of dying mid-write.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            output.WriteLine();
            output.WriteLine($"Serving metrics at {pipelineOptions.PrometheusEndpoint} "
                + (options.Duration > TimeSpan.Zero ? $"for {options.Duration.TotalSeconds:0} s" : "until Ctrl+C")
                + $"; repeating the scenarios every {options.Interval.TotalSeconds:0} s.");
            var failed = false;
            for (var pass = 1; !stop.Token.WaitHandle.WaitOne(options.Interval); pass++)
            {
                foreach (var scenario in options.Scenarios)
                {
                    failed |= !TryRun(scenario, telemetry, pass, errors);
                }
                // The spans of later passes were shown by the first one; only their metrics matter here.
                var spans = pipeline.TakeActivities();
                var records = pipeline.TakeLogRecords();
                output.WriteLine($"  pass {pass}: {options.Scenarios.Count} scenario(s), {spans.Count} spans, {records.Count} log records");
            }
            return failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
