using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2004: a value whose C# type is not the type the conventions declare (<c>"230"</c> for a double,
/// an int for a string enum, a C# enum where the wire value is expected). Backends store each type
/// apart: queries, aggregations and alerts silently miss the values of the wrong type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeTypeMismatchAnalyzer : TelemetryAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.AttributeTypeMismatch,
        "Attribute value type differs from the declared type",
        "Attribute '{0}' is declared {1}, but this value is {2}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Send each attribute with the type its convention declares, so that every service's values land in the same column.");

    /// <summary>Set when the value is a C# enum where the declared enum's wire value is expected.</summary>
    public const string WireValueProperty = "WireValue";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override bool ShouldAnalyze(TelemetryCompilation compilation) => compilation.HasConventionFiles;

    private protected override void AnalyzeSite(OperationAnalysisContext context, TelemetryCompilation compilation, TelemetrySite site)
    {
        if (!site.IsAttribute || site.KeyName is not { } key || compilation.Conventions.Find(key) is not { } declared)
        {
            return;
        }
        var type = declared.Type;
        if (type.Primitive == PrimitiveType.Any && !type.IsEnum)
        {
            return;
        }
        var value = OperationTree.Unwrap(site.Value);
        if (value.ConstantValue is { HasValue: true, Value: null } || value.Type is null)
        {
            return;
        }
        var problem = AttributeTypeFit.Problem(type, value.Type, value.ConstantValue, compilation.Known);
        if (problem is not null)
        {
            var properties = AttributeTypeFit.IsCSharpEnumForStringEnum(type, value.Type)
                ? ImmutableDictionary<string, string?>.Empty.Add(WireValueProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rule, site.Value.Syntax.GetLocation(), properties, key, AttributeTypeFit.Declared(type), problem));
        }
    }
}
