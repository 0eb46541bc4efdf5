using System.Diagnostics;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Generators;

namespace TelemetryConventions.Benchmarks.BuildTime;

/// <summary>
/// Runs the generator over the upstream registry cold and after each kind of edit, and prints, per tracked
/// step, how many outputs were new, modified, unchanged or cached. An output re-emits its source file only
/// when it is New or Modified, so those two columns of the emitting steps are the re-emitted files.
/// </summary>
public static class StepReport
{
    private static readonly string[] Steps =
    {
        ConventionGenerator.TrackingNames.ParseFile,
        ConventionGenerator.TrackingNames.Platform,
        ConventionGenerator.TrackingNames.Resolve,
        ConventionGenerator.TrackingNames.Plan,
        ConventionGenerator.TrackingNames.AttributeNamespaces,
        ConventionGenerator.TrackingNames.Spans,
        ConventionGenerator.TrackingNames.Events,
        ConventionGenerator.TrackingNames.Metrics,
        ConventionGenerator.TrackingNames.Catalog,
        ConventionGenerator.TrackingNames.Support,
    };

    // The steps whose outputs feed RegisterSourceOutput, one generated file per output.
    private static readonly HashSet<string> EmittingSteps = new(StringComparer.Ordinal)
    {
        ConventionGenerator.TrackingNames.AttributeNamespaces,
        ConventionGenerator.TrackingNames.Spans,
        ConventionGenerator.TrackingNames.Events,
        ConventionGenerator.TrackingNames.Metrics,
        ConventionGenerator.TrackingNames.Catalog,
        ConventionGenerator.TrackingNames.Support,
    };

    public static void Run(TextWriter output)
    {
        var workload = new GeneratorWorkload();
        output.WriteLine($"Upstream registry: {workload.ModelDirectory} ({workload.Files.Length} YAML files)");
        output.WriteLine();

        // A first run in this process pays for loading and JIT-compiling the generator and YamlDotNet, as a
        // csc process without the compiler server does on every build; the timings below are of later runs.
        var (_, first) = Timed(() => workload.CreateDriver().RunGenerators(workload.Compilation));
        output.WriteLine($"First run in this process (includes JIT): {first.TotalMilliseconds:F0} ms");
        output.WriteLine();

        var (warm, cold) = Timed(() => workload.CreateDriver().RunGenerators(workload.Compilation));
        var cases = new List<(string Name, GeneratorDriver Driver, TimeSpan Elapsed)> { ("cold (new driver)", warm, cold) };

        var (afterCSharp, csharpTime) = Timed(() => warm.RunGenerators(workload.EditedCompilation));
        cases.Add(("unrelated C# edit", afterCSharp, csharpTime));

        var (afterBrief, briefTime) = Timed(() =>
            warm.ReplaceAdditionalText(workload.OriginalFile, workload.BriefEditedFile).RunGenerators(workload.Compilation));
        cases.Add(($"one YAML edit ({GeneratorWorkload.EditedFile}: one brief reworded)", afterBrief, briefTime));

        var (afterComment, commentTime) = Timed(() =>
            warm.ReplaceAdditionalText(workload.OriginalFile, workload.CommentEditedFile).RunGenerators(workload.Compilation));
        cases.Add(($"one YAML edit ({GeneratorWorkload.EditedFile}: a comment line added)", afterComment, commentTime));

        foreach (var (name, driver, elapsed) in cases)
        {
            var result = driver.GetRunResult().Results.Single();
            var reEmitted = 0;
            output.WriteLine($"### {name}: {elapsed.TotalMilliseconds:F0} ms (single run), {result.GeneratedSources.Length} generated files");
            output.WriteLine();
            output.WriteLine("| Step | New | Modified | Unchanged | Cached | Removed |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var step in Steps)
            {
                var reasons = result.TrackedSteps.TryGetValue(step, out var runs)
                    ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList()
                    : new List<IncrementalStepRunReason>();
                int Count(IncrementalStepRunReason reason) => reasons.Count(r => r == reason);
                if (EmittingSteps.Contains(step))
                {
                    reEmitted += Count(IncrementalStepRunReason.New) + Count(IncrementalStepRunReason.Modified);
                }
                output.WriteLine(
                    $"| {step} | {Count(IncrementalStepRunReason.New)} | {Count(IncrementalStepRunReason.Modified)} | " +
                    $"{Count(IncrementalStepRunReason.Unchanged)} | {Count(IncrementalStepRunReason.Cached)} | {Count(IncrementalStepRunReason.Removed)} |");
            }
            output.WriteLine();
            output.WriteLine($"Re-emitted files (New + Modified outputs of the emitting steps): {reEmitted} of {result.GeneratedSources.Length}");
            output.WriteLine();
        }
    }

    private static (GeneratorDriver Driver, TimeSpan Elapsed) Timed(Func<GeneratorDriver> run)
    {
        var stopwatch = Stopwatch.StartNew();
        var driver = run();
        return (driver, stopwatch.Elapsed);
    }
}
