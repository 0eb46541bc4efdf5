using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace TelemetryConventions.Tests.Generator;

/// <summary>
/// The check that every generator test runs (<see cref="GeneratorCaching.AssertSecondRunCached"/>) fails where it
/// should: shown on small generators that break caching on purpose.
/// </summary>
public sealed class CachingCheckTests
{
    [Fact]
    public void A_step_that_makes_a_new_value_on_every_compilation_fails_the_check()
    {
        var failure = Assert.Throws<TrueException>(() => RunTwice(new FreshValueGenerator(), "Fresh"));

        Assert.Contains("Step 'Fresh'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_outputs_a_roslyn_object_fails_the_check_even_when_cached()
    {
        var failure = Assert.Throws<FalseException>(() => RunTwice(new ReferenceHoldingGenerator(), "References"));

        Assert.Contains("Step 'References' outputs a Microsoft.CodeAnalysis.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_over_plain_equatable_values_passes_the_check()
    {
        RunTwice(new PlainValueGenerator(), "Plain");
    }

    private static void RunTwice(IIncrementalGenerator generator, string trackingName)
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var second = driver.RunGenerators(compilation.AddSyntaxTrees(GeneratorCaching.UnrelatedTree()));
        GeneratorCaching.AssertSecondRunCached(driver.GetRunResult(), second.GetRunResult(), new[] { trackingName });
    }

    private sealed class FreshValueGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.CompilationProvider.Select(static (_, _) => new object()).WithTrackingName("Fresh"),
                static (_, _) => { });
    }

    private sealed class ReferenceHoldingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.MetadataReferencesProvider.Select(static (reference, _) => reference).WithTrackingName("References"),
                static (_, _) => { });
    }

    private sealed class PlainValueGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "").WithTrackingName("Plain"),
                static (_, _) => { });
    }
}
