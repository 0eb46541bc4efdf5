using Xunit;

namespace TelemetryConventions.Package.Tests.LanguageServer;

/// <summary>Where csharp-ls is: <c>.ci/install-tools</c> puts the pinned version in the repository's <c>.tools/</c>.</summary>
public static class CSharpLanguageServer
{
    public const string Version = "0.28.0";

    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls";
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CSHARP_LS") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        candidates.Add(Path.Combine(PackageFixture.RepoRoot, ".tools", name));
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name)));
        candidates.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", name));
        return candidates.FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A test that needs csharp-ls. It is skipped, saying how to install the server, only where the server
/// is not installed and the run is not CI's; on CI (<c>CI=true</c>) a missing server fails the test instead,
/// since <c>.ci/install-tools</c> installs it there.
/// </summary>
public sealed class LanguageServerFactAttribute : FactAttribute
{
    public LanguageServerFactAttribute()
    {
        if (CSharpLanguageServer.Executable is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"csharp-ls is not installed: run .ci/install-tools (dotnet tool install csharp-ls --version {CSharpLanguageServer.Version} "
                + "--tool-path .tools), put csharp-ls on PATH, or set CSHARP_LS to its path.";
        }
    }
}
