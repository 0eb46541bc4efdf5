using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2002: a declared attribute written as a string literal where the generator made a constant for
/// it. The literal compiles whatever it says; the constant is checked by the compiler, renamed with
/// the conventions, marked obsolete when the attribute is deprecated, and documented in IntelliSense.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawAttributeNameAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.RawAttributeName,
        "Use the generated constant for a declared attribute",
        "Attribute '{0}' is written as a literal; use the generated constant {1}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Info,
        "Declared attributes have generated constants; using them keeps names checked by the compiler and in step with the conventions.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool ShouldAnalyze(TelemetryCompilation compilation) => compilation.HasConventionFiles;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (!site.IsAttribute || site.Key is null || site.KeyName is not { } key || OperationTree.Unwrap(site.Key) is not ILiteralOperation)
        {
            return;
        }
        if (compilation.Conventions.Find(key) is not { } declared || declared.Name != key || declared.Deprecated is not null)
        {
            // Undeclared keys are TC2001's, deprecated ones TC2005's.
            return;
        }
        if (!compilation.Constants.TryGetValue(key, out var constant)
            || !compilation.Compilation.IsSymbolAccessibleWithin(constant, context.ContainingSymbol.ContainingType ?? (ISymbol)context.ContainingSymbol.ContainingAssembly))
        {
            return;
        }
        var properties = ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.AttributeName, key);
        context.ReportDiagnostic(Diagnostic.Create(Rule, site.Key.Syntax.GetLocation(), properties, key, constant.ContainingType.Name + "." + constant.Name));
    }
}
