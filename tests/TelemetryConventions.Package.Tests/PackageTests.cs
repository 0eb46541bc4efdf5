using System.IO.Compression;
using Xunit;

namespace TelemetryConventions.Package.Tests;

/// <summary>The user's workflow: add one package, write YAML under conventions/, use the generated API, see diagnostics.</summary>
public sealed partial class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private const string ShopConventions = """
        groups:
          - id: registry.shop
            type: attribute_group
            brief: Shop attributes.
            attributes:
              - id: shop.customer.id
                type: string
                brief: Keyed pseudonym of the customer.
                annotations:
                  privacy:
                    classification: personal_identifier
              - id: shop.basket.items
                type: int
                brief: Items in the basket.
          - id: span.shop.checkout
            type: span
            span_kind: server
            brief: A checkout.
            attributes:
              - ref: shop.customer.id
                requirement_level: required
              - ref: shop.basket.items
          - id: metric.shop.checkouts
            type: metric
            metric_name: shop.checkouts
            instrument: counter
            unit: "{checkout}"
            brief: Checkouts.
        """;

    private const string Program = """
        using System;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Shop.Telemetry;
        using TelemetryConventions;

        using var source = new ActivitySource("shop");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "shop",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => Console.WriteLine($"{a.DisplayName} {a.GetTagItem(ShopAttributes.CustomerId)} {a.GetTagItem(ShopAttributes.BasketItems)}"),
        };
        ActivitySource.AddActivityListener(listener);

        var pseudonymizer = new Pseudonymizer(new PseudonymizerOptions { Key = new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, KeyId = "k1" });
        using (var checkout = source.StartShopCheckout(pseudonymizer.Pseudonymize(ShopAttributes.CustomerId, "C-1001")))
        {
            checkout.SetShopBasketItems(3);
        }
        using var meter = new Meter("shop");
        meter.CreateShopCheckoutsCounter().Add(1);
        Console.WriteLine("done");
        """;

    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package)
    {
        _package = package;
        Assert.True(package.PackResult.ExitCode == 0, "dotnet pack failed: " + package.PackResult);
    }

    [Fact]
    public void The_package_holds_the_runtime_the_compiler_components_and_the_build_files()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net8.0/TelemetryConventions.dll", entries);
        foreach (var component in new[] { "Generators", "Conventions", "Analyzers", "CodeFixes" })
        {
            Assert.Contains($"analyzers/dotnet/cs/TelemetryConventions.{component}.dll", entries);
        }
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        foreach (var toolFile in new[] { "TelemetryConventions.Tool.dll", "TelemetryConventions.Tool.runtimeconfig.json", "TelemetryConventions.Conventions.dll", "YamlDotNet.dll" })
        {
            Assert.Contains("tools/net8.0/" + toolFile, entries);
        }
        Assert.Contains("build/TelemetryConventions.props", entries);
        Assert.Contains("buildTransitive/TelemetryConventions.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("schema/telemetry-conventions.schema.json", entries);

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = nuspec.ReadToEnd();
        // The runtime depends on what it uses, at the floor every .NET 8 host already has; nothing needs OpenTelemetry.Api.
        Assert.DoesNotContain("OpenTelemetry", manifest.Split("<dependencies>")[1], StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"Microsoft.Extensions.Options\" version=\"8.0.0\"", manifest);
        Assert.Contains("<dependency id=\"Microsoft.Extensions.Configuration.Abstractions\" version=\"8.0.0\"", manifest);
        Assert.Contains("<license type=\"expression\">", manifest);
    }

    [Fact]
    public void A_fresh_project_gets_the_generated_api_and_runs()
    {
        var project = _package.CreateConsumer("Shop", new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["Program.cs"] = Program,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = DotnetCli.Run(project, BuildTimeout, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Output.Split('\n').Single(l => l.StartsWith("shop.checkout ", StringComparison.Ordinal)).Trim();
        Assert.Matches("^shop.checkout k1:[A-Za-z0-9_-]{22} 3$", line);
        Assert.Contains("done", run.Output);
    }

    [Fact]
    public void A_broken_yaml_file_gives_a_located_diagnostic_and_the_fixed_project_builds()
    {
        var project = _package.CreateConsumer("Broken", new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["conventions/broken.yaml"] = "groups:\n  - id: registry.broken\n    type: attribute_grup\n",
            ["Program.cs"] = Program,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"conventions[/\\]broken\.yaml\(3,11\): error TC0006", build.Output);

        File.WriteAllText(Path.Combine(project, "conventions", "broken.yaml"), "groups:\n  - id: registry.broken\n    type: attribute_group\n    brief: Fixed.\n");
        var fixedBuild = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
    }

    [Fact]
    public void A_personal_identifier_set_through_the_raw_api_is_reported_by_the_analyzers()
    {
        var project = _package.CreateConsumer("Leak", new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["Program.cs"] = Program,
            ["Leak.cs"] = """
                using System.Diagnostics;
                public static class Leak
                {
                    public static void Tag(Activity activity, string customerId) => activity.SetTag("shop.customer.id", customerId);
                }
                """,
        });

        var build = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.Matches(@"Leak\.cs\(4,\d+\): (warning|error) TC1\d{3}", build.Output);
    }

    [Fact]
    public void With_warnings_as_errors_the_leak_fails_the_build_until_the_rules_are_made_suggestions()
    {
        var files = new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["Program.cs"] = Program,
            ["Leak.cs"] = """
                using System.Diagnostics;
                public static class Leak
                {
                    public static void Tag(Activity activity, string customerId) => activity.SetTag("shop.customer.id", customerId);
                }
                """,
        };
        var strict = DotnetCli.Run(_package.CreateConsumer("Strict", files), BuildTimeout, "build", "-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(@"Leak\.cs\(4,\d+\): error TC1001", strict.Output);

        // docs/adoption.md, step 1: the same codebase builds, the findings stay visible as suggestions.
        var gradual = DotnetCli.Run(_package.CreateConsumer("Gradual", files), BuildTimeout,
            "build", "-p:TreatWarningsAsErrors=true", "-p:TelemetryConventionsAnalyzerSeverity=suggestion");
        Assert.True(gradual.ExitCode == 0, gradual.ToString());
        Assert.DoesNotMatch(@"(warning|error) TC1001", gradual.Output);
    }

    [Fact]
    public void The_baseline_target_records_the_published_conventions_and_the_build_reports_a_break_in_them()
    {
        var project = _package.CreateConsumer("Baseline", new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["Program.cs"] = Program,
        });
        var baselinePath = Path.Combine(project, "conventions", "TelemetryConventions.Shipped.txt");

        var update = DotnetCli.Run(project, BuildTimeout, "build", "-t:UpdateTelemetryConventionsBaseline");
        Assert.True(update.ExitCode == 0, update.ToString());
        var baseline = File.ReadAllText(baselinePath);
        Assert.Contains("metric shop.checkouts counter {checkout}\n", baseline);
        Assert.Contains("span span.shop.checkout server\n  required shop.customer.id\n", baseline);

        // The unit changes: the build fails at the metric in the YAML.
        File.WriteAllText(Path.Combine(project, "conventions", "shop.yaml"), ShopConventions.Replace("unit: \"{checkout}\"", "unit: \"{order}\""));
        var broken = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(@"conventions[/\\]shop\.yaml\(23,5\): error TC4004", broken.Output);

        // Publishing the change on purpose: the target rewrites the baseline and the build passes.
        var accept = DotnetCli.Run(project, BuildTimeout, "build", "-t:UpdateTelemetryConventionsBaseline");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("metric shop.checkouts counter {order}\n", File.ReadAllText(baselinePath));
        var build = DotnetCli.Run(project, BuildTimeout, "build", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public void Docs_and_the_privacy_inventory_are_written_only_when_asked_for()
    {
        var project = _package.CreateConsumer("Docs", new Dictionary<string, string>
        {
            ["conventions/shop.yaml"] = ShopConventions,
            ["Program.cs"] = Program,
        });
        var docs = Path.Combine(project, "docs", "conventions");

        var plain = DotnetCli.Run(project, BuildTimeout, "build");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.False(Directory.Exists(docs), "Docs were written without GenerateTelemetryConventionsDocs=true.");

        var withDocs = DotnetCli.Run(project, BuildTimeout, "build", "-p:GenerateTelemetryConventionsDocs=true");
        Assert.True(withDocs.ExitCode == 0, withDocs.ToString());
        Assert.Contains("| `shop.customer.id` | string | development | Keyed pseudonym of the customer. |  | personal_identifier, pseudonymize |", File.ReadAllText(Path.Combine(docs, "shop.md")));
        Assert.Contains("\"pseudonymDomain\": \"shop.customer.id\"", File.ReadAllText(Path.Combine(docs, "privacy-inventory.json")));
    }
}
