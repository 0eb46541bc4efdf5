using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2008: a log message template placeholder that names a declared attribute (<c>{PatientAge}</c>,
/// <c>{patient.age}</c>) but is filled with a value of another type, in a <c>logger.Log…</c> call,
/// a <c>LoggerMessage.Define</c> template or a <c>[LoggerMessage]</c> method. The logging providers
/// export each placeholder as an attribute with the value's own type, so the record's attribute
/// lands beside the span's in another column.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogPlaceholderTypeMismatchAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.LogPlaceholderTypeMismatch,
        "Log placeholder value type differs from the declared attribute type",
        "{0} names the attribute '{1}', declared {2}, but its value is {3}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Structured logging exports each placeholder as an attribute with the value's own type; a placeholder named after a declared attribute should carry the declared type.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.Create(start.Compilation);
            LogTemplateUses.Register(start, (report, conventions, use) => Check(report, conventions, known, use));
        });
    }

    private static void Check(System.Action<Diagnostic> report, ConventionIndex conventions, KnownSymbols known, LogTemplateUse use)
    {
        foreach (var placeholder in use.Exported)
        {
            // {@Order} asks for the value's members: what is exported is not the value as one
            // attribute of its type, and judging members is the privacy rules' business.
            if (placeholder.Destructured || placeholder.Value is not { } value
                || value.Constant is { HasValue: true, Value: null }
                || LogTemplateUses.DeclaredAttribute(conventions, placeholder.Name) is not { } attribute
                || (attribute.Type.Primitive == PrimitiveType.Any && !attribute.Type.IsEnum))
            {
                continue;
            }
            if (AttributeTypeFit.Problem(attribute.Type, value.Type, value.Constant, known) is { } problem)
            {
                report(Diagnostic.Create(Rule, value.Location, placeholder.Describe(), attribute.Name, AttributeTypeFit.Declared(attribute.Type), problem));
            }
        }
    }
}
