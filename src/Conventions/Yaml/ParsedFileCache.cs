using System;
using System.Collections.Generic;
using System.Text;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>
/// Parsed convention files by path and content checksum, shared within one compiler process. The
/// generator parses every file; the analyzers, which the package loads from the same folder (so
/// one copy of this assembly serves both), then find each file here instead of parsing it a second
/// time. A file whose content changed has a new key, so a stale entry is never returned.
/// </summary>
public static class ParsedFileCache
{
    private const int MaxFiles = 4096;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, Model.ConventionFile> Files = new(StringComparer.Ordinal);

    /// <summary>The cache key of a file: its path and the checksum of its text.</summary>
    public static string Key(string path, IEnumerable<byte> checksum)
    {
        var builder = new StringBuilder(path.Length + 65).Append(path).Append('|');
        foreach (var b in checksum)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>The file parsed under <paramref name="key"/>, parsing it with <paramref name="parse"/> the first time.</summary>
    public static Model.ConventionFile GetOrParse(string key, Func<Model.ConventionFile> parse)
    {
        lock (Gate)
        {
            if (Files.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }
        // Parsed outside the lock: two threads may parse the same file once each, which costs less
        // than making every other compilation wait.
        var parsed = parse();
        lock (Gate)
        {
            if (Files.Count >= MaxFiles)
            {
                Files.Clear();
            }
            Files[key] = parsed;
        }
        return parsed;
    }
}
