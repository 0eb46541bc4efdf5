using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators;

/// <summary>The one place where convention diagnostics (plain data) become Roslyn diagnostics.</summary>
internal static class DiagnosticReporter
{
    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new();

    public static void Report(SourceProductionContext context, EquatableArray<ConventionDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(ToRoslyn(diagnostic));
        }
    }

    public static Diagnostic ToRoslyn(ConventionDiagnostic diagnostic) =>
        Diagnostic.Create(Descriptor(diagnostic), ToLocation(diagnostic.Location), diagnostic.Message);

    public static DiagnosticDescriptor Descriptor(ConventionDiagnostic diagnostic) =>
        Descriptors.GetOrAdd(diagnostic.Id, _ =>
        {
            var rule = Find(diagnostic.Id);
            return new DiagnosticDescriptor(
                diagnostic.Id,
                rule?.Title ?? diagnostic.Id,
                "{0}",
                "TelemetryConventions.Conventions",
                ToSeverity(rule?.Severity ?? diagnostic.Severity),
                isEnabledByDefault: true,
                helpLinkUri: rule?.HelpLink);
        });

    private static DiagnosticRule? Find(string id)
    {
        foreach (var rule in ConventionRules.All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }
        return null;
    }

    private static DiagnosticSeverity ToSeverity(DiagnosticSeverityLevel level) => level switch
    {
        DiagnosticSeverityLevel.Error => DiagnosticSeverity.Error,
        DiagnosticSeverityLevel.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static Location ToLocation(SourceSpan span)
    {
        if (string.IsNullOrEmpty(span.FilePath))
        {
            return Location.None;
        }
        var textSpan = new TextSpan(span.StartOffset, span.EndOffset - span.StartOffset);
        var lineSpan = new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn));
        return Location.Create(span.FilePath, textSpan, lineSpan);
    }
}
