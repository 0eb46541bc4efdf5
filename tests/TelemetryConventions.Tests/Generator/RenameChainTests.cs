using TelemetryConventions.Tests.Infrastructure;
using Xunit;

namespace TelemetryConventions.Tests.Generator;

/// <summary>Deprecated attributes renamed more than once point at the name to send now.</summary>
public sealed class RenameChainTests
{
    private static string Attribute(string name, string? renamedTo) =>
        $"      - id: {name}\n        type: string\n        brief: A name of the ward's colour.\n"
        + (renamedTo is null ? "" : $"        deprecated:\n          reason: renamed\n          renamed_to: {renamedTo}\n");

    private static GeneratorRun Run(params (string Name, string? RenamedTo)[] attributes) =>
        GeneratorHarness.Run("conventions/ward.yaml",
            "groups:\n  - id: registry.ward\n    type: attribute_group\n    brief: Ward.\n    attributes:\n"
            + string.Concat(attributes.Select(a => Attribute(a.Name, a.RenamedTo))));

    [Fact]
    public void Obsolete_points_at_the_end_of_the_chain()
    {
        var run = Run(("ward.colour", "ward.hue"), ("ward.hue", "ward.shade"), ("ward.shade", "ward.tint"), ("ward.tint", null));

        Assert.Empty(run.ConventionDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var source = run.Source("WardAttributes.g.cs");
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.tint'.\")]\n    public const string Colour = \"ward.colour\";", source);
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.tint'.\")]\n    public const string Hue = \"ward.hue\";", source);
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.tint'.\")]\n    public const string Shade = \"ward.shade\";", source);
    }

    [Fact]
    public void A_cycle_of_renames_is_left_as_written()
    {
        var run = Run(("ward.colour", "ward.hue"), ("ward.hue", "ward.colour"));

        Assert.Empty(run.CompilationDiagnostics);
        var source = run.Source("WardAttributes.g.cs");
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.hue'.\")]\n    public const string Colour", source);
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.colour'.\")]\n    public const string Hue", source);
    }

    [Fact]
    public void A_chain_that_ends_in_an_unknown_name_stops_at_the_last_known_one()
    {
        var run = Run(("ward.colour", "ward.hue"), ("ward.hue", "ward.missing"));

        var diagnostic = Assert.Single(run.ConventionDiagnostics);
        Assert.Equal("TC0018", diagnostic.Id);
        Assert.Contains("ward.missing", diagnostic.GetMessage());
        Assert.Contains("[global::System.Obsolete(\"Renamed to 'ward.hue'.\")]\n    public const string Colour", run.Source("WardAttributes.g.cs"));
    }
}
