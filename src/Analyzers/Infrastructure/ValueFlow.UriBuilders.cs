using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: links built with System.UriBuilder, whose text is whatever was put in its
// path, query, fragment and user parts (new UriBuilder(portal) { Query = $"student={number}" }.Uri).
internal sealed partial class ValueFlow
{
    /// <summary>The parts of a <c>UriBuilder</c> that carry what the link was built from; host, port and scheme name a machine.</summary>
    private static readonly HashSet<string> UriBuilderTextParts = new(System.StringComparer.Ordinal) { "Path", "Query", "Fragment", "UserName", "Password" };

    internal static bool IsUriBuilder(ITypeSymbol? type) =>
        type is { Name: "UriBuilder", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// <c>new UriBuilder(base) { Path = …, Query = … }</c>: what its arguments and the text parts set in
    /// its initializer hold.
    /// </summary>
    private FlowResult EvaluateUriBuilderCreation(IObjectCreationOperation creation, Frame frame, int depth)
    {
        var parts = AddressTextArguments(creation).Concat(UriBuilderPartsSet(creation.Initializer));
        return Rewrapped(CombineAll(parts, frame, depth), creation);
    }

    private static IEnumerable<IOperation> UriBuilderPartsSet(IObjectOrCollectionInitializerOperation? initializer) =>
        initializer is null
            ? Enumerable.Empty<IOperation>()
            : initializer.Initializers.OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: var name } && UriBuilderTextParts.Contains(name))
                .Select(a => a.Value);

    /// <summary>
    /// A member of a <c>UriBuilder</c>: its <c>Uri</c> and text parts hold what was put in it, its host,
    /// port and scheme do not. Null for members of other types.
    /// </summary>
    private FlowResult? UriBuilderPart(IMemberReferenceOperation member, Frame frame, int depth)
    {
        if (member is not IPropertyReferenceOperation { Instance: { } builder } property || !IsUriBuilder(property.Property.ContainingType))
        {
            return null;
        }
        return property.Property.Name == "Uri" || UriBuilderTextParts.Contains(property.Property.Name)
            ? Rewrapped(Evaluate(builder, frame, depth + 1), member)
            : FlowResult.Safe;
    }

    /// <summary><c>builder.Query = …</c> on a local <c>UriBuilder</c>: one more thing its link is built from.</summary>
    private static bool IsUriBuilderPartWrite(IAssignmentOperation assignment, ILocalSymbol local) =>
        assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner, Property.Name: var name }
        && IsUriBuilder(local.Type) && UriBuilderTextParts.Contains(name) && Same(owner, local);
}
