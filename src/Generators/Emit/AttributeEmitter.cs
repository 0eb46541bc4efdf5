using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes the attribute constants of one root namespace, and an enum plus its wire-value mapping
/// for every enum attribute in it.
/// </summary>
internal static class AttributeEmitter
{
    public static string Emit(AttributeNamespaceSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);

        var access = spec.Options.Accessibility;
        writer.Doc("summary", $"Attribute names of the <c>{spec.RootName}</c> namespace.");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{access} static partial class {spec.ClassName}");
        var first = true;
        foreach (var attribute in spec.Attributes)
        {
            if (!first)
            {
                writer.Line();
            }
            first = false;
            writer.Doc("summary", attribute.Brief is { } brief ? DocText.Markdown(brief) : $"The <c>{attribute.Name}</c> attribute.");
            writer.Doc("remarks", DocText.Remarks(TypeNote(attribute), attribute.Note, attribute.Stability, attribute.Examples, attribute.Privacy));
            WriteObsolete(writer, attribute.Deprecated);
            writer.Line($"public const string {attribute.ConstantName} = {CSharpNames.Literal(attribute.Name)};");
        }
        writer.Close();

        foreach (var attribute in spec.Attributes.Where(a => a.EnumTypeName is not null))
        {
            writer.Line();
            WriteEnum(writer, attribute, access);
        }

        if (spec.Attributes.Any(a => a.PseudonymHelper is not null))
        {
            writer.Line();
            WritePseudonymHelpers(writer, spec, access);
        }
        return writer.ToString();
    }

    /// <summary>
    /// One way to pseudonymise each identifier attribute, with the domain the conventions give it, so no call
    /// site types a domain string and every path (wrapper, log, hand-written tag) yields the same pseudonym.
    /// </summary>
    private static void WritePseudonymHelpers(SourceWriter writer, AttributeNamespaceSpec spec, string access)
    {
        const string Pseudonymizer = "global::TelemetryConventions.Pseudonymizer";
        const string Pseudonym = "global::TelemetryConventions.Pseudonym";
        writer.Doc("summary", "Pseudonymises raw identifiers in the domain the conventions declare for each attribute.");
        writer.Open($"{access} static partial class {GenerationPlanner.PseudonymsClass}");
        var first = true;
        foreach (var attribute in spec.Attributes)
        {
            if (attribute.PseudonymHelper is not { } helper)
            {
                continue;
            }
            if (!first)
            {
                writer.Line();
            }
            first = false;
            // The name as a literal: the constant of a deprecated attribute is obsolete.
            var constant = CSharpNames.Literal(attribute.Name);
            var domain = $"{helper.Suffix}Domain";
            var marker = $"[global::TelemetryConventions.IdentifierSpace({constant}, {domain})]";
            writer.Doc("summary", $"The pseudonymisation domain of <c>{attribute.Name}</c>: every pseudonym of it is computed in this identifier space.");
            writer.Line($"public const string {domain} = {CSharpNames.Literal(helper.Domain)};");
            foreach (var raw in new[] { "string", "long" })
            {
                writer.Line();
                writer.Doc("summary", $"A deferred pseudonym of a raw <c>{attribute.Name}</c> in domain <c>{SourceWriter.EscapeXml(helper.Domain)}</c>: the HMAC runs only when it is recorded.");
                writer.Line(marker);
                WriteObsolete(writer, attribute.Deprecated);
                writer.Line($"public static {Pseudonym} Pseudonymize{helper.Suffix}(this {Pseudonymizer} pseudonymizer, {raw} rawValue) => pseudonymizer.Pseudonymize({domain}, rawValue);");
                writer.Line();
                writer.Doc("summary", $"The pseudonym text of a raw <c>{attribute.Name}</c> in domain <c>{SourceWriter.EscapeXml(helper.Domain)}</c>, computed now (for log values and other text).");
                writer.Line(marker);
                WriteObsolete(writer, attribute.Deprecated);
                writer.Line($"public static string Compute{helper.Suffix}(this {Pseudonymizer} pseudonymizer, {raw} rawValue) => pseudonymizer.Compute({domain}, rawValue);");
            }
        }
        writer.Close();
    }

    private static string TypeNote(AttributeSpec attribute)
    {
        var type = attribute.EnumTypeName is { } enumName
            ? $"Type: <see cref=\"{enumName}\"/> ({attribute.Type.Primitive.ToString().ToLowerInvariant()} values)."
            : $"Type: <c>{attribute.Type.ToYamlName()}</c>.";
        if (attribute.Type.IsTemplate)
        {
            type += $" A template: the full key is <c>{attribute.Name}.&lt;key&gt;</c>.";
        }
        return type;
    }

    private static void WriteEnum(SourceWriter writer, AttributeSpec attribute, string access)
    {
        var enumName = attribute.EnumTypeName!;
        var isInt = attribute.Type.Primitive == PrimitiveType.Int;
        writer.Doc("summary", $"Values of <c>{attribute.Name}</c>. {DocText.Markdown(attribute.Brief ?? "")}".TrimEnd());
        WriteObsolete(writer, attribute.Deprecated);
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{access} enum {enumName}{(isInt ? " : long" : "")}");
        var index = 0;
        foreach (var member in attribute.EnumMembers)
        {
            writer.Doc("summary", member.Brief is { } memberBrief ? DocText.Markdown(memberBrief) : $"<c>{SourceWriter.EscapeXml(member.StringValue ?? member.IntValue?.ToString(CultureInfo.InvariantCulture) ?? "")}</c>.");
            WriteObsolete(writer, member.Deprecated);
            // Int enums carry their wire value, so the mapping is a cast; string enums count from 1
            // so that default(T) is never mistaken for a member.
            var value = isInt ? member.IntValue!.Value.ToString(CultureInfo.InvariantCulture) : (++index).ToString(CultureInfo.InvariantCulture);
            writer.Line($"{member.CSharpName} = {value},");
        }
        writer.Close();

        writer.Line();
        writer.Doc("summary", $"Maps <see cref=\"{enumName}\"/> to and from the values sent on the wire.");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{access} static partial class {enumName}{GenerationPlanner.EnumValuesSuffix}");
        if (isInt)
        {
            writer.Doc("summary", "The value sent on the wire.");
            writer.Line($"public static long ToWireValue(this {enumName} value) => (long)value;");
            writer.Line();
            writer.Doc("summary", "The wire value boxed once per member, for tag APIs that take <c>object</c>.");
            writer.Open($"public static object ToBoxedWireValue(this {enumName} value) => value switch");
            foreach (var member in ParseableMembers(attribute))
            {
                writer.Line($"{enumName}.{member.CSharpName} => Boxed{member.CSharpName},");
            }
            writer.Line("_ => (long)value,");
            writer.Close(";");
            foreach (var member in ParseableMembers(attribute))
            {
                writer.Line($"private static readonly object Boxed{member.CSharpName} = {member.IntValue!.Value.ToString(CultureInfo.InvariantCulture)}L;");
            }
            writer.Line();
            writer.Doc("summary", "Reads a wire value; false when it names no member.");
            writer.Open($"public static bool TryParse(long wireValue, out {enumName} value)");
            writer.Open("switch (wireValue)");
            foreach (var member in ParseableMembers(attribute))
            {
                writer.Line($"case {member.IntValue!.Value.ToString(CultureInfo.InvariantCulture)}L: value = {enumName}.{member.CSharpName}; return true;");
            }
            writer.Line("default: value = default; return false;");
            writer.Close();
            writer.Close();
        }
        else
        {
            writer.Doc("summary", "The value sent on the wire (a literal: no allocation).");
            writer.Open($"public static string ToWireValue(this {enumName} value) => value switch");
            foreach (var member in attribute.EnumMembers)
            {
                writer.Line($"{enumName}.{member.CSharpName} => {CSharpNames.Literal(member.StringValue!)},");
            }
            writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, {CSharpNames.Literal("Not a member of " + enumName + ".")}),");
            writer.Close(";");
            writer.Line();
            writer.Doc("summary", "Reads a wire value; false when it names no member.");
            writer.Open($"public static bool TryParse(string? wireValue, out {enumName} value)");
            writer.Open("switch (wireValue)");
            foreach (var member in ParseableMembers(attribute))
            {
                writer.Line($"case {CSharpNames.Literal(member.StringValue!)}: value = {enumName}.{member.CSharpName}; return true;");
            }
            writer.Line("default: value = default; return false;");
            writer.Close();
            writer.Close();
        }
        writer.Close();

        if (attribute.OpenValueTypeName is { } openName)
        {
            writer.Line();
            WriteOpenValue(writer, attribute, enumName, openName, access);
        }
    }

    /// <summary>
    /// A value of an open string enum: one of the members (converted implicitly) or a custom
    /// value. It holds the wire string only, so passing it costs nothing.
    /// </summary>
    private static void WriteOpenValue(SourceWriter writer, AttributeSpec attribute, string enumName, string openName, string access)
    {
        writer.Doc("summary", $"A value of <c>{attribute.Name}</c>: a member of <see cref=\"{enumName}\"/> (converted implicitly) or, since the conventions allow it, a custom value from <see cref=\"Custom\"/>.");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{access} readonly struct {openName} : global::System.IEquatable<{openName}>");
        writer.Line("private readonly string? _wireValue;");
        writer.Line();
        writer.Line($"private {openName}(string wireValue) => _wireValue = wireValue;");
        writer.Line();
        writer.Doc("summary", "The value sent on the wire; null for <c>default</c>.");
        writer.Line("public string? WireValue => _wireValue;");
        writer.Line();
        writer.Doc("summary", "A value that is not one of the listed members.");
        writer.Line($"public static {openName} Custom(string wireValue) => new(wireValue ?? throw new global::System.ArgumentNullException(nameof(wireValue)));");
        writer.Line();
        writer.Doc("summary", "A listed member.");
        writer.Line($"public static implicit operator {openName}({enumName} member) => new(member.ToWireValue());");
        writer.Line();
        writer.Doc("summary", "Compares wire values.");
        writer.Line($"public bool Equals({openName} other) => string.Equals(_wireValue, other._wireValue, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Doc("summary", "Compares wire values.");
        writer.Line($"public override bool Equals(object? obj) => obj is {openName} other && Equals(other);");
        writer.Line();
        writer.Doc("summary", "The hash of the wire value.");
        writer.Line("public override int GetHashCode() => _wireValue is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_wireValue);");
        writer.Line();
        writer.Doc("summary", "The wire value.");
        writer.Line("public override string ToString() => _wireValue ?? string.Empty;");
        writer.Line();
        writer.Doc("summary", "Compares wire values.");
        writer.Line($"public static bool operator ==({openName} left, {openName} right) => left.Equals(right);");
        writer.Line();
        writer.Doc("summary", "Compares wire values.");
        writer.Line($"public static bool operator !=({openName} left, {openName} right) => !left.Equals(right);");
        writer.Close();
    }

    /// <summary>
    /// A deprecated member may share its value with the member that replaced it; parsing that
    /// value yields the current member.
    /// </summary>
    private static IEnumerable<EnumMemberSpec> ParseableMembers(AttributeSpec attribute) =>
        attribute.EnumMembers
            .GroupBy(m => (m.StringValue, m.IntValue))
            .Select(g => g.FirstOrDefault(m => m.Deprecated is null) ?? g.First());

    private static void WriteObsolete(SourceWriter writer, Deprecation? deprecation)
    {
        if (deprecation is not null)
        {
            writer.Line($"[global::System.Obsolete({CSharpNames.Literal(DocText.Obsolete(deprecation))})]");
        }
    }
}
