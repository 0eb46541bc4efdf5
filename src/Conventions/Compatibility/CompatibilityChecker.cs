using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;

namespace TelemetryConventions.Conventions.Compatibility;

/// <summary>
/// Compares the conventions as they are now with the baseline of what was published and
/// classifies every difference; the breaking ones carry a TC4xxx diagnostic located in the
/// YAML (or, for something that no longer exists there, at its line in the baseline).
/// </summary>
public static class CompatibilityChecker
{
    public static IReadOnlyList<ConventionChange> Compare(ConventionBaseline baseline, ResolvedRegistry current)
    {
        var changes = new List<ConventionChange>();
        CompareAttributes(baseline, current, changes);
        CompareMetrics(baseline, current, changes);
        CompareSpans(baseline, current, changes);
        return changes;
    }

    public static EquatableArray<ConventionDiagnostic> Check(ConventionBaseline baseline, ResolvedRegistry current) =>
        baseline.Diagnostics
            .Concat(Compare(baseline, current).Where(c => c.Diagnostic is not null).Select(c => c.Diagnostic!))
            .ToEquatableArray();

    private static void CompareAttributes(ConventionBaseline baseline, ResolvedRegistry current, List<ConventionChange> changes)
    {
        var now = new Dictionary<string, AttributeDefinition>(StringComparer.Ordinal);
        foreach (var attribute in current.Attributes)
        {
            if (!now.ContainsKey(attribute.Name))
            {
                now.Add(attribute.Name, attribute);
            }
        }
        var shippedNames = new HashSet<string>(baseline.Attributes.Select(a => a.Name), StringComparer.Ordinal);
        var added = now.Values.Where(a => !shippedNames.Contains(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

        foreach (var shipped in baseline.Attributes)
        {
            if (!now.TryGetValue(shipped.Name, out var attribute))
            {
                changes.Add(shipped.Deprecated
                    ? new ConventionChange(ChangeKind.AttributeRemovedAfterDeprecation, shipped.Name, "", null)
                    : Removed(shipped, added));
                continue;
            }

            DeprecationChange(changes, ChangeKind.AttributeDeprecated, shipped.Name, shipped.Deprecated, attribute.Deprecated);

            var type = ConventionBaseline.WireType(attribute.Type);
            if (type != shipped.Type)
            {
                if (ConventionBaseline.WithoutEnum(type) == ConventionBaseline.WithoutEnum(shipped.Type))
                {
                    changes.Add(new ConventionChange(ChangeKind.AttributeEnumChanged, shipped.Name, $"{shipped.Type} -> {type}", null));
                }
                else
                {
                    changes.Add(new ConventionChange(ChangeKind.AttributeTypeChanged, shipped.Name, $"{shipped.Type} -> {type}",
                        ConventionDiagnostic.Create(ConventionRules.AttributeTypeChanged, attribute.Location, shipped.Name, shipped.Type, type)));
                    continue;
                }
            }
            if (attribute.Type.IsEnum && !shipped.Members.IsEmpty)
            {
                CompareMembers(shipped, attribute, changes);
            }
        }

        foreach (var attribute in added)
        {
            changes.Add(new ConventionChange(ChangeKind.AttributeAdded, attribute.Name, "", null));
        }
    }

    /// <summary>
    /// A published attribute that is gone. When a newly added attribute has a close name it was
    /// probably renamed: the diagnostic then sits on the new name, where the fix is written.
    /// </summary>
    private static ConventionChange Removed(ShippedAttribute shipped, List<AttributeDefinition> added)
    {
        var candidates = added.Where(a => ConventionBaseline.WithoutEnum(ConventionBaseline.WireType(a.Type)) == ConventionBaseline.WithoutEnum(shipped.Type)).ToList();
        var renamedTo = NameDistance.Closest(shipped.Name, candidates.Select(a => a.Name));
        if (renamedTo is not null)
        {
            var successor = candidates.First(a => a.Name == renamedTo);
            return new ConventionChange(ChangeKind.AttributeRemoved, shipped.Name, $"renamed to {renamedTo} without a deprecation",
                ConventionDiagnostic.Create(ConventionRules.PublishedConventionRemoved, successor.Location, "Attribute", shipped.Name,
                    $"; if '{renamedTo}' replaces it, keep '{shipped.Name}' with 'deprecated: {{ reason: renamed, renamed_to: {renamedTo} }}'"));
        }
        return new ConventionChange(ChangeKind.AttributeRemoved, shipped.Name, "",
            ConventionDiagnostic.Create(ConventionRules.PublishedConventionRemoved, shipped.Location, "Attribute", shipped.Name,
                "; keep it with a 'deprecated' entry (reason renamed or obsoleted) for at least one release"));
    }

    private static void CompareMembers(ShippedAttribute shipped, AttributeDefinition attribute, List<ConventionChange> changes)
    {
        var now = new Dictionary<string, EnumMember>(StringComparer.Ordinal);
        foreach (var member in attribute.Type.Members)
        {
            var value = ConventionBaseline.MemberValue(member);
            if (!now.ContainsKey(value))
            {
                now.Add(value, member);
            }
        }
        var shippedValues = new HashSet<string>(shipped.Members.Select(m => m.Value), StringComparer.Ordinal);
        foreach (var member in shipped.Members)
        {
            var subject = $"{shipped.Name}={member.Value}";
            if (!now.TryGetValue(member.Value, out var current))
            {
                changes.Add(member.Deprecated
                    ? new ConventionChange(ChangeKind.EnumMemberRemovedAfterDeprecation, subject, "", null)
                    : new ConventionChange(ChangeKind.EnumMemberRemoved, subject, "",
                        ConventionDiagnostic.Create(ConventionRules.EnumMemberRemoved, attribute.Location, member.Value, shipped.Name)));
                continue;
            }
            DeprecationChange(changes, ChangeKind.EnumMemberDeprecated, subject, member.Deprecated, current.Deprecated);
        }
        foreach (var value in now.Keys.Where(v => !shippedValues.Contains(v)).OrderBy(v => v, StringComparer.Ordinal))
        {
            changes.Add(new ConventionChange(ChangeKind.EnumMemberAdded, $"{shipped.Name}={value}", "", null));
        }
    }

    private static void CompareMetrics(ConventionBaseline baseline, ResolvedRegistry current, List<ConventionChange> changes)
    {
        var now = First(current.Groups.Where(g => g.Kind == GroupKind.Metric), ConventionBaseline.MetricName);
        var shippedNames = new HashSet<string>(baseline.Metrics.Select(m => m.Name), StringComparer.Ordinal);
        foreach (var shipped in baseline.Metrics)
        {
            if (!now.TryGetValue(shipped.Name, out var metric))
            {
                changes.Add(RemovedSignal("Metric", shipped.Name, shipped.Deprecated, shipped.Location, ChangeKind.MetricRemovedAfterDeprecation, ChangeKind.MetricRemoved));
                continue;
            }
            DeprecationChange(changes, ChangeKind.MetricDeprecated, shipped.Name, shipped.Deprecated, metric.Deprecated);
            var instrument = ConventionBaseline.InstrumentName(metric.Instrument);
            if (instrument != shipped.Instrument)
            {
                changes.Add(new ConventionChange(ChangeKind.MetricInstrumentChanged, shipped.Name, $"{shipped.Instrument} -> {instrument}",
                    ConventionDiagnostic.Create(ConventionRules.MetricInstrumentChanged, metric.Location, shipped.Name, shipped.Instrument, instrument)));
            }
            var unit = metric.Unit ?? "";
            if (unit != shipped.Unit)
            {
                changes.Add(new ConventionChange(ChangeKind.MetricUnitChanged, shipped.Name, $"{Show(shipped.Unit)} -> {Show(unit)}",
                    ConventionDiagnostic.Create(ConventionRules.MetricUnitChanged, metric.Location, shipped.Name, Show(shipped.Unit), Show(unit))));
            }
        }
        foreach (var name in now.Keys.Where(n => !shippedNames.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
        {
            changes.Add(new ConventionChange(ChangeKind.MetricAdded, name, "", null));
        }
    }

    private static void CompareSpans(ConventionBaseline baseline, ResolvedRegistry current, List<ConventionChange> changes)
    {
        var now = First(current.Groups.Where(g => g.Kind == GroupKind.Span), g => g.Id);
        var shippedIds = new HashSet<string>(baseline.Spans.Select(s => s.Id), StringComparer.Ordinal);
        foreach (var shipped in baseline.Spans)
        {
            if (!now.TryGetValue(shipped.Id, out var span))
            {
                changes.Add(RemovedSignal("Span", shipped.Id, shipped.Deprecated, shipped.Location, ChangeKind.SpanRemovedAfterDeprecation, ChangeKind.SpanRemoved));
                continue;
            }
            DeprecationChange(changes, ChangeKind.SpanDeprecated, shipped.Id, shipped.Deprecated, span.Deprecated);
            var kind = ConventionBaseline.SpanKindName(span.SpanKind);
            if (kind != shipped.Kind)
            {
                changes.Add(new ConventionChange(ChangeKind.SpanKindChanged, shipped.Id, $"{shipped.Kind} -> {kind}",
                    ConventionDiagnostic.Create(ConventionRules.SpanKindChanged, span.Location, shipped.Id, shipped.Kind, kind)));
            }

            var wasRequired = new HashSet<string>(shipped.Required.Select(r => r.Attribute), StringComparer.Ordinal);
            var required = span.Attributes.Where(a => a.RequirementLevel.Kind == RequirementKind.Required)
                .GroupBy(a => a.Name, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            foreach (var attribute in required.Where(a => !wasRequired.Contains(a.Name)))
            {
                changes.Add(new ConventionChange(ChangeKind.RequiredAttributeAdded, $"{shipped.Id}/{attribute.Name}", "",
                    ConventionDiagnostic.Create(ConventionRules.RequiredAttributeAdded, attribute.Location, attribute.Name, shipped.Id)));
            }
            var isRequired = new HashSet<string>(required.Select(a => a.Name), StringComparer.Ordinal);
            foreach (var attribute in shipped.Required.Where(r => !isRequired.Contains(r.Attribute)))
            {
                changes.Add(new ConventionChange(ChangeKind.RequirementRelaxed, $"{shipped.Id}/{attribute.Attribute}", "", null));
            }
        }
        foreach (var id in now.Keys.Where(id => !shippedIds.Contains(id)).OrderBy(id => id, StringComparer.Ordinal))
        {
            changes.Add(new ConventionChange(ChangeKind.SpanAdded, id, "", null));
        }
    }

    /// <summary>A published metric or span that is gone: accepted when it was published as deprecated.</summary>
    private static ConventionChange RemovedSignal(string what, string name, bool wasDeprecated, SourceSpan baselineLine, ChangeKind afterDeprecation, ChangeKind removed) =>
        wasDeprecated
            ? new ConventionChange(afterDeprecation, name, "", null)
            : new ConventionChange(removed, name, "",
                ConventionDiagnostic.Create(ConventionRules.PublishedConventionRemoved, baselineLine, what, name, "; keep it with a 'deprecated' entry for at least one release"));

    private static void DeprecationChange(List<ConventionChange> changes, ChangeKind deprecatedKind, string subject, bool wasDeprecated, Deprecation? now)
    {
        if (!wasDeprecated && now is not null)
        {
            changes.Add(new ConventionChange(deprecatedKind, subject, now.RenamedTo is { } renamedTo ? $"renamed to {renamedTo}" : now.Reason.ToString().ToLowerInvariant(), null));
        }
        else if (wasDeprecated && now is null)
        {
            changes.Add(new ConventionChange(ChangeKind.DeprecationWithdrawn, subject, "", null));
        }
    }

    private static Dictionary<string, ResolvedGroup> First(IEnumerable<ResolvedGroup> groups, Func<ResolvedGroup, string> key)
    {
        var result = new Dictionary<string, ResolvedGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!result.ContainsKey(key(group)))
            {
                result.Add(key(group), group);
            }
        }
        return result;
    }

    private static string Show(string unit) => unit.Length == 0 ? "(none)" : unit;
}
