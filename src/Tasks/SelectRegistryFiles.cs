using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TelemetryConventions.Conventions.Registry;

namespace TelemetryConventions.Tasks;

/// <summary>
/// Chooses the files of an imported registry that the project's conventions need, so that the
/// compiler, the generator and the analyzers are handed those files and not the whole registry.
/// Any problem (no index, an unreadable one) hands over the whole registry instead, with a
/// message: a slower build, never a broken one.
/// </summary>
public sealed class SelectRegistryFiles : Task
{
    /// <summary>The registry folder; the index's paths are relative to it.</summary>
    [Required]
    public string RegistryDirectory { get; set; } = "";

    /// <summary>The registry's index (<c>TelemetryConventions.Tool index</c>).</summary>
    [Required]
    public string IndexFile { get; set; } = "";

    /// <summary>The convention files that are not the registry's: the project's own and those of other packages.</summary>
    public ITaskItem[] ProjectFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The registry files chosen, as full paths.</summary>
    [Output]
    public ITaskItem[] SelectedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>False when the index could not be used; then every YAML file of the registry is to be imported.</summary>
    [Output]
    public bool UsedIndex { get; private set; }

    public override bool Execute()
    {
        string content;
        try
        {
            content = File.ReadAllText(IndexFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Normal, $"The registry index '{IndexFile}' cannot be read ({e.Message}); the whole registry '{RegistryDirectory}' is imported.");
            return true;
        }
        var index = RegistryIndex.Read(content, out var error);
        if (index is null)
        {
            Log.LogWarning($"The registry index '{IndexFile}' is not usable ({error}); the whole registry '{RegistryDirectory}' is imported.");
            return true;
        }

        var texts = new List<string>();
        foreach (var item in ProjectFiles)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                texts.Add(File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The generator reports a file it cannot read; here it simply names nothing.
                Log.LogMessage(MessageImportance.Low, $"'{path}' cannot be read ({e.Message}).");
            }
        }

        var directory = Path.GetFullPath(RegistryDirectory);
        SelectedFiles = RegistrySelection.Select(index, texts)
            .Select(relative => (ITaskItem)new TaskItem(Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar))))
            .ToArray();
        UsedIndex = true;
        Log.LogMessage(MessageImportance.Low, $"{SelectedFiles.Length} of {index.Entries.Count} files of '{RegistryDirectory}' are needed by the project's conventions.");
        return true;
    }
}
