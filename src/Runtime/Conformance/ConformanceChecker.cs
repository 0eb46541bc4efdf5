using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace TelemetryConventions.Conformance;

/// <summary>The ways telemetry can depart from its conventions.</summary>
public enum ViolationKind
{
    /// <summary>A span that no convention declares.</summary>
    UndeclaredSpan,
    /// <summary>An event that no convention declares.</summary>
    UndeclaredEvent,
    /// <summary>A metric that no convention declares.</summary>
    UndeclaredMetric,
    /// <summary>An attribute the signal does not declare.</summary>
    UndeclaredAttribute,
    /// <summary>A value of another type than declared.</summary>
    WrongValueType,
    /// <summary>A required attribute that is missing.</summary>
    MissingRequiredAttribute,
    /// <summary>A value of a pseudonymised attribute that is not a keyed pseudonym.</summary>
    NotPseudonymized,
    /// <summary>An attribute that must never be emitted.</summary>
    RedactedAttributeEmitted,
    /// <summary>A span of another kind than declared.</summary>
    WrongSpanKind,
    /// <summary>A metric with another unit than declared.</summary>
    WrongUnit,
}

/// <summary>One way in which emitted telemetry departs from the conventions.</summary>
public sealed record ConformanceViolation(ViolationKind Kind, string Signal, string? Attribute, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}

/// <summary>
/// A metric measurement as captured in a test (for example by <see cref="MetricSampleRecorder"/>
/// or from an exporter's metric points).
/// </summary>
public sealed record MetricSample(string InstrumentName, string? Unit, IReadOnlyList<KeyValuePair<string, object?>> Tags);

/// <summary>
/// A log record as captured in a test, for example from the OpenTelemetry in-memory log exporter:
/// <c>records.Select(r =&gt; new LogRecordSample(r.EventId.Name, r.Attributes))</c>. The runtime
/// library does not reference the SDK, so it takes the two things it checks.
/// </summary>
/// <param name="EventName">The event name (the <c>EventId</c>'s name); null for a plain log line.</param>
/// <param name="Attributes">The record's attributes; the <c>{OriginalFormat}</c> body entry is not an attribute.</param>
public sealed record LogRecordSample(string? EventName, IReadOnlyList<KeyValuePair<string, object?>>? Attributes);

/// <summary>
/// An in-process "live check": compares captured spans, events and metric measurements with the
/// compiled conventions. Meant for tests: hand it what the in-memory exporter collected.
/// </summary>
/// <remarks>
/// A span is matched to its convention by name (the convention's default name); a span started
/// under another name is matched to the declared span of the same kind whose attributes explain
/// the most of its tags. The standard <c>exception</c> event and the tags it implies are always
/// allowed, as are <c>otel.*</c> tags that SDKs add.
/// </remarks>
public sealed class ConformanceChecker
{
    private readonly ConventionCatalog _catalog;
    private readonly Dictionary<string, CatalogSignal> _spansByName;

    /// <summary>A checker for the given conventions, typically <c>TelemetryCatalog.Conventions</c>.</summary>
    public ConformanceChecker(ConventionCatalog catalog)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _spansByName = catalog.Spans.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Checks spans and their events; an empty list means they conform.</summary>
    public IReadOnlyList<ConformanceViolation> CheckActivities(IEnumerable<Activity> activities)
    {
        var violations = new List<ConformanceViolation>();
        foreach (var activity in activities)
        {
            CheckActivity(activity, violations);
        }
        return violations;
    }

    /// <summary>Checks metric measurements; an empty list means they conform.</summary>
    public IReadOnlyList<ConformanceViolation> CheckMetrics(IEnumerable<MetricSample> samples)
    {
        var violations = new List<ConformanceViolation>();
        foreach (var sample in samples)
        {
            if (!_catalog.Metrics.TryGetValue(sample.InstrumentName, out var metric))
            {
                violations.Add(new(ViolationKind.UndeclaredMetric, sample.InstrumentName, null, $"Metric '{sample.InstrumentName}' is not declared in the conventions."));
                continue;
            }
            if (!string.Equals(metric.Unit ?? "", sample.Unit ?? "", StringComparison.Ordinal))
            {
                violations.Add(new(ViolationKind.WrongUnit, metric.Name, null, $"Metric '{metric.Name}' has unit '{sample.Unit}', declared '{metric.Unit}'."));
            }
            CheckTags(metric, sample.Tags, violations);
        }
        return violations;
    }

    /// <summary>
    /// Checks log records that carry an event name against the declared events: undeclared events
    /// and attributes, wrong types, missing required attributes, values that are not pseudonyms
    /// and redacted attributes. Records without an event name are plain log lines and are skipped.
    /// </summary>
    public IReadOnlyList<ConformanceViolation> CheckLogRecords(IEnumerable<LogRecordSample> records)
    {
        var violations = new List<ConformanceViolation>();
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            if (string.IsNullOrEmpty(record.EventName))
            {
                continue;
            }
            if (!_catalog.Events.TryGetValue(record.EventName!, out var declared))
            {
                violations.Add(new(ViolationKind.UndeclaredEvent, record.EventName!, null, $"Log event '{record.EventName}' is not declared in the conventions."));
                continue;
            }
            var attributes = (record.Attributes ?? Array.Empty<KeyValuePair<string, object?>>())
                .Where(a => a.Key != LogBodyKey)
                .ToList();
            CheckTags(declared, attributes, violations);
        }
        return violations;
    }

    /// <summary>The entry under which <c>ILogger</c> state carries the message template, which OpenTelemetry makes the body.</summary>
    private const string LogBodyKey = "{OriginalFormat}";

    private void CheckActivity(Activity activity, List<ConformanceViolation> violations)
    {
        var tags = activity.TagObjects.Where(t => !t.Key.StartsWith("otel.", StringComparison.Ordinal)).ToList();
        var span = FindSpan(activity, tags);
        if (span is null)
        {
            violations.Add(new(ViolationKind.UndeclaredSpan, activity.DisplayName, null, $"Span '{activity.DisplayName}' ({activity.Kind}) is not declared in the conventions."));
            return;
        }
        if (span.Detail is { } kind && !string.Equals(kind, activity.Kind.ToString(), StringComparison.Ordinal))
        {
            violations.Add(new(ViolationKind.WrongSpanKind, span.Name, null, $"Span '{span.Name}' has kind {activity.Kind}, declared {kind}."));
        }
        var failed = activity.Status == ActivityStatusCode.Error;
        CheckTags(span, failed ? tags.Where(t => t.Key != "error.type").ToList() : tags, violations);

        foreach (var activityEvent in activity.Events)
        {
            if (activityEvent.Name == "exception")
            {
                continue;
            }
            if (!_catalog.Events.TryGetValue(activityEvent.Name, out var declared))
            {
                violations.Add(new(ViolationKind.UndeclaredEvent, activityEvent.Name, null, $"Event '{activityEvent.Name}' on span '{span.Name}' is not declared in the conventions."));
                continue;
            }
            CheckTags(declared, activityEvent.Tags.ToList(), violations);
        }
    }

    private CatalogSignal? FindSpan(Activity activity, List<KeyValuePair<string, object?>> tags)
    {
        if (_spansByName.TryGetValue(activity.DisplayName, out var byName) || _spansByName.TryGetValue(activity.OperationName, out byName))
        {
            return byName;
        }
        return _catalog.Spans
            .Where(s => s.Detail is null || s.Detail == activity.Kind.ToString())
            .Select(s => (Span: s, Explained: tags.Count(t => s.Find(t.Key) is not null)))
            .Where(c => c.Explained == tags.Count && c.Explained > 0)
            .OrderByDescending(c => c.Span.Attributes.Count(a => a.Requirement == AttributeRequirement.Required && tags.Any(t => t.Key == a.Name)))
            .Select(c => c.Span)
            .FirstOrDefault();
    }

    private static void CheckTags(CatalogSignal signal, IReadOnlyList<KeyValuePair<string, object?>> tags, List<ConformanceViolation> violations)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var attribute = signal.Find(tag.Key);
            if (attribute is null)
            {
                violations.Add(new(ViolationKind.UndeclaredAttribute, signal.Name, tag.Key, $"{signal} has attribute '{tag.Key}', which it does not declare."));
                continue;
            }
            present.Add(attribute.Name);
            if (attribute.Treatment == AttributeTreatment.Redact)
            {
                violations.Add(new(ViolationKind.RedactedAttributeEmitted, signal.Name, tag.Key, $"{signal} emits '{tag.Key}', which must never be emitted."));
                continue;
            }
            if (!HasType(tag.Value, attribute.Type))
            {
                violations.Add(new(ViolationKind.WrongValueType, signal.Name, tag.Key,
                    $"{signal} has '{tag.Key}' of type {tag.Value?.GetType().Name ?? "null"}, declared {attribute.Type}."));
                continue;
            }
            if (attribute.Treatment == AttributeTreatment.Pseudonymize && !(tag.Value is string text && PseudonymFormat.IsPseudonym(text)))
            {
                // The value itself is left out of the message: it may be the raw identifier.
                violations.Add(new(ViolationKind.NotPseudonymized, signal.Name, tag.Key, $"{signal} has '{tag.Key}' whose value is not a keyed pseudonym."));
            }
        }
        foreach (var required in signal.Attributes.Where(a => a.Requirement == AttributeRequirement.Required && a.Treatment != AttributeTreatment.Redact && !a.IsTemplate))
        {
            if (!present.Contains(required.Name))
            {
                violations.Add(new(ViolationKind.MissingRequiredAttribute, signal.Name, required.Name, $"{signal} lacks required attribute '{required.Name}'."));
            }
        }
    }

    private static bool HasType(object? value, AttributeValueType type) => type switch
    {
        AttributeValueType.String => value is string,
        AttributeValueType.Long => value is long or int or short or sbyte or byte or ushort or uint,
        AttributeValueType.Double => value is double or float,
        AttributeValueType.Boolean => value is bool,
        AttributeValueType.StringArray => value is string[],
        AttributeValueType.LongArray => value is long[] or int[],
        AttributeValueType.DoubleArray => value is double[] or float[],
        AttributeValueType.BooleanArray => value is bool[],
        _ => value is not null && (value is string || value.GetType().IsPrimitive || value is IEnumerable),
    };
}
