using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace TelemetryConventions.Conventions.Registry;

/// <summary>
/// What each file of a registry defines and what it uses of other files, by name: enough to pick,
/// before a compile, the files that a project's conventions need, without reading YAML. The MSBuild
/// task reads it, so this file (with <see cref="RegistrySelection"/>) uses nothing but the BCL.
/// </summary>
public sealed class RegistryIndex
{
    public const string Header = "# TelemetryConventions registry index 1";

    public RegistryIndex(IReadOnlyList<RegistryIndexEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>One entry per file, in path order.</summary>
    public IReadOnlyList<RegistryIndexEntry> Entries { get; }

    /// <summary>
    /// The text form: a header, then per file a <c>file</c> line with its path relative to the
    /// registry folder (always with '/'), a <c>defines</c> and a <c>uses</c> line of names.
    /// </summary>
    public string Write()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("# Per file of the registry: the names it defines (attributes, groups, signal names) and the names of other files it uses.\n");
        foreach (var entry in Entries)
        {
            text.Append("file ").Append(entry.RelativePath).Append('\n');
            text.Append("  defines");
            foreach (var name in entry.Defines)
            {
                text.Append(' ').Append(name);
            }
            text.Append('\n');
            text.Append("  uses");
            foreach (var name in entry.Uses)
            {
                text.Append(' ').Append(name);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads <see cref="Write"/>'s form; a file that is not an index gives a message, never an exception.</summary>
    public static RegistryIndex? Read(string content, out string? error)
    {
        error = null;
        var entries = new List<RegistryIndexEntry>();
        string? path = null;
        IReadOnlyList<string> defines = Array.Empty<string>();
        IReadOnlyList<string> uses = Array.Empty<string>();
        var lineNumber = 0;
        var sawHeader = false;
        using var reader = new StringReader(content);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (!sawHeader)
            {
                if (line.Trim() != Header)
                {
                    error = $"line 1 is not '{Header}'";
                    return null;
                }
                sawHeader = true;
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            var words = trimmed.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "file" when words.Length == 2:
                    Flush();
                    path = words[1];
                    break;
                case "defines" when path is not null:
                    defines = words.Skip(1).ToArray();
                    break;
                case "uses" when path is not null:
                    uses = words.Skip(1).ToArray();
                    break;
                default:
                    error = $"line {lineNumber} is not a 'file', 'defines' or 'uses' line of a file";
                    return null;
            }
        }
        if (!sawHeader)
        {
            error = "the index is empty";
            return null;
        }
        Flush();
        return new RegistryIndex(entries);

        void Flush()
        {
            if (path is not null)
            {
                entries.Add(new RegistryIndexEntry(path, defines, uses));
            }
            path = null;
            defines = Array.Empty<string>();
            uses = Array.Empty<string>();
        }
    }
}

/// <summary>One file of a registry: its path relative to the registry folder, what it defines and what it uses.</summary>
public sealed class RegistryIndexEntry
{
    public RegistryIndexEntry(string relativePath, IReadOnlyList<string> defines, IReadOnlyList<string> uses)
    {
        RelativePath = relativePath;
        Defines = defines;
        Uses = uses;
    }

    public string RelativePath { get; }

    public IReadOnlyList<string> Defines { get; }

    public IReadOnlyList<string> Uses { get; }
}
