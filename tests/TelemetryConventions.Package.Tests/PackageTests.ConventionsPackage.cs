using Xunit;

namespace TelemetryConventions.Package.Tests;

/// <summary>
/// The repository's conventions/ folder packed as a conventions package, as the README describes,
/// and consumed by two services that each generate only what they use of it.
/// </summary>
public sealed partial class PackageTests
{
    private const string ConventionsPackageId = "Acme.Conventions";

    [Fact]
    public void A_conventions_package_serves_two_projects_each_generating_only_what_it_uses()
    {
        PackConventionsPackage();
        var reference = $"""<PackageReference Include="{ConventionsPackageId}" Version="{_package.Version}" />""";

        var clinic = _package.CreateConsumer("Clinic", new Dictionary<string, string>
        {
            ["conventions/clinic.yaml"] = """
                groups:
                  - id: span.clinic.triage
                    type: span
                    span_kind: internal
                    brief: Triage of an arriving patient.
                    attributes:
                      - ref: hospital.department
                        requirement_level: required
                      - ref: patient.id
                        requirement_level: required
                """,
            ["Program.cs"] = """
                using System;
                using System.Linq;
                using Shop.Telemetry;
                var types = typeof(HospitalAttributes).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
                Console.WriteLine($"clinic {HospitalAttributes.Department} {PatientAttributes.Id} retail:{types.Contains("RetailAttributes")} pos:{types.Contains("PosTransactionDurationHistogram")}");
                """,
        }, reference);

        var shop = _package.CreateConsumer("Store", new Dictionary<string, string>
        {
            ["conventions/store.yaml"] = """
                file_format: definition/2
                imports:
                  metrics:
                    - pos.transaction.duration
                """,
            ["Program.cs"] = """
                using System;
                using System.Diagnostics.Metrics;
                using System.Linq;
                using Shop.Telemetry;
                using var meter = new Meter("store");
                meter.CreatePosTransactionDurationHistogram();
                var types = typeof(RetailAttributes).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
                Console.WriteLine($"store {RetailAttributes.StoreId} hospital:{types.Contains("HospitalAttributes")} visit:{types.Contains("PatientVisitSpan")}");
                """,
        }, reference);

        foreach (var (project, expected) in new[] { (clinic, "clinic hospital.department patient.id retail:False pos:False"), (shop, "store retail.store.id hospital:False visit:False") })
        {
            var build = DotnetCli.Run(project, BuildTimeout, "build", "-warnaserror");
            Assert.True(build.ExitCode == 0, build.ToString());
            var run = DotnetCli.Run(project, BuildTimeout, "run", "--no-build");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(expected, run.Output);
        }
    }

    /// <summary>Packs the repository's conventions/ folder into the test feed, once.</summary>
    private void PackConventionsPackage()
    {
        lock (_package)
        {
            if (File.Exists(Path.Combine(_package.Feed, $"{ConventionsPackageId}.{_package.Version}.nupkg")))
            {
                return;
            }
            var directory = Path.Combine(_package.Root, ConventionsPackageId);
            var source = Path.Combine(PackageFixture.RepoRoot, "conventions");
            foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(directory, "conventions", Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            File.WriteAllText(Path.Combine(directory, ConventionsPackageId + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <PackageId>{ConventionsPackageId}</PackageId>
                    <IncludeBuildOutput>false</IncludeBuildOutput>
                    <NoWarn>$(NoWarn);NU5128</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="conventions/**/*.yaml" Pack="true" PackagePath="conventions/" />
                    <None Include="{ConventionsPackageId}.props" Pack="true" PackagePath="build/;buildTransitive/" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, ConventionsPackageId + ".props"), """
                <Project>
                  <ItemGroup>
                    <TelemetryConvention Include="$(MSBuildThisFileDirectory)../conventions/**/*.yaml" Registry="Acme conventions" />
                  </ItemGroup>
                </Project>
                """);
            var pack = DotnetCli.Run(directory, BuildTimeout, "pack", "-o", _package.Feed, "-p:Version=" + _package.Version);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }
    }
}
