using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using TelemetryConventions.Benchmarks.BuildTime;

namespace TelemetryConventions.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/TelemetryConventions.Benchmarks -- [mode]</c>, where mode is
/// <list type="bullet">
///   <item><description>BenchmarkDotNet arguments (for example <c>--filter '*'</c>): the runtime and generator benchmarks;</description></item>
///   <item><description><c>check</c>: runs every benchmark body once and checks it does what its name says;</description></item>
///   <item><description><c>steps</c>: the generator's step outputs on the upstream registry, cold and after each kind of edit;</description></item>
///   <item><description><c>build-share PROJECT...</c>: the generator's and analyzers' share of each project's compile.</description></item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "check":
                return Check.Run(Console.Out);
            case "steps":
                StepReport.Run(Console.Out);
                return 0;
            case "build-share":
                return BuildShare.Run(args.Skip(1).ToArray(), Console.Out);
        }

        // A fixed number of iterations rather than BenchmarkDotNet's adaptive default, which on a shared,
        // noisy machine can run a hundred iterations per case. Only when no job is named on the command line
        // (for example `--job dry` or `--job short` while developing), which then decides alone.
        var config = args.Any(a => a is "--job" or "-j")
            ? DefaultConfig.Instance
            : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(6).WithIterationCount(20));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
