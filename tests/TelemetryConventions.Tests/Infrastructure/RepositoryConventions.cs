using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>
/// The repository's conventions/ resolved as the showcase compiles them (with the upstream
/// registry they reference); only the files under conventions/ are the repository's to publish.
/// </summary>
public static class RepositoryConventions
{
    public static string Directory { get; } = Path.Combine(TestPaths.RepoRoot, "conventions");

    private static readonly Lazy<ResolvedRegistry> Resolved = new(() => ConventionResolver.Resolve(
        System.IO.Directory.GetFiles(Directory, "*.yaml", SearchOption.AllDirectories)
            .Concat(TestPaths.UpstreamFiles())
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ConventionFileParser.Parse(p, File.ReadAllText(p)))));

    public static ResolvedRegistry Registry => Resolved.Value;

    public static bool IsPublished(string path) => path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
