using System;
using System.IO;

namespace TelemetryConventions.Samples.Tests;

/// <summary>The repository checkout the tests run from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TelemetryConventions.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No TelemetryConventions.slnx above {AppContext.BaseDirectory}.");
    }
}
