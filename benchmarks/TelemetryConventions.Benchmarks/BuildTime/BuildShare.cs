using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TelemetryConventions.Benchmarks.BuildTime;

/// <summary>
/// The generator's and the analyzers' share of a consumer project's compile. Each project is built once
/// (so its references are up to date), then rebuilt alone several times with <c>-p:ReportAnalyzer=true</c>;
/// the compiler then prints how long each generator and analyzer assembly ran, which is set against the
/// time of the <c>Csc</c> task from MSBuild's performance summary.
/// </summary>
/// <remarks>
/// <para>
/// Two settings are measured. Without the compiler server (<c>UseSharedCompilation=false</c>, as this
/// machine's environment sets it) every compile is a new csc process, so the generator's time includes
/// loading and JIT-compiling it and YamlDotNet. With the server (the SDK's default on a developer machine)
/// the first compile starts the server and later ones find the generator loaded and compiled.
/// </para>
/// <para>
/// Analyzer times are summed over the threads the compiler runs them on, so they can overlap one another
/// and the rest of the compile.
/// </para>
/// </remarks>
public static partial class BuildShare
{
    private static readonly (string Name, string Property, int Rebuilds)[] Settings =
    {
        ("no server", "-p:UseSharedCompilation=false", 2),
        ("server", "-p:UseSharedCompilation=true", 3),
    };

    public static int Run(string[] projects, TextWriter output)
    {
        if (projects.Length == 0)
        {
            output.WriteLine("usage: build-share PROJECT [PROJECT...]   (paths to .csproj files or their folders)");
            return 2;
        }

        var serversBefore = CompilerServers();
        output.WriteLine("| Project | Compiler, rebuild | Csc (s) | TelemetryConventions generator (s) | share | TelemetryConventions analyzers (s) | share | all generators (s) | all analyzers (s) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var project in projects)
        {
            var prepared = Dotnet($"build \"{project}\" -c Release -v:quiet -nologo");
            if (prepared.ExitCode != 0)
            {
                output.WriteLine($"| {project} | build failed | | | | | | | |");
                Console.Error.WriteLine(prepared.Output);
                continue;
            }

            foreach (var (setting, property, rebuilds) in Settings)
            {
                for (var i = 1; i <= rebuilds; i++)
                {
                    // Rebuild only this project: its references were built above, and rebuilding them would add
                    // their compiles to the log and write to their output folders.
                    var run = Dotnet($"build \"{project}\" -c Release --no-dependencies --no-incremental -nologo " +
                                     "-p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary " + property);
                    var name = Path.GetFileNameWithoutExtension(project.TrimEnd('/'));
                    if (run.ExitCode != 0)
                    {
                        output.WriteLine($"| {name} | {setting}, {i}: build failed | | | | | | | |");
                        Console.Error.WriteLine(run.Output);
                        break;
                    }

                    var report = CompileReport.Parse(run.Output);
                    var generator = report.Generator("TelemetryConventions.Generators");
                    var analyzers = report.Analyzer("TelemetryConventions.Analyzers");
                    output.WriteLine(
                        $"| {name} | {setting}, {i} | {report.CscSeconds:F2} | " +
                        $"{generator:F3} | {Percent(generator, report.CscSeconds)} | " +
                        $"{analyzers:F3} | {Percent(analyzers, report.CscSeconds)} | " +
                        $"{report.TotalGeneratorSeconds:F3} | {report.TotalAnalyzerSeconds:F3} |");
                }
            }
        }

        // The compiler server started for these measurements would otherwise idle on for minutes; servers
        // that were running before are left alone.
        foreach (var pid in CompilerServers().Except(serversBefore))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        return 0;
    }

    private static HashSet<int> CompilerServers()
    {
        var servers = new HashSet<int>();
        foreach (var process in Process.GetProcessesByName("dotnet"))
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
                if (commandLine.Contains("VBCSCompiler", StringComparison.Ordinal))
                {
                    servers.Add(process.Id);
                }
            }
            catch (IOException)
            {
                // Exited meanwhile, or not readable on this platform.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return servers;
    }

    private static string Percent(double part, double whole) =>
        whole <= 0 ? "n/a" : (part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static (int ExitCode, string Output) Dotnet(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The numbers read from one detailed build log.</summary>
    private sealed partial class CompileReport
    {
        private readonly Dictionary<string, double> _analyzers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _generators = new(StringComparer.Ordinal);

        public double CscSeconds { get; private set; }

        public double TotalAnalyzerSeconds { get; private set; }

        public double TotalGeneratorSeconds { get; private set; }

        public double Analyzer(string assembly) => _analyzers.GetValueOrDefault(assembly);

        public double Generator(string assembly) => _generators.GetValueOrDefault(assembly);

        public static CompileReport Parse(string log)
        {
            var report = new CompileReport();
            Dictionary<string, double>? section = null;
            foreach (var line in log.Split('\n'))
            {
                if (TotalLine().Match(line) is { Success: true } total)
                {
                    var seconds = ParseSeconds(total.Groups["seconds"].Value);
                    if (total.Groups["kind"].Value == "analyzer")
                    {
                        report.TotalAnalyzerSeconds = seconds;
                        section = report._analyzers;
                    }
                    else
                    {
                        report.TotalGeneratorSeconds = seconds;
                        section = report._generators;
                    }
                }
                else if (section is not null && AssemblyLine().Match(line) is { Success: true } assembly)
                {
                    // Only assembly lines carry ", Version="; the indented lines under them are single analyzers.
                    section[assembly.Groups["name"].Value] = ParseSeconds(assembly.Groups["seconds"].Value);
                }
                else if (CscLine().Match(line) is { Success: true } csc)
                {
                    report.CscSeconds = double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000;
                }
            }
            return report;
        }

        // "<0.001" is what the compiler prints for anything shorter than a millisecond.
        private static double ParseSeconds(string text) =>
            text.StartsWith('<') ? 0 : double.Parse(text, CultureInfo.InvariantCulture);

        [GeneratedRegex(@"Total (?<kind>analyzer|generator) execution time: (?<seconds>[\d.]+) seconds")]
        private static partial Regex TotalLine();

        [GeneratedRegex(@"^\s*(?<seconds><?[\d.]+)\s+<?\d+\s+(?<name>[^\s,]+), Version=")]
        private static partial Regex AssemblyLine();

        [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls")]
        private static partial Regex CscLine();
    }
}
