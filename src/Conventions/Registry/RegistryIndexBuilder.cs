using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Registry;

/// <summary>
/// Builds the <see cref="RegistryIndex"/> of a registry from its parsed files. "Uses" are the names
/// the resolver looks up in other files: <c>ref</c>, <c>ref_group</c>, <c>extends</c>, a refined
/// group, a span's events, an attribute's <c>renamed_to</c> and v2 <c>imports</c>.
/// </summary>
public static class RegistryIndexBuilder
{
    public static RegistryIndex Build(string registryDirectory, IEnumerable<ConventionFile> files)
    {
        var root = Path.GetFullPath(registryDirectory).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        var entries = new List<RegistryIndexEntry>();
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file.Path);
            var relative = (full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : Path.GetFileName(full)).Replace('\\', '/');
            var defines = new SortedSet<string>(Defines(file), StringComparer.Ordinal);
            var uses = new SortedSet<string>(Uses(file).Where(n => !defines.Contains(n)), StringComparer.Ordinal);
            entries.Add(new RegistryIndexEntry(relative, defines.ToList(), uses.ToList()));
        }
        entries.Sort((x, y) => string.CompareOrdinal(x.RelativePath, y.RelativePath));
        return new RegistryIndex(entries);
    }

    private static IEnumerable<string> Defines(ConventionFile file)
    {
        foreach (var attribute in file.Attributes)
        {
            yield return attribute.Name;
        }
        foreach (var group in file.Groups)
        {
            // A refinement defines nothing new; its id is still what an imports entry or a ref_group may name.
            yield return group.Id;
            foreach (var name in new[] { group.MetricName, group.EventName, group.EntityName })
            {
                if (!string.IsNullOrEmpty(name))
                {
                    yield return name!;
                }
            }
            foreach (var prefix in new[] { "span.", "metric.", "event.", "entity." })
            {
                if (group.Id.StartsWith(prefix, StringComparison.Ordinal) && group.Id.Length > prefix.Length)
                {
                    yield return group.Id.Substring(prefix.Length);
                }
            }
            // Attributes defined inline in a group (id + type) are definitions too.
            foreach (var reference in group.Attributes.Where(r => r.Kind == AttributeReferenceKind.Definition))
            {
                yield return reference.Target;
            }
        }
    }

    private static IEnumerable<string> Uses(ConventionFile file)
    {
        foreach (var attribute in file.Attributes)
        {
            if (attribute.Deprecated?.RenamedTo is { Length: > 0 } renamedTo)
            {
                yield return renamedTo;
            }
        }
        foreach (var group in file.Groups)
        {
            if (group.Extends is { Length: > 0 } extends)
            {
                yield return extends;
            }
            if (group.Refines is { Length: > 0 } refines)
            {
                yield return refines;
            }
            foreach (var reference in group.Attributes.Where(r => r.Kind != AttributeReferenceKind.Definition))
            {
                yield return reference.Target;
            }
            foreach (var eventName in group.Events)
            {
                yield return eventName;
            }
        }
        foreach (var import in file.Imports)
        {
            yield return import.Pattern;
        }
    }
}
