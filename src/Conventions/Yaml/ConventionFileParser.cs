using System;
using System.Collections.Generic;
using System.IO;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>
/// Reads one semantic-convention file (v1 <c>groups:</c> or v2 <c>file_format: definition/2</c>)
/// into a <see cref="ConventionFile"/>. It never throws: every problem becomes a located
/// TC0xxx diagnostic and the rest of the file is still read.
/// </summary>
public static class ConventionFileParser
{
    private const string V2Format = "definition/2";

    private static readonly HashSet<string> V1TopLevel = new(StringComparer.Ordinal) { "groups", "imports" };

    /// <summary>The sections of <c>imports</c> and the kind of signal each names.</summary>
    private static readonly Dictionary<string, GroupKind> ImportSections = new(StringComparer.Ordinal)
    {
        ["spans"] = GroupKind.Span, ["metrics"] = GroupKind.Metric, ["events"] = GroupKind.Event, ["entities"] = GroupKind.Entity,
    };

    private static readonly HashSet<string> V2TopLevel = new(StringComparer.Ordinal)
    {
        "file_format", "attributes", "attribute_groups", "spans", "span_refinements", "metrics", "metric_refinements",
        "events", "event_refinements", "entities", "entity_refinements", "imports",
    };

    /// <summary>Files that sit beside convention files in a registry but declare none.</summary>
    public static bool IsRegistryManifest(string path) =>
        string.Equals(Path.GetFileName(path), "manifest.yaml", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(path), "registry_manifest.yaml", StringComparison.OrdinalIgnoreCase);

    public static ConventionFile Parse(string path, string text)
    {
        var context = new ParseContext(path);
        var definitions = new List<AttributeDefinition>();
        var groups = new List<GroupDefinition>();
        var imports = new List<SignalImport>();
        try
        {
            ParseInto(context, text, definitions, groups, imports);
        }
        catch (YamlException exception)
        {
            context.Report(ConventionRules.YamlSyntax, context.Span(exception.Start, exception.End), Describe(exception));
            SalvageBefore(context, text, (int)exception.Start.Line - 1, definitions, groups);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The YAML library can fail in ways it does not document (deep nesting, odd encodings);
            // a build must get a diagnostic, never a crashed generator.
            context.Report(ConventionRules.YamlSyntax, SourceSpan.FileStart(path), "The file could not be read: " + exception.Message);
        }
        return new ConventionFile(path, definitions.ToEquatableArray(), groups.ToEquatableArray(), context.Diagnostics.ToEquatableArray(), imports.ToEquatableArray());
    }

    /// <summary>
    /// A syntax error stops the YAML library for the whole file; the complete list items before the
    /// error are still worth generating. Cut the text at the nearest item start above the error
    /// (a few tries) and read that prefix; its lines and offsets are the file's own.
    /// </summary>
    private static void SalvageBefore(ParseContext context, string text, int errorLine, List<AttributeDefinition> definitions, List<GroupDefinition> groups)
    {
        const int MaxAttempts = 4;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        var attempts = 0;
        for (var line = Math.Min(errorLine, lineStarts.Count - 1); line > 0 && attempts < MaxAttempts; line--)
        {
            if (!StartsTopLevelItem(text, lineStarts[line]))
            {
                continue;
            }
            attempts++;
            var salvage = new ParseContext(context.Path);
            var salvagedDefinitions = new List<AttributeDefinition>();
            var salvagedGroups = new List<GroupDefinition>();
            try
            {
                ParseInto(salvage, text.Substring(0, lineStarts[line]), salvagedDefinitions, salvagedGroups, new List<SignalImport>());
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A prefix the YAML library cannot read either: try the item above.
                continue;
            }
            definitions.AddRange(salvagedDefinitions);
            groups.AddRange(salvagedGroups);
            foreach (var diagnostic in salvage.Diagnostics)
            {
                context.Add(diagnostic);
            }
            return;
        }
    }

    /// <summary>A line such as <c>  - id: …</c>: an item of a top-level list (indented at most four spaces).</summary>
    private static bool StartsTopLevelItem(string text, int lineStart)
    {
        var column = lineStart;
        while (column < text.Length && text[column] == ' ' && column - lineStart <= 4)
        {
            column++;
        }
        return column - lineStart <= 4 && column + 1 < text.Length && text[column] == '-' && text[column + 1] == ' ';
    }

    private static void ParseInto(ParseContext context, string text, List<AttributeDefinition> definitions, List<GroupDefinition> groups, List<SignalImport> imports)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            // An empty file declares nothing; that is not an error.
            return;
        }
        if (stream.Documents.Count > 1)
        {
            context.Report(ConventionRules.InvalidFileStructure, stream.Documents[1].RootNode, "A convention file holds one YAML document; the following documents are ignored");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMapping)
        {
            context.Report(ConventionRules.InvalidFileStructure, root, "A convention file is a mapping with 'groups:' (v1) or 'file_format: definition/2' (v2)");
            return;
        }

        var attributes = new AttributeParser(context);
        var groupParser = new GroupParser(context, attributes, definitions);
        var isV2 = rootMapping.Children.TryGetValue(new YamlScalarNode("file_format"), out var formatNode);
        if (isV2)
        {
            var format = context.Scalar(formatNode!, "file_format");
            if (format != V2Format)
            {
                context.Report(ConventionRules.InvalidValue, formatNode!, format, "file_format", V2Format);
                return;
            }
        }

        var fields = context.Fields(root, isV2 ? "a definition/2 file" : "a convention file (v1; add 'file_format: definition/2' for v2)", isV2 ? V2TopLevel : V1TopLevel)!;
        if (!isV2)
        {
            if (!fields.Has("groups"))
            {
                context.Report(ConventionRules.InvalidFileStructure, fields.FirstLine(), "A v1 convention file needs 'groups:' (or 'file_format: definition/2' for the v2 format)");
            }
            Collect(fields.List("groups"), groupParser.ParseV1, groups);
            ParseImports(context, fields["imports"], imports);
            return;
        }

        foreach (var node in fields.List("attributes"))
        {
            if (attributes.ParseRegistryAttribute(node) is { } definition)
            {
                definitions.Add(definition);
            }
        }
        Collect(fields.List("attribute_groups"), groupParser.ParseAttributeGroup, groups);
        Collect(fields.List("spans"), groupParser.ParseSpan, groups);
        Collect(fields.List("metrics"), groupParser.ParseMetric, groups);
        Collect(fields.List("events"), groupParser.ParseEvent, groups);
        Collect(fields.List("entities"), groupParser.ParseEntity, groups);
        Collect(fields.List("span_refinements"), n => groupParser.ParseRefinement(n, GroupKind.Span, "span_refinements"), groups);
        Collect(fields.List("metric_refinements"), n => groupParser.ParseRefinement(n, GroupKind.Metric, "metric_refinements"), groups);
        Collect(fields.List("event_refinements"), n => groupParser.ParseRefinement(n, GroupKind.Event, "event_refinements"), groups);
        Collect(fields.List("entity_refinements"), n => groupParser.ParseRefinement(n, GroupKind.Entity, "entity_refinements"), groups);
        ParseImports(context, fields["imports"], imports);
    }

    /// <summary>
    /// <c>imports</c> names the signals of a registry the project did not write that it uses
    /// (<c>metrics: [http.server.request.duration, db.client.*]</c>); they are generated although
    /// the rest of that registry is only referenced.
    /// </summary>
    private static void ParseImports(ParseContext context, YamlNode? node, List<SignalImport> imports)
    {
        if (node is null || context.Fields(node, "imports", ImportSections.Keys) is not { } sections)
        {
            return;
        }
        foreach (var section in ImportSections)
        {
            foreach (var entry in sections.List(section.Key))
            {
                if (context.Scalar(entry, "imports." + section.Key) is { Length: > 0 } pattern)
                {
                    imports.Add(new SignalImport(section.Value, pattern.Trim(), context.Span(entry)));
                }
            }
        }
    }

    private static void Collect(IReadOnlyList<YamlNode> nodes, Func<YamlNode, GroupDefinition?> parse, List<GroupDefinition> groups)
    {
        foreach (var node in nodes)
        {
            if (parse(node) is { } group)
            {
                groups.Add(group);
            }
        }
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the location
        // is already carried by the diagnostic, so keep only the explanation.
        var message = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }
}
