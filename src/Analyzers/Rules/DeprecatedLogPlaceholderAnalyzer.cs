using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2007: a log message template whose placeholder names a deprecated attribute, in a
/// <c>logger.Log…("…{HttpMethod}…")</c> call, a <c>LoggerMessage.Define</c> template or a
/// <c>[LoggerMessage]</c> method. Structured logging providers turn placeholders into attributes,
/// so the old name reaches the backend as surely as through <c>SetTag</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedLogPlaceholderAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.DeprecatedLogPlaceholder,
        "Log placeholder names a deprecated attribute",
        "{0} names the deprecated attribute '{1}'{2}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Structured logging turns each placeholder of a message template into an attribute; a placeholder named after a deprecated attribute sends the old name.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => LogTemplateUses.Register(start, Check));
    }

    private static void Check(System.Action<Diagnostic> report, ConventionIndex conventions, LogTemplateUse use)
    {
        foreach (var placeholder in use.Exported)
        {
            if (LogTemplateUses.DeclaredAttribute(conventions, placeholder.Name) is not { Deprecated: { } deprecation } attribute)
            {
                continue;
            }
            var detail = deprecation.RenamedTo is { Length: > 0 } renamedTo ? $"; it was renamed to '{renamedTo}'" : "";
            // A parameter the message does not use is pointed at itself; a placeholder, at the template.
            var location = placeholder is { InTemplate: false, Value: { } value } ? value.Location : use.Location;
            report(Diagnostic.Create(Rule, location, placeholder.Describe(), attribute.Name, detail));
        }
    }
}
