using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Documentation;
using TelemetryConventions.Conventions.Registry;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;

namespace TelemetryConventions.Tool;

/// <summary>
/// <c>TelemetryConventions.Tool baseline|docs|index --output PATH [--published DIR]... [--registry DIR] FILE... | @RESPONSEFILE</c>.
/// Problems in the convention files are printed in the compiler's format, so MSBuild shows them
/// located; with an error nothing is written, since a broken state is nothing to publish. The
/// index of a registry (which names each file defines and uses) is written whatever the files'
/// problems: the compile reports them, and a broken file simply defines less.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = ToolCommand.Parse(args, out var usageError);
        if (command is null)
        {
            Console.Error.WriteLine($"error TCTOOL: {usageError}");
            Console.Error.WriteLine("usage: TelemetryConventions.Tool baseline|docs|index --output PATH [--published DIR]... [--registry DIR] FILE... | @RESPONSEFILE");
            return 2;
        }

        var files = command.Files
            .Where(p => !ConventionFileParser.IsRegistryManifest(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ConventionFileParser.Parse(p, File.ReadAllText(p)))
            .ToList();
        if (command.Name == "index")
        {
            if (command.RegistryDirectory is null)
            {
                Console.Error.WriteLine("error TCTOOL: index needs --registry DIR, the folder the file paths are relative to");
                return 2;
            }
            var index = RegistryIndexBuilder.Build(command.RegistryDirectory, files);
            OutputFiles.WriteIfChanged(command.Output, index.Write());
            Console.WriteLine($"Index of {index.Entries.Count} registry files: {command.Output}");
            return 0;
        }
        var registry = ConventionResolver.Resolve(files);
        var diagnostics = files.SelectMany(f => f.Diagnostics).Concat(registry.Diagnostics).ToList();
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverityLevel.Error))
        {
            Console.Error.WriteLine($"error TCTOOL: the convention files have errors; {command.Name} not written");
            return 1;
        }

        switch (command.Name)
        {
            case "baseline":
                var baseline = ConventionBaseline.FromRegistry(registry, command.IsPublished);
                OutputFiles.WriteIfChanged(command.Output, BaselineFormat.Write(baseline));
                Console.WriteLine($"Baseline of {baseline.Attributes.Count} attributes, {baseline.Metrics.Count} metrics and {baseline.Spans.Count} spans: {command.Output}");
                return 0;
            case "docs":
                var docs = ConventionDocs.Write(registry, command.IsPublished);
                OutputFiles.WriteDirectory(command.Output, docs);
                Console.WriteLine($"{docs.Count} convention documents: {command.Output}");
                return 0;
            default:
                Console.Error.WriteLine($"error TCTOOL: unknown command '{command.Name}'");
                return 2;
        }
    }
}

/// <summary>The parsed command line.</summary>
internal sealed record ToolCommand(string Name, string Output, IReadOnlyList<string> PublishedDirectories, IReadOnlyList<string> Files, string? RegistryDirectory = null)
{
    /// <summary>
    /// Whether a file is the project's own: under one of the published directories, or every file
    /// when none is given.
    /// </summary>
    public bool IsPublished(string path)
    {
        if (PublishedDirectories.Count == 0)
        {
            return true;
        }
        var full = Path.GetFullPath(path);
        return PublishedDirectories.Any(d => full.StartsWith(Path.GetFullPath(d).TrimEnd('/', '\\') + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    public static ToolCommand? Parse(IReadOnlyList<string> args, out string error)
    {
        error = "";
        if (args.Count == 0)
        {
            error = "no command";
            return null;
        }
        string? output = null;
        string? registryDirectory = null;
        var published = new List<string>();
        var files = new List<string>();
        var arguments = Expand(args.Skip(1)).ToList();
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--output" when i + 1 < arguments.Count:
                    output = arguments[++i];
                    break;
                case "--published" when i + 1 < arguments.Count:
                    published.Add(arguments[++i]);
                    break;
                case "--registry" when i + 1 < arguments.Count:
                    registryDirectory = arguments[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"unknown or incomplete option '{option}'";
                    return null;
                default:
                    files.Add(arguments[i]);
                    break;
            }
        }
        if (output is null)
        {
            error = "--output is missing";
            return null;
        }
        return new ToolCommand(args[0], output, published, files, registryDirectory);
    }

    /// <summary>A <c>@file</c> argument stands for the file's non-empty lines (MSBuild writes the item lists there).</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> args)
    {
        foreach (var arg in args)
        {
            if (arg.StartsWith("@", StringComparison.Ordinal))
            {
                foreach (var line in File.ReadAllLines(arg.Substring(1)).Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    yield return line;
                }
            }
            else
            {
                yield return arg;
            }
        }
    }
}

internal static class OutputFiles
{
    /// <summary>Leaves an unchanged file untouched, so a rebuild does not dirty timestamps or the work tree.</summary>
    public static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content);
    }

    /// <summary>
    /// Writes the documents and removes the ones an earlier run wrote that are gone now (a
    /// namespace that no longer exists); files without the generated marker are never touched.
    /// </summary>
    public static void WriteDirectory(string directory, IReadOnlyList<DocFile> files)
    {
        Directory.CreateDirectory(directory);
        var names = new HashSet<string>(files.Select(f => f.Name), StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(directory, "*.md").Where(p => !names.Contains(Path.GetFileName(p))))
        {
            if (File.ReadLines(stale).FirstOrDefault() == ConventionDocs.GeneratedMarker)
            {
                File.Delete(stale);
            }
        }
        foreach (var file in files)
        {
            WriteIfChanged(Path.Combine(directory, file.Name), file.Content);
        }
    }
}
