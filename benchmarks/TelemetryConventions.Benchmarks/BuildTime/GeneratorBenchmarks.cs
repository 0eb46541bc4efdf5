using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Benchmarks.BuildTime;

/// <summary>
/// The convention generator over the whole upstream registry (250 files): a cold run, as the first build
/// or a fresh IDE session does, and the two re-runs a developer triggers while working. A GeneratorDriver is
/// immutable, so each re-run starts from the same warm driver and does the same work every iteration.
/// How many outputs each re-run re-emits is printed by the <c>steps</c> mode (see Program).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(12)]
public class GeneratorBenchmarks
{
    private GeneratorWorkload _workload = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new GeneratorWorkload();
        _warm = _workload.CreateDriver().RunGenerators(_workload.Compilation);

        // A generator that throws is caught by the driver and returns at once: refuse to time that.
        var result = _warm.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length < 700)
        {
            throw new InvalidOperationException(
                $"The generator produced {result.GeneratedSources.Length} files; exception: {result.Exception}");
        }
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => _workload.CreateDriver().RunGenerators(_workload.Compilation);

    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit() => _warm.RunGenerators(_workload.EditedCompilation);

    [Benchmark]
    public GeneratorDriver OneYamlFileEdit() =>
        _warm.ReplaceAdditionalText(_workload.OriginalFile, _workload.BriefEditedFile).RunGenerators(_workload.Compilation);
}
