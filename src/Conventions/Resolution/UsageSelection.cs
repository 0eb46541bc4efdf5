using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Resolution;

/// <summary>
/// Decides what of a compilation's conventions the project uses. Its own files are used whole.
/// From an imported registry (upstream, a conventions package) only what its own files reach is
/// used: the attributes they <c>ref</c>, the groups they <c>extends</c> or <c>ref_group</c> (their
/// attributes), the signals they <c>imports</c>, and the events their spans name. An imported
/// registry marked to be generated in full counts as the project's own.
/// </summary>
internal sealed class UsageSelection
{
    private readonly Dictionary<string, ImportedFile> _referencedOnly = new(StringComparer.Ordinal);
    private readonly Action<DiagnosticRule, SourceSpan, object?[]> _report;

    public UsageSelection(IEnumerable<ImportedFile>? imported, IEnumerable<GroupDefinition> groups, Action<DiagnosticRule, SourceSpan, object?[]> report)
    {
        _report = report;
        foreach (var file in imported ?? Enumerable.Empty<ImportedFile>())
        {
            if (!RegistryNames.Contains(file.Registry))
            {
                RegistryNames.Add(file.Registry);
            }
            if (!file.GenerateAll)
            {
                _referencedOnly[file.Path] = file;
            }
        }
    }

    /// <summary>The imported registries by name, in the order first seen.</summary>
    public List<string> RegistryNames { get; } = new();

    public bool IsReferencedOnly(SourceSpan location) => _referencedOnly.Count > 0 && _referencedOnly.ContainsKey(location.FilePath);

    /// <summary>The ids of the groups to resolve and generate.</summary>
    public HashSet<string> SelectGroups(IReadOnlyList<GroupDefinition> groups, IEnumerable<ConventionFile> files)
    {
        var wanted = new HashSet<string>(groups.Where(g => !IsReferencedOnly(g.Location)).Select(g => g.Id), StringComparer.Ordinal);
        foreach (var import in files.Where(f => !IsReferencedOnly(SourceSpan.FileStart(f.Path))).SelectMany(f => f.Imports))
        {
            var matcher = Matcher(import.Pattern);
            var matched = false;
            foreach (var group in groups)
            {
                if (group.Kind == import.Kind && group.Refines is null && SignalNamesOf(group).Any(matcher))
                {
                    wanted.Add(group.Id);
                    matched = true;
                }
            }
            if (!matched)
            {
                _report(ConventionRules.UnknownGroup, import.Location, new object?[] { "imports entry", import.Pattern, KindName(import.Kind) });
            }
        }
        return wanted;
    }

    /// <summary>Adds the imported events that used spans name; true when any was added.</summary>
    public bool AddEventsNamedBy(IEnumerable<ResolvedGroup> used, IReadOnlyList<GroupDefinition> groups, HashSet<string> wanted)
    {
        if (_referencedOnly.Count == 0)
        {
            return false;
        }
        var named = new HashSet<string>(used.Where(g => g.Kind == GroupKind.Span).SelectMany(g => g.Events), StringComparer.Ordinal);
        var added = false;
        foreach (var group in groups)
        {
            if (group.Kind == GroupKind.Event && !wanted.Contains(group.Id) && (named.Contains(group.Id) || (group.EventName is { } name && named.Contains(name))))
            {
                added |= wanted.Add(group.Id);
            }
        }
        return added;
    }

    /// <summary>The project's own attributes, then those of imported registries that a used group carries.</summary>
    public List<AttributeDefinition> SelectAttributes(IEnumerable<AttributeDefinition> all, IEnumerable<ResolvedGroup> used)
    {
        if (_referencedOnly.Count == 0)
        {
            return all.ToList();
        }
        var carried = new HashSet<string>(used.SelectMany(g => g.Attributes).Select(a => a.Name), StringComparer.Ordinal);
        return all.Where(a => !IsReferencedOnly(a.Location) || carried.Contains(a.Name)).ToList();
    }

    public EquatableArray<UnreferencedAttribute> Unreferenced(IEnumerable<AttributeDefinition> all, IEnumerable<AttributeDefinition> selected)
    {
        if (_referencedOnly.Count == 0)
        {
            return EquatableArray<UnreferencedAttribute>.Empty;
        }
        var chosen = new HashSet<string>(selected.Select(a => a.Name), StringComparer.Ordinal);
        return all.Where(a => !chosen.Contains(a.Name) && _referencedOnly.ContainsKey(a.Location.FilePath))
            .Select(a => new UnreferencedAttribute(a.Name, _referencedOnly[a.Location.FilePath].Registry))
            .ToEquatableArray();
    }

    /// <summary>The names an <c>imports</c> entry may use for a group: its signal name or its id.</summary>
    private static IEnumerable<string> SignalNamesOf(GroupDefinition group)
    {
        yield return group.Id;
        var name = group.Kind switch
        {
            GroupKind.Metric => group.MetricName,
            GroupKind.Event => group.EventName,
            GroupKind.Entity => group.EntityName,
            _ => null,
        };
        if (name is not null)
        {
            yield return name;
        }
        var prefix = group.Kind switch
        {
            GroupKind.Span => "span.",
            GroupKind.Metric => "metric.",
            GroupKind.Event => "event.",
            GroupKind.Entity => "entity.",
            _ => null,
        };
        if (prefix is not null && group.Id.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield return group.Id.Substring(prefix.Length);
        }
    }

    /// <summary>An exact name, or a pattern where <c>*</c> stands for any run of characters.</summary>
    private static Func<string, bool> Matcher(string pattern)
    {
        if (pattern.IndexOf('*') < 0)
        {
            return name => string.Equals(name, pattern, StringComparison.Ordinal);
        }
        var regex = new Regex("^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
        return regex.IsMatch;
    }

    private static string KindName(GroupKind kind) => kind.ToString().ToLowerInvariant();
}
