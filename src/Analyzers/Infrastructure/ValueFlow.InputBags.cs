using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: what a caller sent, as a framework hands it over in one collection.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The members under which frameworks hand over every input of a call or a message at once:
    /// MVC's <c>ActionArguments</c>, SignalR's <c>HubMethodArguments</c>, routing's <c>RouteValues</c>,
    /// a background job's <c>Args</c> or <c>JobDataMap</c>, a function's <c>BindingData</c>, GraphQL's
    /// <c>VariableValues</c>, a tool call's or kernel function's <c>Arguments</c>, a payment
    /// provider's <c>Metadata</c>, a request's or message's headers, query, form and cookies.
    /// </summary>
    /// <remarks>
    /// Which of the inputs is a person's identifier is only known entry by entry (a key such as
    /// <c>studentNumber</c> is judged where it is read); sent whole, every entry goes, so the whole
    /// is reported. Its keys and its count stay clean: they are other members.
    /// </remarks>
    private static readonly ImmutableHashSet<string> InputBagNames = ImmutableHashSet.Create(
        "Arguments", "ActionArguments", "HubMethodArguments", "Args", "RouteValues", "VariableValues", "Variables",
        "BindingData", "JobDataMap", "MergedJobDataMap", "Metadata", "Headers", "RequestHeaders", "Query", "Form", "Cookies",
        "ApplicationProperties", "UserProperties");

    /// <summary>
    /// Whether a member is a framework's collection of a call's inputs (see <see cref="InputBagNames"/>).
    /// A collection the source fills itself is judged by what the source puts in it instead; one a
    /// type of the source only starts empty or takes from its constructor is still the framework's.
    /// </summary>
    private bool IsInputBag(IMemberReferenceOperation member, Frame frame) =>
        ((InputBagNames.Contains(member.Member.Name) && HoldsArbitraryValues(member.Type)) || IsRawPayloadText(member.Member))
        // A desktop app's StartupEventArgs.Args are the command line it was deployed with, no caller's input.
        && !(member.Member.Name == "Args" && DerivesFromEventArgs(member.Member.ContainingType))
        // An action descriptor's RouteValues name the controller and action it routes to, not what a caller sent.
        && !(member.Member.Name == "RouteValues" && IsOrDerivesFrom(member.Member.ContainingType, t => t.Name == "ActionDescriptor"))
        && (member.Member.DeclaringSyntaxReferences.IsEmpty || _index.WritesOf(member.Member, frame.CancellationToken).All(IsHandedOver));

    /// <summary>
    /// The raw text of a message, an event, a job or a webhook as it was sent (<c>message.Payload</c>,
    /// <c>evt.RawJson</c>, <c>item.BodyXml</c>): whatever its sender put in, judged as a whole like the
    /// framework's collections of inputs. A payload the source is seen to compose is judged by what it
    /// is composed of instead (its writes are not handed over). A job's serialised arguments are not
    /// judged so: what a job is enqueued with is the code's to say, ids of things as often as people's.
    /// </summary>
    private static bool IsRawPayloadText(ISymbol member)
    {
        if (member is not IPropertySymbol { Type.SpecialType: SpecialType.System_String, ContainingType: { } owner }
            || member.Name is not ("Payload" or "RawPayload" or "PayloadJson" or "RawJson" or "RawBody" or "BodyJson" or "BodyXml" or "RawXml"))
        {
            return false;
        }
        return NameWords.Split(owner.Name).Any(w => w is "message" or "event" or "envelope" or "job" or "webhook" or "outbox"
            or "inbox" or "letter" or "notification" or "command" or "delivery" or "run" or "item" or "record" or "details" or "dto");
    }

    /// <summary>A write that puts nothing of the source's own in: an empty collection, or a constructor's parameter.</summary>
    private static bool IsHandedOver(IOperation write) => OperationTree.Unwrap(write) switch
    {
        // new Dictionary<string, object?>(StringComparer.Ordinal), new List<object?>(4): empty, whatever the comparer or capacity.
        IObjectCreationOperation creation => creation.Arguments.All(a => a.Value.ConstantValue.HasValue || IsComparer(a.Value.Type))
            && (creation.Initializer is null || creation.Initializer.Initializers.IsEmpty),
        IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } => true,
        IInvocationOperation { TargetMethod.Name: "Empty", Arguments.IsEmpty: true } => true,
        var other => IsCollectionExpression(other.Kind) && other.ChildOperations.Count == 0,
    };

    private static bool IsComparer(ITypeSymbol? type) =>
        type is not null && (type.Name is "StringComparer" or "IEqualityComparer" || type.AllInterfaces.Any(i => i.Name == "IEqualityComparer"));

    private static bool DerivesFromEventArgs(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, t => t is { Name: "EventArgs", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });

    /// <summary>A collection whose entries may be text or any object: not a list of counts, flags or dates.</summary>
    private static bool HoldsArbitraryValues(ITypeSymbol? type)
    {
        if (type is null || IsScalar(type)
            || !(type.SpecialType == SpecialType.System_Collections_IEnumerable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)))
        {
            return false;
        }
        var element = SequenceElement(type);
        if (element is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair)
        {
            element = pair.TypeArguments[1];
        }
        return element is null || !IsMeasure(element);
    }

    /// <summary>Whether a value is a number, a flag, a date or an enum (<see cref="IsMeasure"/>).</summary>
    public static bool IsMeasureValue(IOperation value) => OperationTree.Unwrap(value).Type is { } type && IsMeasure(type);

    /// <summary>Numbers, flags, dates and enums: values a collection of inputs is not made of.</summary>
    private static bool IsMeasure(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double
            or SpecialType.System_Single or SpecialType.System_Decimal or SpecialType.System_DateTime or SpecialType.System_Byte
        || type.Name is "TimeSpan" or "DateTimeOffset";
}
