using CsCheck;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;
using TelemetryConventions.Generators.Emit;
using TelemetryConventions.Generators.Planning;
using TelemetryConventions.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Tests.Conventions;

/// <summary>
/// Thousands of damaged upstream files: nothing may throw anywhere in the pipeline, every
/// diagnostic must point inside its file, and a file the YAML library itself cannot load must
/// get TC0001.
/// </summary>
public sealed class FuzzTests
{
    private static readonly IReadOnlyList<(string Path, string Text)> Upstream =
        TestPaths.UpstreamFiles().Select(p => (p, File.ReadAllText(p))).ToList();

    private static readonly Lazy<List<ConventionFile>> ParsedUpstream = new(() =>
        Upstream.Select(f => ConventionFileParser.Parse(f.Path, f.Text)).ToList());

    private static readonly string[] Garbage = { "\t", ":", "&", "*", "[", "{", "\"", "'", "- ", "? ", "|", ">", "%", "@", "!!str ", "~", "\0", "\u00e9" };

    internal enum Mutation
    {
        DeleteLine,
        DuplicateLine,
        ShiftIndentation,
        ScalarToList,
        ScalarToMapping,
        MisspellType,
        Truncate,
        SwapLines,
        InsertGarbage,
    }

    internal static readonly Gen<(int File, Mutation Mutation, int Line, int Amount, int Choice)> Mutations =
        Gen.Select(
            Gen.Int[0, Upstream.Count - 1],
            Gen.Enum<Mutation>(),
            Gen.Int[0, 10_000],
            Gen.Int[-4, 4],
            Gen.Int[0, 10_000]);

    /// <summary>TC_FUZZ_ITERATIONS raises the count for a longer local run.</summary>
    private static long Iterations(long defaultCount) =>
        long.TryParse(Environment.GetEnvironmentVariable("TC_FUZZ_ITERATIONS"), out var count) ? count : defaultCount;

    [Fact]
    public void Damaged_upstream_files_never_crash_and_always_get_located_diagnostics()
    {
        Mutations.Sample(sample =>
        {
            var (path, original) = Upstream[sample.File];
            var text = Apply(original, sample.Mutation, sample.Line, sample.Amount, sample.Choice);

            var file = ConventionFileParser.Parse(path, text);
            AssertLocatedInside(file.Diagnostics, path, text);

            if (!LoadsAsYaml(text))
            {
                Assert.Contains(file.Diagnostics, d => d.Id == ConventionRules.YamlSyntax.Id);
            }

            // The rest of the pipeline must cope with whatever the parser salvaged.
            var registry = ConventionResolver.Resolve(new[] { file });
            AssertLocatedInside(registry.Diagnostics, path, text);
            var plan = GenerationPlanner.Plan(registry, GenerationOptions.Default);
            foreach (var spec in plan.AttributeNamespaces)
            {
                Assert.NotEmpty(AttributeEmitter.Emit(spec));
            }
        }, iter: Iterations(3000), print: s => $"{Upstream[s.File].Path} {s.Mutation} line={s.Line} amount={s.Amount} choice={s.Choice}");
    }

    [Fact]
    public void A_damaged_file_among_the_whole_registry_leaves_the_other_files_intact()
    {
        var baseline = ConventionResolver.Resolve(ParsedUpstream.Value);
        Mutations.Sample(sample =>
        {
            var (path, original) = Upstream[sample.File];
            var text = Apply(original, sample.Mutation, sample.Line, sample.Amount, sample.Choice);
            var files = ParsedUpstream.Value.ToList();
            files[sample.File] = ConventionFileParser.Parse(path, text);

            var registry = ConventionResolver.Resolve(files);

            // Attributes defined in the undamaged files are all still there.
            var survivors = registry.Attributes.Select(a => a.Name).ToHashSet();
            var expected = baseline.Attributes.Where(a => a.Location.FilePath != path).Select(a => a.Name);
            Assert.True(expected.All(survivors.Contains), "An attribute of an undamaged file was lost.");
        }, iter: Iterations(3000) / 20, print: s => $"{Upstream[s.File].Path} {s.Mutation} line={s.Line}");
    }

    private static void AssertLocatedInside(EquatableArray<ConventionDiagnostic> diagnostics, string path, string text)
    {
        var lineCount = text.Split('\n').Length;
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(path, diagnostic.Location.FilePath);
            Assert.InRange(diagnostic.Location.StartOffset, 0, text.Length);
            Assert.InRange(diagnostic.Location.EndOffset, diagnostic.Location.StartOffset, text.Length);
            Assert.InRange(diagnostic.Location.StartLine, 0, lineCount);
            Assert.StartsWith("TC0", diagnostic.Id);
        }
    }

    private static bool LoadsAsYaml(string text)
    {
        try
        {
            new YamlStream().Load(new StringReader(text));
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    internal static string Apply(string text, Mutation mutation, int lineSeed, int amount, int choice)
    {
        var lines = text.Split('\n').ToList();
        var line = lineSeed % lines.Count;
        switch (mutation)
        {
            case Mutation.DeleteLine:
                lines.RemoveAt(line);
                break;
            case Mutation.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case Mutation.ShiftIndentation:
                lines[line] = amount >= 0 ? new string(' ', amount + 1) + lines[line] : lines[line].Substring(Math.Min(-amount, lines[line].Length - lines[line].TrimStart().Length));
                break;
            case Mutation.ScalarToList:
            case Mutation.ScalarToMapping:
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    var value = lines[line].Substring(colon + 2);
                    lines[line] = lines[line].Substring(0, colon + 2) + (mutation == Mutation.ScalarToList ? $"[{value}, other]" : $"{{ nested: {value} }}");
                }
                break;
            case Mutation.MisspellType:
                var typos = new[] { "strng", "integer", "float", "bool", "string[", "template[]", "enum", "" };
                var typeLine = lines.FindIndex(line, l => l.TrimStart().StartsWith("type:", StringComparison.Ordinal));
                if (typeLine >= 0)
                {
                    lines[typeLine] = lines[typeLine].Substring(0, lines[typeLine].IndexOf("type:", StringComparison.Ordinal)) + "type: " + typos[choice % typos.Length];
                }
                break;
            case Mutation.Truncate:
                return text.Substring(0, choice * 7 % (text.Length + 1));
            case Mutation.SwapLines:
                var other = choice % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case Mutation.InsertGarbage:
                var column = choice % (lines[line].Length + 1);
                lines[line] = lines[line].Insert(column, Garbage[Math.Abs(amount * 31 + choice) % Garbage.Length]);
                break;
        }
        return string.Join("\n", lines);
    }
}
