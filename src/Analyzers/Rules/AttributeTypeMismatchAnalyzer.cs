using System.Collections.Immutable;
using System.Linq;
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
        var problem = Check(type, value, compilation.Known);
        if (problem is not null)
        {
            var properties = type.IsEnum && type.Primitive == PrimitiveType.String && Underlying(value.Type).TypeKind == TypeKind.Enum
                ? ImmutableDictionary<string, string?>.Empty.Add(WireValueProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rule, site.Value.Syntax.GetLocation(), properties, key, Declared(type), problem));
        }
    }

    /// <summary>What is wrong with the value, or null when it fits (or its type says too little to tell).</summary>
    private static string? Check(AttributeType declared, IOperation value, KnownSymbols known)
    {
        var valueType = Underlying(value.Type!);
        if (valueType.SpecialType == SpecialType.System_Object || valueType.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error)
        {
            return null;
        }
        if (declared.IsArray)
        {
            if (valueType is IArrayTypeSymbol array)
            {
                return Fits(declared.Primitive, Underlying(array.ElementType), known) ? null : "an array of " + array.ElementType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            }
            // Lists and other sequences are exported element by element; their element type is
            // not worth guessing here.
            return valueType.SpecialType == SpecialType.System_String || valueType.IsValueType ? Show(valueType) : null;
        }
        if (valueType is IArrayTypeSymbol)
        {
            return Show(valueType);
        }
        if (declared.IsEnum && valueType.TypeKind == TypeKind.Enum && declared.Primitive == PrimitiveType.String)
        {
            return $"the C# enum {valueType.Name}, sent as its member name; use ToWireValue()";
        }
        if (!Fits(declared.Primitive, valueType, known))
        {
            return Show(valueType);
        }
        if (declared.IsEnum && value.ConstantValue is { HasValue: true, Value: var constant } && constant is not null)
        {
            var known_ = declared.Members.Any(m => m.StringValue is { } s ? Equals(s, constant) : m.IntValue is { } i && System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == i);
            if (!known_)
            {
                return $"'{constant}', which is not one of its members ({string.Join(", ", declared.Members.Select(m => m.StringValue ?? m.IntValue?.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            }
        }
        return null;
    }

    private static bool Fits(PrimitiveType primitive, ITypeSymbol type, KnownSymbols known) => primitive switch
    {
        PrimitiveType.String => type.SpecialType is SpecialType.System_String or SpecialType.System_Char
            || known.IsPseudonym(type)
            || (type.Name == "Guid" && type.ContainingNamespace?.Name == "System"),
        PrimitiveType.Int => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64,
        PrimitiveType.Double => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single,
        PrimitiveType.Boolean => type.SpecialType == SpecialType.System_Boolean,
        _ => true,
    };

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static string Show(ITypeSymbol type)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        return ("aeiouAEIOU".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
    }

    private static string Declared(AttributeType type)
    {
        if (type.IsEnum)
        {
            return $"an enum of {(type.Primitive == PrimitiveType.Int ? "int" : "string")} values";
        }
        return "'" + type.ToYamlName() + "'";
    }
}
