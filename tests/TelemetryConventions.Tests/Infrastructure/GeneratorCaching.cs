using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Generators;
using Xunit;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>
/// What every generator run in these tests must show: run again after an edit that does not concern the
/// conventions, each tracked step gives equal outputs and reuses them, every output is reused as is, and no
/// step output holds a Roslyn object.
/// </summary>
public static class GeneratorCaching
{
    /// <summary>Every tracking name the generator declares.</summary>
    public static IReadOnlyList<string> TrackingNames { get; } = typeof(ConventionGenerator.TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>A syntax tree that no convention can depend on, for the second run.</summary>
    public static SyntaxTree UnrelatedTree() => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
        "internal static class UnrelatedEdit { }", GeneratorHarness.ParseOptions, path: "UnrelatedEdit.cs");

    /// <param name="first">The first run.</param>
    /// <param name="second">The run after the unrelated edit, by the driver the first run returned.</param>
    /// <param name="trackingNames">The steps to check; by default the convention generator's.</param>
    public static void AssertSecondRunCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second, IReadOnlyList<string>? trackingNames = null)
    {
        var firstResult = first.Results.Single();
        var secondResult = second.Results.Single();

        foreach (string name in trackingNames ?? TrackingNames)
        {
            bool ranFirst = firstResult.TrackedSteps.TryGetValue(name, out var firstSteps);
            bool ranSecond = secondResult.TrackedSteps.TryGetValue(name, out var secondSteps);
            Assert.True(ranFirst == ranSecond, $"Step '{name}' ran in {(ranFirst ? "the first" : "the second")} run only.");
            if (!ranFirst)
            {
                continue;
            }

            Assert.True(firstSteps.Length == secondSteps.Length, $"Step '{name}' ran {firstSteps.Length} times, then {secondSteps.Length} times.");
            for (int i = 0; i < firstSteps.Length; i++)
            {
                var before = firstSteps[i].Outputs.Select(o => o.Value).ToList();
                var after = secondSteps[i].Outputs.Select(o => o.Value).ToList();
                Assert.True(before.SequenceEqual(after), $"Step '{name}' gave outputs that do not compare equal to the same outputs of the first run.");
                foreach (var (_, reason) in secondSteps[i].Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {reason} after an unrelated edit.");
                }
            }

            AssertNoRoslynObjects(firstSteps, name);
            AssertNoRoslynObjects(secondSteps, name);
        }

        foreach (var (output, steps) in secondResult.TrackedOutputSteps)
        {
            foreach (var (_, reason) in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(reason == IncrementalStepRunReason.Cached, $"Output '{output}' was {reason} after an unrelated edit.");
            }
        }
    }

    public static void AssertNoRoslynObjects(ImmutableArray<IncrementalGeneratorRunStep> steps, string name)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in steps)
        {
            foreach (var (value, _) in step.Outputs)
            {
                AssertNoRoslynObjects(value, name, seen);
            }
        }
    }

    /// <summary>
    /// Compilations, symbols, syntax nodes and locations pin whole compilations in memory and never
    /// compare equal across runs, which would defeat caching.
    /// </summary>
    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true,
            $"Step '{step}' outputs a {type.FullName}.");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
