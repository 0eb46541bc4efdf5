using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TelemetryConventions.Samples.Scenarios;

namespace TelemetryConventions.Samples.Hosting;

/// <summary>The showcase's command line, parsed and checked.</summary>
public sealed record ShowcaseOptions
{
    /// <summary>How long <c>--prometheus</c> keeps serving when <c>--duration</c> is not given.</summary>
    public const int DefaultDurationSeconds = 30;

    /// <summary>The pause between passes in Prometheus mode when <c>--interval</c> is not given.</summary>
    public const int DefaultIntervalSeconds = 5;

    /// <summary>Show the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>List the scenarios and exit.</summary>
    public bool List { get; init; }

    /// <summary>The scenarios to run, in the order of the scenario list.</summary>
    public IReadOnlyList<IScenario> Scenarios { get; init; } = ScenarioCatalog.All;

    /// <summary>Serve metrics to Prometheus and keep repeating the scenarios.</summary>
    public bool Prometheus { get; init; }

    /// <summary>How long Prometheus mode runs; zero runs until Ctrl+C.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(DefaultDurationSeconds);

    /// <summary>The pause between passes in Prometheus mode.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(DefaultIntervalSeconds);

    /// <summary>No ANSI colours even on a terminal.</summary>
    public bool NoColor { get; init; }

    /// <summary>The usage text of <c>--help</c>.</summary>
    public static string Usage => $"""
        Usage: dotnet run --project samples/Showcase -- [options]

        Runs the industry scenarios, instrumented only through the API generated from conventions/,
        and prints each scenario's spans as a tree, then a summary of the metrics.

        Options:
          --scenario <id|name>   Run one scenario, by number (2.1) or name (hospital-information-system).
                                 May be repeated.
          --industry <name>      Run the scenarios of one industry: {string.Join(", ", ScenarioCatalog.Industries)}.
                                 May be repeated.
          --list                 List the scenarios and exit.
          --prometheus           Serve the metrics for Prometheus at http://localhost:9464/metrics and keep
                                 repeating the scenarios, so that a scraper sees them change.
          --duration <seconds>   With --prometheus: how long to keep serving (default {DefaultDurationSeconds}; 0 = until Ctrl+C).
          --interval <seconds>   With --prometheus: the pause between passes (default {DefaultIntervalSeconds}).
          --no-color             No colours (also off when output is redirected or NO_COLOR is set).
          -h, --help             Show this help.

        Environment:
          TELEMETRY_PSEUDONYM_KEY      Base64 key (at least 32 random bytes) for the keyed pseudonyms of
                                       people's identifiers. Without it a public development-only key is
                                       used, and a warning says so.
          TELEMETRY_PSEUDONYM_KEY_ID   The id of that key (for example k1), the prefix of every pseudonym.
          OTEL_EXPORTER_OTLP_ENDPOINT  Also export spans and metrics over OTLP to this endpoint (the other
                                       OTEL_EXPORTER_OTLP_* variables apply as usual).
          OTEL_EXPORTER_PROMETHEUS_HOST, OTEL_EXPORTER_PROMETHEUS_PORT
                                       Another host name or port for --prometheus.

        Exit codes: 0 success; 1 a scenario or the telemetry pipeline failed; 2 invalid command line or
        configuration.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="UsageException">An unknown option, scenario or industry, or a missing or bad value.</exception>
    public static ShowcaseOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ShowcaseOptions();
        var selected = new List<IScenario>();
        bool durationGiven = false, intervalGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value.");
                }
                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help" or "-?":
                    options = options with { Help = true };
                    break;
                case "--list":
                    options = options with { List = true };
                    break;
                case "--scenario":
                    var idOrName = Value();
                    selected.Add(ScenarioCatalog.Find(idOrName) ?? throw new UsageException(
                        $"Unknown scenario '{idOrName}'. Known scenarios: {string.Join(", ", ScenarioCatalog.All.Select(s => $"{s.Id} {s.Name}"))}. "
                        + "See --list."));
                    break;
                case "--industry":
                    var industry = Value();
                    var ofIndustry = ScenarioCatalog.OfIndustry(industry);
                    if (ofIndustry.Count == 0)
                    {
                        throw new UsageException($"Unknown industry '{industry}'. Known industries: {string.Join(", ", ScenarioCatalog.Industries)}.");
                    }
                    selected.AddRange(ofIndustry);
                    break;
                case "--prometheus":
                    options = options with { Prometheus = true };
                    break;
                case "--duration":
                    options = options with { Duration = Seconds(name, Value(), allowZero: true) };
                    durationGiven = true;
                    break;
                case "--interval":
                    options = options with { Interval = Seconds(name, Value(), allowZero: false) };
                    intervalGiven = true;
                    break;
                case "--no-color":
                    options = options with { NoColor = true };
                    break;
                default:
                    throw new UsageException(name.StartsWith('-')
                        ? $"Unknown option '{name}'."
                        : $"Unexpected argument '{name}'. Select scenarios with --scenario <id|name> or --industry <name>.");
            }
        }

        if ((durationGiven || intervalGiven) && !options.Prometheus)
        {
            throw new UsageException("--duration and --interval apply to --prometheus only.");
        }
        if (selected.Count > 0)
        {
            // Keep the scenario list's order and run each scenario once, however it was selected.
            var chosen = selected.ToHashSet();
            options = options with { Scenarios = ScenarioCatalog.All.Where(chosen.Contains).ToList() };
        }
        return options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static TimeSpan Seconds(string option, string text, bool allowZero)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || (seconds == 0 && !allowZero))
        {
            throw new UsageException($"{option} takes a whole number of seconds{(allowZero ? "" : " greater than 0")}, not '{text}'.");
        }
        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>The command line was not understood; the message says why.</summary>
public sealed class UsageException(string message) : Exception(message);
