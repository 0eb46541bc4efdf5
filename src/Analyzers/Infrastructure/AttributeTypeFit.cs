using System.Linq;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Whether a C# value type fits an attribute's declared type, as the OpenTelemetry exporters write
/// it: whole numbers as int, floating point as double, booleans, strings, arrays of these, and
/// anything else by its text. Shared by the rules on attribute values (TC2004) and on log
/// placeholders (TC2008), so a value judged on a span is judged the same in a log record.
/// </summary>
internal static class AttributeTypeFit
{
    /// <summary>
    /// What is wrong with a value of <paramref name="valueType"/> (and <paramref name="constant"/>,
    /// when known) under an attribute of type <paramref name="declared"/>, or null when it fits or
    /// its type says too little to tell (object, a type parameter, dynamic).
    /// </summary>
    public static string? Problem(AttributeType declared, ITypeSymbol valueType, Optional<object?> constant, KnownSymbols known)
    {
        valueType = Underlying(valueType);
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
        if (IsCSharpEnumForStringEnum(declared, valueType))
        {
            return $"the C# enum {valueType.Name}, sent as its member name; use ToWireValue()";
        }
        if (!Fits(declared.Primitive, valueType, known))
        {
            return Show(valueType);
        }
        if (declared.IsEnum && constant is { HasValue: true, Value: { } value })
        {
            var isMember = declared.Members.Any(m => m.StringValue is { } s ? Equals(s, value) : m.IntValue is { } i && IsWholeNumber(value) && System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == i);
            if (!isMember)
            {
                return $"'{value}', which is not one of its members ({string.Join(", ", declared.Members.Select(m => m.StringValue ?? m.IntValue?.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            }
        }
        return null;
    }

    /// <summary>A C# enum where a declared string enum is expected: the member name goes out, not the wire value.</summary>
    public static bool IsCSharpEnumForStringEnum(AttributeType declared, ITypeSymbol valueType) =>
        declared.IsEnum && declared.Primitive == PrimitiveType.String && Underlying(valueType).TypeKind == TypeKind.Enum;

    /// <summary>How messages spell a declared type: <c>'double'</c>, <c>an enum of string values</c>.</summary>
    public static string Declared(AttributeType type)
    {
        if (type.IsEnum)
        {
            return $"an enum of {(type.Primitive == PrimitiveType.Int ? "int" : "string")} values";
        }
        return "'" + type.ToYamlName() + "'";
    }

    private static bool Fits(PrimitiveType primitive, ITypeSymbol type, KnownSymbols known) => primitive switch
    {
        PrimitiveType.String => type.SpecialType is SpecialType.System_String or SpecialType.System_Char
            || known.IsPseudonym(type)
            || (type.Name == "Guid" && type.ContainingNamespace?.Name == "System")
            || IsWireValueStruct(type),
        PrimitiveType.Int => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64,
        PrimitiveType.Double => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single,
        PrimitiveType.Boolean => type.SpecialType == SpecialType.System_Boolean,
        _ => true,
    };

    /// <summary>
    /// The value type the generator writes for an open string enum (<c>…Value</c>): a struct with a
    /// string <c>WireValue</c> that it also prints as, so it goes out as the wire value.
    /// </summary>
    private static bool IsWireValueStruct(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Struct
        && type.GetMembers("WireValue").OfType<IPropertySymbol>().Any(p => p.Type.SpecialType == SpecialType.System_String)
        && type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == 0);

    private static bool IsWholeNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;

    /// <summary>The T of a <c>Nullable&lt;T&gt;</c>, else the type itself.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static string Show(ITypeSymbol type)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        return ("aeiouAEIOU".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
    }
}
