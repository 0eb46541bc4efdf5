using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;
using TelemetryConventions.Conventions.Yaml;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Reads a compilation's convention files once. The IDE builds a new compilation on every
/// keystroke while the YAML rarely changes, so both the parsed files (in the cache the generator
/// fills, <see cref="ParsedFileCache"/>) and the resolved index are kept by content checksum: an
/// unchanged file is never parsed twice, and an unchanged set of files is never resolved twice. Problems in the files are the generator's to report (TC0xxx);
/// here a file that cannot be read simply declares less.
/// </summary>
internal static class ConventionCache
{
    private const int MaxIndexes = 8;

    private static readonly object Gate = new();
    private static readonly LinkedList<KeyValuePair<string, ConventionIndex>> Indexes = new();

    public static bool IsConventionFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !ConventionFileParser.IsRegistryManifest(path);

    public static ConventionIndex Get(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var inputs = new List<(string Path, string Key, SourceText Text)>();
        foreach (var file in additionalFiles)
        {
            if (file is null || string.IsNullOrEmpty(file.Path) || !IsConventionFile(file.Path))
            {
                continue;
            }
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }
            inputs.Add((file.Path, ParsedFileCache.Key(file.Path, text.GetChecksum()), text));
        }
        if (inputs.Count == 0)
        {
            return ConventionIndex.Empty;
        }
        inputs.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        var setKey = string.Join("\n", inputs.Select(i => i.Key));

        lock (Gate)
        {
            for (var node = Indexes.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == setKey)
                {
                    // Most recently used first, so the projects open in the IDE stay cached.
                    Indexes.Remove(node);
                    Indexes.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        var files = new List<ConventionFile>(inputs.Count);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(GetFile(input.Path, input.Key, input.Text));
        }
        var registry = ConventionResolver.Resolve(files);
        var index = new ConventionIndex(registry.Attributes, registry.Groups);

        lock (Gate)
        {
            Indexes.AddFirst(new KeyValuePair<string, ConventionIndex>(setKey, index));
            while (Indexes.Count > MaxIndexes)
            {
                Indexes.RemoveLast();
            }
        }
        return index;
    }

    /// <summary>
    /// The generator has normally parsed the file already in this process (the package loads both
    /// from one folder, so they share <see cref="ParsedFileCache"/>); only otherwise is it parsed here.
    /// </summary>
    private static ConventionFile GetFile(string path, string key, SourceText text) =>
        ParsedFileCache.GetOrParse(key, () => ConventionFileParser.Parse(path, text.ToString()));
}
