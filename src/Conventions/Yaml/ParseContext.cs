using System;
using System.Collections.Generic;
using System.Globalization;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>
/// Reading helpers over YamlDotNet's representation model. Every helper reports a located
/// diagnostic and returns null instead of throwing, so that one bad field costs only that field.
/// </summary>
internal sealed class ParseContext
{
    private readonly List<ConventionDiagnostic> _diagnostics = new();

    public ParseContext(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyList<ConventionDiagnostic> Diagnostics => _diagnostics;

    public SourceSpan Span(YamlNode node) => Span(node.Start, node.End);

    public SourceSpan Span(Mark start, Mark end)
    {
        // YamlDotNet marks are one-based; a zero line means "no position" (an empty document).
        var startLine = (int)Math.Max(0, start.Line - 1);
        var startColumn = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(startLine, end.Line - 1);
        var endColumn = (int)(endLine == startLine ? Math.Max(startColumn, end.Column - 1) : Math.Max(0, end.Column - 1));
        var startOffset = (int)Math.Max(0, start.Index);
        var endOffset = (int)Math.Max(startOffset, end.Index);
        return new SourceSpan(Path, startLine, startColumn, endLine, endColumn, startOffset, endOffset);
    }

    public void Report(DiagnosticRule rule, SourceSpan location, params object?[] args) =>
        _diagnostics.Add(ConventionDiagnostic.Create(rule, location, args));

    public void Add(ConventionDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Report(DiagnosticRule rule, YamlNode node, params object?[] args) => Report(rule, Span(node), args);

    /// <summary>
    /// The entries of a mapping, keyed by their scalar key. Unknown keys are reported once here
    /// so that callers only look up what they understand.
    /// </summary>
    public Fields? Fields(YamlNode node, string what, ICollection<string> knownKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(ConventionRules.WrongNodeKind, node, what, "a mapping");
            return null;
        }

        var fields = new Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key } keyNode)
            {
                Report(ConventionRules.WrongNodeKind, entry.Key, "key in " + what, "a plain scalar");
                continue;
            }
            if (!knownKeys.Contains(key))
            {
                Report(ConventionRules.UnknownField, keyNode, key, what);
                continue;
            }
            fields[key] = new KeyValuePair<YamlScalarNode, YamlNode>(keyNode, entry.Value);
        }
        return new Fields(this, mapping, fields);
    }

    public string? Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }
        Report(ConventionRules.WrongNodeKind, node, field, "a scalar");
        return null;
    }

    public bool? Boolean(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (text is null)
        {
            return null;
        }
        switch (text)
        {
            case "true": case "True": case "TRUE": return true;
            case "false": case "False": case "FALSE": return false;
        }
        Report(ConventionRules.InvalidValue, node, text, field, "true, false");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string field)
    {
        if (node is YamlSequenceNode sequence)
        {
            return new List<YamlNode>(sequence.Children);
        }
        // An empty value (`attributes:` with nothing after it) is an empty list, as upstream tools read it.
        if (node is YamlScalarNode { Value: null or "" } or YamlScalarNode { Value: "~" or "null" })
        {
            return Array.Empty<YamlNode>();
        }
        Report(ConventionRules.WrongNodeKind, node, field, "a list");
        return null;
    }

    /// <summary>Maps a scalar onto one of a closed set of spellings.</summary>
    public T? Choice<T>(YamlNode node, string field, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Scalar(node, field);
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        Report(ConventionRules.InvalidValue, node, text, field, string.Join(", ", choices.Keys));
        return null;
    }

    public static bool IsPlainInteger(YamlScalarNode scalar, out long value)
    {
        value = 0;
        return scalar.Style == ScalarStyle.Plain
            && scalar.Value is { } text
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>The known fields of one mapping node.</summary>
internal sealed class Fields
{
    private readonly ParseContext _context;
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> _fields;

    public Fields(ParseContext context, YamlMappingNode node, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields)
    {
        _context = context;
        Node = node;
        _fields = fields;
    }

    public YamlMappingNode Node { get; }

    public SourceSpan Location => _context.Span(Node);

    public bool Has(string key) => _fields.ContainsKey(key);

    public YamlNode? this[string key] => _fields.TryGetValue(key, out var entry) ? entry.Value : null;

    public SourceSpan KeyLocation(string key) =>
        _fields.TryGetValue(key, out var entry) ? _context.Span(entry.Key) : Location;

    /// <summary>Location of the whole "key: value" entry, or of the mapping when absent.</summary>
    public SourceSpan EntryLocation(string key) =>
        _fields.TryGetValue(key, out var entry) ? _context.Span(entry.Key.Start, entry.Value.End) : Location;

    public string? String(string key) => this[key] is { } node ? _context.Scalar(node, key) : null;

    public bool? Boolean(string key) => this[key] is { } node ? _context.Boolean(node, key) : null;

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct => this[key] is { } node ? _context.Choice(node, key, choices) : null;

    public IReadOnlyList<YamlNode> List(string key) =>
        this[key] is { } node ? _context.Sequence(node, key) ?? Array.Empty<YamlNode>() : Array.Empty<YamlNode>();

    /// <summary>A required scalar: reports TC0005 at the mapping when missing.</summary>
    public string? Required(string key, string what)
    {
        if (this[key] is { } node)
        {
            var value = _context.Scalar(node, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                _context.Report(ConventionRules.MissingField, node, what, key);
                return null;
            }
            return value;
        }
        _context.Report(ConventionRules.MissingField, FirstLine(), what, key);
        return null;
    }

    /// <summary>
    /// The first line of the mapping: reporting a missing field over the whole block would
    /// underline dozens of lines.
    /// </summary>
    public SourceSpan FirstLine()
    {
        var span = Location;
        return span with { EndLine = span.StartLine, EndColumn = span.StartColumn + 1, EndOffset = span.StartOffset + 1 };
    }
}
