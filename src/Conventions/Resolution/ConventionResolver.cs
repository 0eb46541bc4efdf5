using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Compatibility;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Resolution;

/// <summary>
/// Joins the files of one compilation into a registry: attribute references, <c>extends</c>,
/// <c>ref_group</c> and refinements. Later entries override earlier ones, a group overrides
/// what it extends or refines, and an explicit <c>ref</c> overrides one pulled in by
/// <c>ref_group</c>.
/// </summary>
public sealed class ConventionResolver
{
    private readonly Dictionary<string, AttributeDefinition> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupDefinition> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GroupAttribute>> _resolvedAttributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedGroup> _resolvedGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupDefinition?> _refined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly List<string> _path = new();
    private readonly List<ConventionDiagnostic> _diagnostics = new();
    private List<string> _registryNames = new();
    private IReadOnlyList<UnimportedRegistry> _unimported = Array.Empty<UnimportedRegistry>();

    private ConventionResolver()
    {
    }

    public static ResolvedRegistry Resolve(IEnumerable<ConventionFile> files) => Resolve(files, null);

    /// <summary>
    /// Resolves the files of a compilation. Files listed in <paramref name="imported"/> belong to
    /// registries the project did not write: their attributes and groups can be referenced, but the
    /// registry holds only what the project's own conventions use (see <see cref="UsageSelection"/>).
    /// </summary>
    public static ResolvedRegistry Resolve(IEnumerable<ConventionFile> files, IEnumerable<ImportedFile>? imported) => Resolve(files, imported, null);

    /// <summary>
    /// As above; an unknown reference to an attribute of one of <paramref name="unimported"/> says
    /// which registry defines it and how to bring that registry in.
    /// </summary>
    public static ResolvedRegistry Resolve(IEnumerable<ConventionFile> files, IEnumerable<ImportedFile>? imported, IEnumerable<UnimportedRegistry>? unimported)
    {
        var resolver = new ConventionResolver();
        resolver._unimported = unimported?.ToList() ?? new List<UnimportedRegistry>();
        var fileList = files.ToList();
        resolver.Register(fileList);
        resolver.FollowRenameChains();
        var selection = new UsageSelection(imported, resolver._groups.Values, resolver.Report);
        resolver._registryNames = selection.RegistryNames;
        resolver.ApplyPrivacyClassifications(fileList, selection);
        var registered = fileList.SelectMany(f => f.Groups).Where(g => ReferenceEquals(resolver._groups[g.Id], g)).ToList();
        var wanted = selection.SelectGroups(registered, fileList);
        var groups = registered.Where(g => wanted.Contains(g.Id)).Select(resolver.ResolveGroup).ToList();
        // Events that a used span names come along, as if imported.
        if (selection.AddEventsNamedBy(groups, registered, wanted))
        {
            groups = registered.Where(g => wanted.Contains(g.Id)).Select(resolver.ResolveGroup).ToList();
        }
        var attributes = selection.SelectAttributes(resolver._attributes.Values, groups);
        resolver.CheckRenames(attributes);
        resolver.CheckMetricPrivacy(groups);
        resolver.CheckEvents(groups);
        return new ResolvedRegistry(
            attributes.ToEquatableArray(),
            groups.ToEquatableArray(),
            resolver._diagnostics.ToEquatableArray(),
            selection.Unreferenced(resolver._attributes.Values, attributes),
            (imported ?? Enumerable.Empty<ImportedFile>()).Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray());
    }

    private void Register(List<ConventionFile> files)
    {
        foreach (var attribute in files.SelectMany(f => f.Attributes))
        {
            if (_attributes.TryGetValue(attribute.Name, out var first))
            {
                Report(ConventionRules.DuplicateDefinition, attribute.Location, "Attribute", attribute.Name, first.Location);
                continue;
            }
            _attributes.Add(attribute.Name, attribute);
        }
        foreach (var group in files.SelectMany(f => f.Groups))
        {
            if (_groups.TryGetValue(group.Id, out var first))
            {
                Report(ConventionRules.DuplicateDefinition, group.Location, "Group", group.Id, first.Location);
                continue;
            }
            _groups.Add(group.Id, group);
        }
    }

    /// <summary>
    /// A privacy annotation on a <c>ref</c> inside an attribute group classifies that attribute
    /// everywhere: this is how a project (or a conventions package, or the package's shipped
    /// defaults) annotates an attribute of a registry it did not write once, instead of on every
    /// reference. Imported files are applied first, so the project's own files override them; a
    /// <c>ref</c> in a span, event or metric still overrides for that signal alone.
    /// </summary>
    /// <summary>Attribute groups of the package's shipped privacy defaults (src/Package/privacy).</summary>
    public const string PrivacyDefaultsPrefix = "telemetry_conventions.privacy.";

    private void ApplyPrivacyClassifications(List<ConventionFile> files, UsageSelection selection)
    {
        // The package's defaults come first even where origins are unknown (the analyzers read the
        // files without item metadata), then imported registries, then the project's own files.
        var groups = files.SelectMany(f => f.Groups.Select(g => (Group: g, Imported: selection.IsReferencedOnly(g.Location))))
            .Where(e => e.Group.Kind == GroupKind.AttributeGroup)
            .OrderBy(e => e.Group.Id.StartsWith(PrivacyDefaultsPrefix, StringComparison.Ordinal) ? 0 : e.Imported ? 1 : 2)
            .Select(e => e.Group);
        foreach (var group in groups)
        {
            foreach (var reference in group.Attributes)
            {
                if (reference.Kind == AttributeReferenceKind.Attribute && reference.Privacy is { } privacy
                    && _attributes.TryGetValue(reference.Target, out var attribute) && attribute.Privacy != privacy)
                {
                    _attributes[reference.Target] = attribute with { Privacy = privacy };
                }
            }
        }
    }

    private ResolvedGroup ResolveGroup(GroupDefinition group)
    {
        if (_resolvedGroups.TryGetValue(group.Id, out var done))
        {
            return done;
        }

        var basis = group.Refines is { } refines ? FindRefined(group, refines) : null;
        var attributes = ResolveAttributes(group);
        var resolved = new ResolvedGroup
        {
            Id = group.Id,
            Kind = group.Kind,
            Brief = group.Brief ?? basis?.Brief,
            Note = group.Note ?? basis?.Note,
            Stability = group.Stability != Stability.Unspecified ? group.Stability : basis?.Stability ?? Stability.Unspecified,
            Deprecated = group.Deprecated ?? basis?.Deprecated,
            Visibility = group.Visibility,
            SpanKind = group.SpanKind != SpanKind.Unspecified ? group.SpanKind : basis?.SpanKind ?? SpanKind.Unspecified,
            Events = group.Events.IsEmpty && basis is not null ? basis.Events : group.Events,
            MetricName = group.MetricName ?? basis?.MetricName,
            Instrument = group.Instrument != InstrumentKind.Unspecified ? group.Instrument : basis?.Instrument ?? InstrumentKind.Unspecified,
            Unit = group.Unit ?? basis?.Unit,
            MetricValueType = group.MetricValueType != MetricValueType.Unspecified ? group.MetricValueType : basis?.MetricValueType ?? MetricValueType.Unspecified,
            HistogramBuckets = group.HistogramBuckets.IsEmpty && basis is not null ? basis.HistogramBuckets : group.HistogramBuckets,
            EventName = group.EventName ?? basis?.EventName,
            EntityName = group.EntityName ?? basis?.EntityName,
            ExcludedFromCodeGeneration = group.ExcludedFromCodeGeneration,
            Attributes = attributes.ToEquatableArray(),
            Location = group.Location,
            Log = group.Log ?? basis?.Log,
            Body = group.Body ?? basis?.Body,
            Observable = group.Observable ?? basis?.Observable,
        };
        _resolvedGroups[group.Id] = resolved;
        return resolved;
    }

    /// <summary>The attributes of a group, memoised; cycles through extends/ref_group/ref are reported once.</summary>
    private List<GroupAttribute> ResolveAttributes(GroupDefinition group)
    {
        if (_resolvedAttributes.TryGetValue(group.Id, out var cached))
        {
            return cached;
        }
        if (!_inProgress.Add(group.Id))
        {
            var cycle = _path.Skip(_path.IndexOf(group.Id)).Concat(new[] { group.Id });
            Report(ConventionRules.CyclicExtends, group.Location, group.Id, string.Join(" -> ", cycle));
            return new List<GroupAttribute>();
        }
        _path.Add(group.Id);

        var result = new List<GroupAttribute>();
        if (group.Extends is { } extends)
        {
            if (_groups.TryGetValue(extends, out var parent))
            {
                Merge(result, ResolveAttributes(parent));
            }
            else
            {
                Report(ConventionRules.UnknownGroup, group.Location, "extends", extends, "group");
            }
        }
        if (group.Refines is { } refines && FindRefinedDefinition(group, refines) is { } refined)
        {
            Merge(result, ResolveAttributes(refined));
        }

        foreach (var reference in group.Attributes)
        {
            switch (reference.Kind)
            {
                case AttributeReferenceKind.Definition:
                    if (_attributes.TryGetValue(reference.Target, out var definition) && definition.Location.FilePath == reference.Location.FilePath)
                    {
                        Merge(result, new[] { FromDefinition(definition, reference.Location) with { Identifying = reference.Identifying ?? false } });
                    }
                    break;
                case AttributeReferenceKind.Attribute:
                    if (_attributes.TryGetValue(reference.Target, out var target))
                    {
                        var existing = result.FindIndex(a => a.Name == target.Name);
                        var start = existing >= 0 ? result[existing] : FromDefinition(target, reference.Location);
                        Merge(result, new[] { ApplyOverrides(start, reference) });
                    }
                    else
                    {
                        Report(ConventionRules.UnknownAttribute, reference.Location, reference.Target, Hint(reference.Target));
                    }
                    break;
                case AttributeReferenceKind.Group:
                    if (_groups.TryGetValue(reference.Target, out var referenced))
                    {
                        Merge(result, ResolveAttributes(referenced));
                    }
                    else
                    {
                        Report(ConventionRules.UnknownGroup, reference.Location, "ref_group", reference.Target, "attribute group");
                    }
                    break;
            }
        }

        _path.RemoveAt(_path.Count - 1);
        _inProgress.Remove(group.Id);
        _resolvedAttributes[group.Id] = result;
        return result;
    }

    private ResolvedGroup? FindRefined(GroupDefinition group, string refines) =>
        FindRefinedDefinition(group, refines) is { } definition ? ResolveGroup(definition) : null;

    /// <summary>
    /// A refinement names the refined group by its v2 name (span type, metric or event name) or
    /// by its group id.
    /// </summary>
    private GroupDefinition? FindRefinedDefinition(GroupDefinition group, string refines)
    {
        if (_refined.TryGetValue(group.Id, out var known))
        {
            return known;
        }
        var found = LookUpRefined(group, refines);
        _refined[group.Id] = found;
        return found;
    }

    private GroupDefinition? LookUpRefined(GroupDefinition group, string refines)
    {
        var prefix = group.Kind switch
        {
            GroupKind.Span => "span.",
            GroupKind.Metric => "metric.",
            GroupKind.Event => "event.",
            _ => "entity.",
        };
        var found = _groups.TryGetValue(refines, out var byId) ? byId
            : _groups.TryGetValue(prefix + refines, out var byName) ? byName
            : _groups.Values.FirstOrDefault(g => g.Kind == group.Kind && (g.MetricName == refines || g.EventName == refines || g.EntityName == refines));
        if (found is null)
        {
            Report(ConventionRules.UnknownGroup, group.Location, "ref", refines, KindName(group.Kind));
            return null;
        }
        if (found.Kind != group.Kind)
        {
            Report(ConventionRules.GroupKindMismatch, group.Location, "ref", refines, KindName(found.Kind), KindName(group.Kind));
            return null;
        }
        return found;
    }

    private static string KindName(GroupKind kind) => kind switch
    {
        GroupKind.AttributeGroup => "attribute group",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static GroupAttribute FromDefinition(AttributeDefinition definition, SourceSpan location) => new()
    {
        Name = definition.Name,
        Type = definition.Type,
        Brief = definition.Brief,
        Note = definition.Note,
        Examples = definition.Examples,
        RequirementLevel = definition.RequirementLevel,
        SamplingRelevant = definition.SamplingRelevant,
        Stability = definition.Stability,
        Deprecated = definition.Deprecated,
        Privacy = definition.Privacy,
        Location = location,
    };

    private static GroupAttribute ApplyOverrides(GroupAttribute attribute, AttributeReference reference) => attribute with
    {
        Brief = reference.Brief ?? attribute.Brief,
        Note = reference.Note ?? attribute.Note,
        Examples = reference.Examples ?? attribute.Examples,
        RequirementLevel = reference.RequirementLevel ?? attribute.RequirementLevel,
        SamplingRelevant = reference.SamplingRelevant ?? attribute.SamplingRelevant,
        Stability = reference.Stability ?? attribute.Stability,
        Deprecated = reference.Deprecated ?? attribute.Deprecated,
        Privacy = reference.Privacy ?? attribute.Privacy,
        Location = reference.Location,
        Identifying = reference.Identifying ?? attribute.Identifying,
    };

    /// <summary>Adds or replaces by name, keeping the position of the first occurrence.</summary>
    private static void Merge(List<GroupAttribute> target, IEnumerable<GroupAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            var index = target.FindIndex(a => a.Name == attribute.Name);
            if (index >= 0)
            {
                target[index] = attribute;
            }
            else
            {
                target.Add(attribute);
            }
        }
    }

    /// <summary>
    /// An attribute renamed to one that was renamed again (<c>a</c> to <c>b</c> to <c>c</c>) points at
    /// the last name, the one to send now: the [Obsolete] message, TC2005 and its fix all read it
    /// from here. A cycle of renames leads nowhere and is left as written.
    /// </summary>
    private void FollowRenameChains()
    {
        foreach (var attribute in _attributes.Values.ToList())
        {
            if (attribute.Deprecated is not { RenamedTo: { } first } deprecation)
            {
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { attribute.Name };
            var last = first;
            while (_attributes.TryGetValue(last, out var next) && next.Deprecated?.RenamedTo is { } further && seen.Add(last))
            {
                last = further;
            }
            if (last != first && !seen.Contains(last) && _attributes.ContainsKey(last))
            {
                _attributes[attribute.Name] = attribute with { Deprecated = deprecation with { RenamedTo = last } };
            }
        }
    }

    private void CheckRenames(IEnumerable<AttributeDefinition> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Deprecated?.RenamedTo is { } renamedTo && !_attributes.ContainsKey(renamedTo))
            {
                Report(ConventionRules.UnknownRenameTarget, attribute.Location, attribute.Name, renamedTo);
            }
        }
    }

    /// <summary>
    /// Metric attributes become time-series dimensions: an identifier of a person there is both a
    /// privacy leak and unbounded cardinality, whatever its treatment.
    /// </summary>
    private void CheckMetricPrivacy(List<ResolvedGroup> groups)
    {
        foreach (var group in groups.Where(g => g.Kind == GroupKind.Metric))
        {
            foreach (var attribute in group.Attributes)
            {
                if (attribute.Privacy is { } privacy
                    && (privacy.Classification == PrivacyClassification.PersonalIdentifier || privacy.Treatment == PrivacyTreatment.Pseudonymize))
                {
                    Report(ConventionRules.PersonalIdentifierOnMetric, attribute.Location, group.MetricName ?? group.Id, attribute.Name,
                        privacy.Classification == PrivacyClassification.PersonalIdentifier ? "personal identifier" : "pseudonymised value");
                }
            }
        }
    }

    private void CheckEvents(List<ResolvedGroup> groups)
    {
        var eventNames = new HashSet<string>(groups.Where(g => g.Kind == GroupKind.Event).SelectMany(g => new[] { g.Id, g.EventName ?? g.Id }), StringComparer.Ordinal);
        foreach (var group in groups.Where(g => g.Kind == GroupKind.Span))
        {
            foreach (var eventId in group.Events.Where(e => !eventNames.Contains(e)))
            {
                Report(ConventionRules.UnknownGroup, group.Location, "events entry", eventId, "event");
            }
        }
    }

    /// <summary>
    /// Says which registries were searched, so that a name of the upstream registry in a project
    /// that does not import it reads as what it is, not as a typo.
    /// </summary>
    /// <summary>
    /// Where an unknown attribute is defined, when a registry the project does not import has it
    /// (an exact name says more than a near one); otherwise the closest known name, or where we looked.
    /// </summary>
    private string Hint(string name) =>
        UnimportedRegistryNames.DefinedIn(_unimported, name)
        ?? (Suggestion(name) is { Length: > 0 } suggestion ? suggestion : null)
        ?? UnimportedRegistryNames.NearName(_unimported, name)
        ?? WhereLooked();

    private string WhereLooked() => _registryNames.Count == 0
        ? "; no registry is imported: if it is an OpenTelemetry attribute, bring in the upstream registry (the package imports it unless EnableTelemetryConventionsUpstream is false; TelemetryConventionsUpstreamDir names another folder)"
        : $"; neither the project's conventions nor the imported {(_registryNames.Count == 1 ? "registry" : "registries")} {string.Join(", ", _registryNames.Select(n => "'" + n + "'"))} define it";

    private string Suggestion(string name)
    {
        var best = NameDistance.Closest(name, _attributes.Keys);
        return best is null ? "" : $"; did you mean '{best}'?";
    }

    private void Report(DiagnosticRule rule, SourceSpan location, params object?[] args) =>
        _diagnostics.Add(ConventionDiagnostic.Create(rule, location, args));
}
