using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: where someone is.
internal sealed partial class ValueFlow
{
    private const string LocationDomain = "location";

    /// <summary>
    /// A precise position says where somebody is, or lives: a carer's check-in fix, a member's home
    /// latitude, a crash alert's coordinates. It is read as a latitude or longitude member
    /// (<c>HomeLatitude</c>, <c>report.Lon</c>) or as a value of a type that holds both (a
    /// <c>GeoPoint</c> printed with <c>ToString()</c>). A position of a thing the service runs or
    /// lists (a van, a bus, a substation, a store, a point of interest), named so in the member, the
    /// object it is read from or their types, is not a person's.
    /// </summary>
    private FlowResult? Position(IMemberReferenceOperation member)
    {
        if (!(IsCoordinate(member.Member.Name, member.Type) || IsPositionType(member.Type)))
        {
            return null;
        }
        return IsThingsPosition(member) ? FlowResult.Safe : Found(member, LocationDomain);
    }

    /// <summary>
    /// A position's text or a copy of it: <c>fix.ToString()</c>, <c>point.ToLatLng()</c>. Rounded first
    /// (<c>Rounded(1)</c>, <c>ToLatLng(1)</c>: two decimals or fewer, a kilometre or more) it is
    /// only about the place.
    /// </summary>
    private FlowResult? PositionCall(IInvocationOperation invocation, Frame frame, int depth)
    {
        if (invocation.Instance is not { } instance || !IsPositionType(instance.Type)
            || !(invocation.Type?.SpecialType == SpecialType.System_String || IsPositionType(invocation.Type)))
        {
            return null;
        }
        if (IsCoarsened(invocation))
        {
            return FlowResult.Safe;
        }
        return Rewrapped(Evaluate(instance, frame, depth + 1), invocation);
    }

    /// <summary><c>Math.Round(fix.Latitude, 1)</c>, <c>Math.Floor(lat)</c>: a kilometre or more, about the place, not the spot.</summary>
    private FlowResult? RoundedCoordinate(IInvocationOperation invocation, Frame frame, int depth)
    {
        if (invocation.TargetMethod is not { Name: "Round" or "Floor" or "Ceiling" or "Truncate", IsStatic: true, ContainingType: { Name: "Math" or "MathF" or "Decimal" } math }
            || math.ContainingNamespace?.ToDisplayString() != "System" || invocation.Arguments.Length == 0)
        {
            return null;
        }
        var digits = invocation.Arguments.Skip(1).FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_Int32);
        if (digits is not null && !(digits.Value.ConstantValue is { HasValue: true, Value: int places and <= 2 }))
        {
            return null;
        }
        var rounded = Evaluate(invocation.Arguments[0].Value, frame, depth + 1);
        return rounded.Identifier?.Domain == LocationDomain ? FlowResult.Safe : null;
    }

    /// <summary>
    /// A geohash of a position (<c>Geohash.Encode(fix.Latitude, fix.Longitude, 7)</c>, <c>GeoHash.Encode(point, 8)</c>):
    /// seven characters or more pin a spot to 150 m or less, which is the position; six or fewer (a kilometre
    /// or more) are about the area. Null when the call is no geohash with a constant length, or it encodes no
    /// person's position.
    /// </summary>
    private FlowResult? GeohashOf(IInvocationOperation invocation, Frame frame, int depth)
    {
        var method = invocation.TargetMethod;
        if (!(method.ContainingType?.Name.IndexOf("geohash", StringComparison.OrdinalIgnoreCase) >= 0 && method.Name.StartsWith("Encode", StringComparison.Ordinal)
                || method.Name.IndexOf("geohash", StringComparison.OrdinalIgnoreCase) >= 0)
            || invocation.Type?.SpecialType != SpecialType.System_String
            || invocation.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_Int32) is not { } length
            || length.Value.ConstantValue is not { HasValue: true, Value: int characters })
        {
            return null;
        }
        var encoded = CombineAll(invocation.Arguments.Where(a => a != length).Select(a => a.Value), frame, depth);
        if (encoded.Identifier?.Domain != LocationDomain)
        {
            return null;
        }
        return characters >= 7
            ? Found(invocation, LocationDomain, $"{Describe(invocation)} (a geohash of {characters} characters, the spot)")
            : FlowResult.Safe;
    }

    /// <summary>A hole formatted to two decimals or fewer (<c>{fix.Latitude:F1}</c>): a coordinate so printed is about the place.</summary>
    private FlowResult EvaluateHole(IInterpolationOperation hole, Frame frame, int depth)
    {
        if (FormattedValue(hole.Expression, hole.FormatString?.ConstantValue.Value as string, frame, depth) is { } formatted)
        {
            return formatted;
        }
        var value = Evaluate(hole.Expression, frame, depth + 1);
        return value.Identifier?.Domain == LocationDomain && hole.FormatString is { ConstantValue: { HasValue: true, Value: string format } } && IsCoarseFormat(format)
            ? FlowResult.Safe
            : value;
    }

    /// <summary>The same under an interpolated string handler: <c>AppendFormatted(fix.Latitude, "F1")</c>.</summary>
    private FlowResult EvaluateAppended(IInvocationOperation append, Frame frame, int depth)
    {
        var appendedFormat = append.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format")?.Value.ConstantValue.Value as string;
        if (FormattedValue(append.Arguments[0].Value, appendedFormat, frame, depth) is { } formatted)
        {
            return formatted;
        }
        var value = Evaluate(append.Arguments[0].Value, frame, depth + 1);
        return value.Identifier?.Domain == LocationDomain
            && append.Arguments.Any(a => a.Parameter?.Name == "format" && a.Value.ConstantValue is { HasValue: true, Value: string format } && IsCoarseFormat(format))
            ? FlowResult.Safe
            : value;
    }

    private static bool IsCoarseFormat(string format) =>
        format.Length == 2 && format[0] is 'F' or 'f' or 'N' or 'n' && format[1] is '0' or '1' or '2'
        || format is "0" or "0.0" or "0.00" or "#" or "#.#" or "#.##";

    private static bool IsCoarsened(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name.StartsWith("Round", StringComparison.Ordinal) || name.StartsWith("Coarse", StringComparison.Ordinal) || name.StartsWith("Snap", StringComparison.Ordinal)
            || name.StartsWith("Truncat", StringComparison.Ordinal) || name.StartsWith("Blur", StringComparison.Ordinal) || name.StartsWith("Fuzz", StringComparison.Ordinal)
            || name.StartsWith("Generali", StringComparison.Ordinal) || name.StartsWith("Approximat", StringComparison.Ordinal))
        {
            return true;
        }
        // point.ToLatLng(1): printed to that many decimals.
        if (invocation.Arguments.Any(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Value.ConstantValue is { HasValue: true, Value: int places and >= 0 and <= 2 }))
        {
            return true;
        }
        // checkIn.Position.Rounded(1).ToString(): printed after it was rounded.
        return invocation.Instance is { } instance && OperationTree.Unwrap(instance) is IInvocationOperation inner && IsPositionType(inner.Type) && IsCoarsened(inner);
    }

    private static bool IsCoordinate(string name, ITypeSymbol? type)
    {
        if (!IsFloating(type) || !(name.EndsWith("itude", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Lat", StringComparison.Ordinal)
            || name.EndsWith("Lon", StringComparison.Ordinal) || name.EndsWith("Lng", StringComparison.Ordinal) || name is "lat" or "lon" or "lng"))
        {
            return false;
        }
        var words = NameWords.Split(name);
        return words.Count > 0 && words[words.Count - 1] is "latitude" or "longitude" or "lat" or "lon" or "lng";
    }

    private static bool IsFloating(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        return type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;
    }

    /// <summary>A type that holds a latitude and a longitude: <c>GeoPoint</c>, <c>GeoCoordinate</c>, <c>LatLng</c>.</summary>
    private static bool IsPositionType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None)
        {
            return false;
        }
        // Asked for the type of every value followed: its members are read once per type.
        return PositionTypes.For(named);
    }

    private static readonly TypeAnswers PositionTypes = new(HasLatitudeAndLongitude);

    private static bool HasLatitudeAndLongitude(INamedTypeSymbol named)
    {
        var latitude = false;
        var longitude = false;
        foreach (var member in named.GetMembers())
        {
            if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && IsCoordinate(member.Name, TypeOf(member)))
            {
                var last = NameWords.Split(member.Name);
                latitude |= last.Count == 1 && last[0] is "latitude" or "lat";
                longitude |= last.Count == 1 && last[0] is "longitude" or "lon" or "lng";
            }
        }
        return latitude && longitude;
    }

    /// <summary>
    /// Whether the position is a thing's: a thing word in the member's name, its owner's type, or any
    /// object or type along the chain it is read through (<c>van.Position</c>, <c>VanPing.Position</c>,
    /// <c>substation.Location.Latitude</c>).
    /// </summary>
    private static bool IsThingsPosition(IOperation operation)
    {
        for (var current = (IOperation?)operation; current is not null;)
        {
            current = OperationTree.Unwrap(current);
            if (current is IMemberReferenceOperation member)
            {
                if (HasThingWord(member.Member.Name) || (member.Member.ContainingType is { } owner && HasThingWord(owner.Name)))
                {
                    return true;
                }
                current = member.Instance;
                continue;
            }
            if (ReferencedSymbol(current) is { } symbol && (HasThingWord(symbol.Name) || (TypeOf(symbol) is { } type && HasThingWord(type.Name))))
            {
                return true;
            }
            current = current is IInvocationOperation { Instance: { } receiver } ? receiver : null;
        }
        return false;
    }

    private static bool HasThingWord(string name) => NameWords.Split(name).Any(PlaceThingWords.Contains);

    /// <summary>Things a service runs or lists, whose positions are no person's.</summary>
    private static readonly ImmutableHashSet<string> PlaceThingWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "vehicle", "vehicles", "van", "vans", "bus", "buses", "coach", "tram", "train", "truck", "lorry", "fleet", "depot", "station", "stop",
        "substation", "store", "shop", "branch", "venue", "poi", "landmark", "interest", "school", "hospital", "office", "warehouse",
        "asset", "charger", "cabinet", "mast", "tower", "airport", "city", "town", "region", "area", "zone", "centroid", "bounds",
        "tile", "cell", "cluster", "pole", "transformer", "feeder", "turbine", "vessel", "ship", "aircraft", "drone", "dock", "kiosk",
        "locker", "ambulance", "avl");
}
