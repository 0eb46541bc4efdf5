using System.IO.Compression;
using System.Text.RegularExpressions;
using Xunit;

namespace TelemetryConventions.Package.Tests;

/// <summary>The upstream registry in the box: referenced with no items, generated only where used.</summary>
public sealed partial class PackageTests
{
    private const string CartConventions = """
        groups:
          - id: span.cart.checkout
            type: span
            span_kind: server
            brief: A checkout.
            attributes:
              - ref: user.id
                requirement_level: required
              - ref: server.address
              - ref: error.type
        imports:
          metrics:
            - http.server.request.duration
        """;

    private const string CartProgram = """
        using System;
        using System.Diagnostics.Metrics;
        using System.Linq;
        using Shop.Telemetry;

        Console.WriteLine(UserAttributes.Id + " " + ServerAttributes.Address + " " + ErrorAttributes.Type);
        using var meter = new Meter("cart");
        meter.CreateHttpServerRequestDurationHistogram();
        var types = typeof(UserAttributes).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        foreach (var name in new[] { "HttpServerRequestDurationHistogram", "HttpClientRequestDurationHistogram", "K8sAttributes", "GenAiAttributes" })
        {
            Console.WriteLine($"type {name} {types.Contains(name)}");
        }
        """;

    [Fact]
    public void The_package_carries_the_upstream_registry_with_its_license()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("semconv/LICENSE", entries);
        Assert.Contains("semconv/model/user/registry.yaml", entries);
        // The index that lets a build hand the compiler only the files it needs, and the task that reads it.
        Assert.Contains("semconv/TelemetryConventions.Upstream.index", entries);
        Assert.Contains("tasks/netstandard2.0/TelemetryConventions.Tasks.dll", entries);
        var upstreamFiles = Directory.GetFiles(PackageFixture.UpstreamModel, "*.yaml", SearchOption.AllDirectories).Length;
        Assert.Equal(upstreamFiles, entries.Count(e => e.StartsWith("semconv/model/", StringComparison.Ordinal) && e.EndsWith(".yaml", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_ref_to_the_upstream_registry_resolves_with_no_items_and_only_what_is_used_is_generated()
    {
        var project = _package.CreateConsumer("Cart", new Dictionary<string, string>
        {
            ["conventions/cart.yaml"] = CartConventions,
            ["Program.cs"] = CartProgram,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = DotnetCli.Run(project, BuildTimeout, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("user.id server.address error.type", run.Output);
        // The imported metric has its wrapper; an unreferenced one and unused namespaces have none.
        Assert.Contains("type HttpServerRequestDurationHistogram True", run.Output);
        Assert.Contains("type HttpClientRequestDurationHistogram False", run.Output);
        Assert.Contains("type K8sAttributes False", run.Output);
        Assert.Contains("type GenAiAttributes False", run.Output);

        // Only the upstream files that define what cart.yaml names, and what those use, reach the compiler.
        var items = DotnetCli.Run(project, BuildTimeout, "msbuild", "-t:_TelemetryConventionsSelectUpstream", "-getItem:AdditionalFiles");
        Assert.True(items.ExitCode == 0, items.ToString());
        var upstream = Regex.Matches(items.Output, @"semconv[/\\]model[/\\]([^""]+\.yaml)").Select(m => m.Groups[1].Value.Replace('\\', '/')).Distinct().ToList();
        Assert.Contains("user/registry.yaml", upstream);
        Assert.Contains("server/registry.yaml", upstream);
        Assert.Contains("http/metrics.yaml", upstream);
        Assert.DoesNotContain("k8s/registry.yaml", upstream);
        Assert.DoesNotContain("gen_ai/registry.yaml", upstream);
        Assert.InRange(upstream.Count, 5, 40);

        // An IDE's design-time build gets the whole registry, so that a ref typed into the YAML resolves before the project is evaluated again.
        var designTime = DotnetCli.Run(project, BuildTimeout, "msbuild", "-p:DesignTimeBuild=true", "-t:_TelemetryConventionsSelectUpstream", "-getItem:AdditionalFiles");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        var everyFile = Directory.GetFiles(PackageFixture.UpstreamModel, "*.yaml", SearchOption.AllDirectories).Count(p => Path.GetFileName(p) is not ("manifest.yaml" or "registry_manifest.yaml"));
        Assert.Equal(everyFile, Regex.Matches(designTime.Output, @"semconv[/\\]model[/\\]([^""]+\.yaml)").Select(m => m.Groups[1].Value).Where(p => !p.EndsWith("manifest.yaml", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public void An_upstream_attribute_the_conventions_do_not_name_is_reported_with_the_ref_that_brings_it_in()
    {
        var project = _package.CreateConsumer("UnnamedUpstream", new Dictionary<string, string>
        {
            ["conventions/cart.yaml"] = CartConventions,
            ["Program.cs"] = """
                using System.Diagnostics;
                using var source = new ActivitySource("cart");
                using var activity = source.StartActivity("checkout");
                activity?.SetTag("server.address", "shop.example");
                activity?.SetTag("db.system.name", "postgresql");
                """,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        // server.address is named by cart.yaml; db.system.name is upstream but in no file cart.yaml needs, and the message says how to name it.
        Assert.DoesNotMatch(@"TC2001: Attribute 'server\.address'", build.Output);
        Assert.Matches(@"Program\.cs\(5,\d+\): warning TC2001: Attribute 'db\.system\.name' is not declared in the conventions; it is defined by 'OpenTelemetry semantic conventions 1\.44\.0', which the project's conventions do not bring in: reference it from an attribute group of the project's conventions \(ref: db\.system\.name\)", build.Output);
    }

    [Fact]
    public void With_the_upstream_registry_turned_off_an_upstream_name_says_where_it_is_defined()
    {
        var project = _package.CreateConsumer("UpstreamOff", new Dictionary<string, string>
        {
            ["conventions/cart.yaml"] = """
                groups:
                  - id: span.cart.checkout
                    type: span
                    span_kind: server
                    brief: A checkout.
                    attributes:
                      - ref: user.id
                      - ref: cart.items
                  - id: registry.cart
                    type: attribute_group
                    brief: The cart.
                    attributes:
                      - id: cart.item.count
                        type: int
                        brief: Items in the cart.
                        stability: development
                """,
            ["Program.cs"] = """
                using System.Diagnostics;
                using var source = new ActivitySource("cart");
                using var activity = source.StartActivity("checkout");
                activity?.SetTag("server.address", "shop.example");
                activity?.SetTag("cart.item.cuont", 3);
                """,
        },
        extraProperties: "<EnableTelemetryConventionsUpstream>false</EnableTelemetryConventionsUpstream>");

        var build = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.NotEqual(0, build.ExitCode);
        // An upstream attribute: where it is defined and how to bring it in, in the YAML and in the code.
        Assert.Matches(@"cart\.yaml\(\d+,\d+\): error TC0009: Attribute 'user\.id' is not defined in any convention file; it is defined by 'OpenTelemetry semantic conventions 1\.44\.0', which the project's conventions do not bring in: set EnableTelemetryConventionsUpstream to true to import it", build.Output);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning TC2001: Attribute 'server\.address' is not declared in the conventions; it is defined by 'OpenTelemetry semantic conventions 1\.44\.0'", build.Output);
        // A name no registry has keeps its own message; a misspelt one its "did you mean".
        Assert.Matches(@"error TC0009: Attribute 'cart\.items' is not defined in any convention file; (did you mean|no registry)", build.Output);
        Assert.Matches(@"warning TC2001: Attribute 'cart\.item\.cuont' is not declared in the conventions; did you mean 'cart\.item\.count'\?", build.Output);
    }

    [Fact]
    public void The_upstream_registry_can_be_generated_in_full_by_a_property()
    {
        var project = _package.CreateConsumer("Upstream", new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System;
                using Shop.Telemetry;
                Console.WriteLine(HttpAttributes.RequestMethod + " " + HttpRequestMethod.Get.ToWireValue());
                """,
        },
        extraProperties: "<TelemetryConventionsImportedGeneration>all</TelemetryConventionsImportedGeneration>");

        // The whole registry is about 800 generated files: this build is the slowest of the suite.
        var build = DotnetCli.Run(project, TimeSpan.FromMinutes(15), "build", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = DotnetCli.Run(project, BuildTimeout, "run", "--no-build");
        Assert.Contains("http.request.method GET", run.Output);
    }

    [Fact]
    public void Another_registry_folder_replaces_the_packaged_one_and_the_upstream_can_be_turned_off()
    {
        var olderRelease = Path.GetFullPath(Path.Combine(PackageFixture.UpstreamModel, "..", "..", "v1.43.0", "model"));
        var project = _package.CreateConsumer("OtherRelease", new Dictionary<string, string>
        {
            ["conventions/cart.yaml"] = CartConventions,
            ["Program.cs"] = CartProgram,
        },
        extraProperties: $"<TelemetryConventionsUpstreamDir>{olderRelease}</TelemetryConventionsUpstreamDir>");

        var build = DotnetCli.Run(project, BuildTimeout, "build", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        // A folder without an index of its own is indexed once by the package's tool, into obj/.
        Assert.Single(Directory.GetFiles(Path.Combine(project, "obj"), "telemetry-conventions.upstream.index", SearchOption.AllDirectories));

        var off = DotnetCli.Run(project, BuildTimeout, "build", "-p:EnableTelemetryConventionsUpstream=false");
        Assert.NotEqual(0, off.ExitCode);
        Assert.Matches(@"conventions[/\\]cart\.yaml\(\d+,\d+\): error TC0009: Attribute 'user\.id'", off.Output);
    }

    [Fact]
    public void The_shipped_privacy_defaults_reach_the_generated_api_and_the_analyzers()
    {
        var project = _package.CreateConsumer("Privacy", new Dictionary<string, string>
        {
            ["conventions/cart.yaml"] = CartConventions,
            ["Program.cs"] = """
                using System.Diagnostics;
                using Shop.Telemetry;
                using TelemetryConventions;

                using var source = new ActivitySource("cart");
                var pseudonymizer = new Pseudonymizer(new PseudonymizerOptions { Key = new byte[32], KeyId = "k1" });
                // user.id takes only a Pseudonym: the package classifies it as a personal identifier.
                using (source.StartCartCheckout(pseudonymizer.Pseudonymize(UserAttributes.Id, "u-42")))
                {
                }
                """,
            ["Leak.cs"] = """
                using System.Diagnostics;
                public static class Leak
                {
                    public static void Tag(Activity activity, string value) => activity.SetTag("user.id", value);
                }
                """,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.DoesNotMatch(@"error CS\d{4}", build.Output);
        Assert.Matches(@"Leak\.cs\(4,\d+\): (warning|error) TC1001", build.Output);
    }
}
