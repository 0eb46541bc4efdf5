using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The sinks, continued: an error-reporting SDK (Sentry) sends its scope's user, tags and extras, its
// breadcrumbs and the messages and exceptions it captures with every error it reports.
internal static partial class TelemetrySinks
{
    /// <summary>Sentry's own namespaces: <c>Sentry</c> and those under it (<c>Sentry.Extensibility</c>).</summary>
    private static bool IsSentryNamespace(INamespaceSymbol? ns)
    {
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return current.Name == "Sentry";
            }
        }
        return false;
    }

    /// <summary>
    /// <c>scope.SetTag(key, value)</c>, <c>SetExtra(key, value)</c>, <c>AddBreadcrumb(message, category,
    /// type, data)</c>, <c>SentrySdk.CaptureMessage(message)</c>, <c>CaptureException(exception)</c> and a
    /// user handed over whole (<c>SetUser(user)</c>), on the SDK's static entry point, its hub, its scope
    /// and its events alike.
    /// </summary>
    private static void CollectErrorReportCall(IInvocationOperation invocation, KnownSymbols known, List<TelemetrySite> sites)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "SetTag" or "SetExtra" or "SetData":
                AddKeyed(SinkKind.ErrorReport, arguments, "key", "value", sites);
                break;
            case "SetTags" or "SetExtras":
                foreach (var argument in arguments)
                {
                    // An extension method's first argument is the scope it is called on, not a tag.
                    if (argument.Parameter is { Ordinal: > 0 } || invocation.Instance is not null)
                    {
                        ScanTags(argument.Value, SinkKind.ErrorReport, known, sites);
                    }
                }
                break;
            case "AddBreadcrumb":
                CollectBreadcrumb(arguments, known, sites);
                break;
            case "CaptureMessage":
                AddValue(SinkKind.ErrorReport, OperationTree.Argument(arguments, "message"), sites);
                break;
            case "CaptureException":
                AddExceptionMessage(OperationTree.Argument(arguments, "exception"), known, sites);
                break;
            case "AddSentryTag":
                // ex.AddSentryTag(name, value), ex.AddSentryContext(name, data): put on the exception for
                // the report that captures it.
                AddKeyed(SinkKind.ErrorReport, arguments, "name", "value", sites);
                break;
            case "AddSentryContext":
                ScanTags(OperationTree.Argument(arguments, "data"), SinkKind.ErrorReport, known, sites);
                break;
            case "SetUser":
                if (OperationTree.Argument(arguments, "user") is { } user && OperationTree.Unwrap(user) is not IObjectCreationOperation { Initializer: not null })
                {
                    sites.Add(new TelemetrySite(SinkKind.ErrorReport, null, user) { Destructured = true });
                }
                break;
        }
    }

    /// <summary>Raygun's namespaces: <c>Mindscape.Raygun4Net</c> and those under it.</summary>
    private static bool IsRaygunNamespace(INamespaceSymbol? ns)
    {
        var name = ns?.ToDisplayString() ?? "";
        return name == "Mindscape.Raygun4Net" || name.StartsWith("Mindscape.Raygun4Net.", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>client.SendAsync(exception, tags, userCustomData, userInfo)</c> (and <c>Send</c>,
    /// <c>SendInBackground</c>): the exception, each tag, the custom data and the user go with the
    /// report; <c>RecordBreadcrumb(message)</c> goes with the next one.
    /// </summary>
    private static void CollectRaygunCall(IInvocationOperation invocation, KnownSymbols known, List<TelemetrySite> sites)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "Send" or "SendAsync" or "SendInBackground":
                AddExceptionMessage(OperationTree.Argument(arguments, "exception"), known, sites);
                if (OperationTree.Argument(arguments, "tags") is { } tags)
                {
                    sites.Add(new TelemetrySite(SinkKind.ErrorReport, null, tags));
                }
                ScanTags(OperationTree.Argument(arguments, "userCustomData"), SinkKind.ErrorReport, known, sites);
                if (OperationTree.Argument(arguments, "userInfo") is { } user && OperationTree.Unwrap(user) is not IObjectCreationOperation)
                {
                    sites.Add(new TelemetrySite(SinkKind.ErrorReport, null, user) { Destructured = true });
                }
                break;
            case "RecordBreadcrumb":
                AddValue(SinkKind.ErrorReport, OperationTree.Argument(arguments, "message"), sites);
                break;
        }
    }

    private static void CollectBreadcrumb(IEnumerable<IArgumentOperation> arguments, KnownSymbols known, List<TelemetrySite> sites)
    {
        AddValue(SinkKind.ErrorReport, OperationTree.Argument(arguments, "message"), sites);
        ScanTags(OperationTree.Argument(arguments, "data"), SinkKind.ErrorReport, known, sites);
    }

    /// <summary>
    /// <c>scope.User = user</c>, <c>new SentryUser { Email = … }</c>, <c>evt.Message = …</c>,
    /// <c>scope.TransactionName = …</c>: every property of the SDK's reported objects but its options.
    /// A user made in place is judged by what it is made with, each reported there: the members its
    /// initializer sets, the arguments of its constructor.
    /// </summary>
    private static void CollectErrorReportProperty(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property, List<TelemetrySite> sites)
    {
        if (property.Property.ContainingType.Name.EndsWith("Options", System.StringComparison.Ordinal)
            || property.Property.ContainingType.Name.EndsWith("Settings", System.StringComparison.Ordinal)
            || OperationTree.Unwrap(assignment.Value) is IObjectCreationOperation)
        {
            return;
        }
        var whole = OperationTree.Unwrap(assignment.Value).Type is { TypeKind: TypeKind.Class, SpecialType: not SpecialType.System_String };
        sites.Add(new TelemetrySite(SinkKind.ErrorReport, null, assignment.Value) { Destructured = whole });
    }
}
