using System.Reflection;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>Where the repository and the upstream registry (beside it, in ../shared) are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string UpstreamModel { get; } = Metadata("SemconvUpstreamDir");

    public static string GoldenDirectory { get; } = Path.Combine(RepoRoot, "tests", "TelemetryConventions.Tests", "Golden");

    public static IReadOnlyList<string> UpstreamFiles() =>
        Directory.GetFiles(UpstreamModel, "*.yaml", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) != "manifest.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
