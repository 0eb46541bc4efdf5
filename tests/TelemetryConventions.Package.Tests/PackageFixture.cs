using System.Reflection;

namespace TelemetryConventions.Package.Tests;

/// <summary>Packs the repository once, with a version no earlier run has put in the NuGet cache.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "tc-package-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Random.Shared.Next(1000, 9999);
        // The packages folder as NUGET_PACKAGES often gives it, without a trailing separator: packing must not
        // depend on how the path is spelt.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        PackResult = DotnetCli.Run(RepoRoot, TimeSpan.FromMinutes(20),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) },
            "pack", Path.Combine(RepoRoot, "src", "Runtime", "Runtime.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version);
    }

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string UpstreamModel { get; } = Metadata("SemconvUpstreamDir");

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public CommandResult PackResult { get; }

    public string PackagePath => Path.Combine(Feed, $"TelemetryConventions.{Version}.nupkg");

    /// <summary>A new console project outside the repository that references the package only.</summary>
    public string CreateConsumer(string name, IReadOnlyDictionary<string, string> files, string extraItems = "", string extraProperties = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="telemetry-conventions-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RootNamespace>Shop</RootNamespace>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TelemetryConventions" Version="{Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string Metadata(string key) =>
        typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
