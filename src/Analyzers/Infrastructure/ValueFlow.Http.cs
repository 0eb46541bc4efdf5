using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: the address of an outgoing HTTP request, which a typed client builds from
// the identifiers it is asked about ($"customers/{customerNumber}/instruments") and then logs; and the
// path and query of an incoming one, which carry what the app's routes put there.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// <c>request.RequestUri</c> and <c>response.RequestMessage.RequestUri</c>: the address the request
    /// was created with, or the one the <c>HttpClient</c> call that returned the response was given.
    /// Null when the member is not one of these.
    /// </summary>
    private FlowResult? RequestAddress(IMemberReferenceOperation member, Frame frame, int depth)
    {
        if (member is not IPropertyReferenceOperation { Property.Name: "RequestUri", Instance: { } request } || !IsHttpType(member.Member.ContainingType, "HttpRequestMessage"))
        {
            return null;
        }
        return Rewrapped(AddressOfRequest(request, frame, depth + 1), member);
    }

    /// <summary>
    /// A part of a <c>Uri</c>: its host, port and scheme name a machine; its path, query and whole
    /// text are what the address was built from. Null for other members.
    /// </summary>
    private FlowResult? UriPart(IMemberReferenceOperation member, Frame frame, int depth)
    {
        if (member is not IPropertyReferenceOperation { Instance: { } uri } property
            || !IsUri(property.Property.ContainingType))
        {
            return null;
        }
        return property.Property.Name switch
        {
            "Host" or "Port" or "Scheme" or "Authority" or "IdnHost" or "DnsSafeHost" or "IsAbsoluteUri" or "IsDefaultPort" or "HostNameType" => FlowResult.Safe,
            // Of a request's address, the path is what the client built it from (v2/accounts/{accountNumber});
            // of any other address it is judged as before, by what is known to be cut out of it.
            "AbsolutePath" or "PathAndQuery" or "AbsoluteUri" or "OriginalString" or "LocalPath" or "Segments"
                when (OperationTree.Unwrap(uri) is IConditionalAccessInstanceOperation placeholder ? ConditionalReceiver(placeholder) : OperationTree.Unwrap(uri))
                    is IPropertyReferenceOperation address && RequestAddress(address, frame, depth + 1) is { } sent
                => Rewrapped(sent, member),
            // Of an address built in the source (new Uri($"…?player={playerId}")), what it was built from.
            // Its path alone is not judged so: what was built into the query is not in it.
            "PathAndQuery" or "AbsoluteUri" or "OriginalString" or "Query" or "Fragment"
                when IncomingRequestAddress(member, frame, depth) is null => Rewrapped(Evaluate(uri, frame, depth + 1), member),
            _ => null,
        };
    }

    /// <summary>
    /// The path, query or whole address of the request being served (<c>HttpContext.Request.Path</c>,
    /// <c>QueryString</c>, a function's <c>req.Url</c>, an API gateway event's <c>Path</c>), and their
    /// text (<c>.Value</c>, <c>AbsolutePath</c>). Null for other members.
    /// </summary>
    /// <remarks>
    /// They carry whatever the app's routes put in them: reported when a route the compilation
    /// declares has a parameter named for an identifier (<c>students/{studentNumber}/grades</c>),
    /// since a request logger or a middleware sees every route. With no such route, they are not judged.
    /// </remarks>
    private FlowResult? IncomingRequestAddress(IMemberReferenceOperation member, Frame frame, int depth)
    {
        if (member.Instance is not { } instance)
        {
            return null;
        }
        var owner = member.Member.ContainingType;
        if ((member.Member.Name is "Value" && owner?.Name is "PathString" or "QueryString")
            || (IsUri(owner)
                && member.Member.Name is "AbsolutePath" or "PathAndQuery" or "AbsoluteUri" or "OriginalString" or "LocalPath" or "Query" or "Segments"))
        {
            // request.Path.Value, req.Url.AbsolutePath: the text of the served address or of a part of it.
            return OperationTree.Unwrap(instance) is IMemberReferenceOperation address && IncomingRequestAddress(address, frame, depth + 1) is { } served
                ? Rewrapped(served, member)
                : null;
        }
        if (!IsServedRequest(owner) || member.Member.Name is not ("Path" or "QueryString" or "Url" or "RawUrl" or "PathAndQuery"))
        {
            return null;
        }
        return ServedAddress(member, frame);
    }

    /// <summary><c>request.GetDisplayUrl()</c>, <c>GetEncodedUrl()</c>, <c>GetEncodedPathAndQuery()</c> of the request being served.</summary>
    private FlowResult? IncomingRequestUrl(IInvocationOperation invocation, Frame frame) =>
        invocation.TargetMethod.Name is "GetDisplayUrl" or "GetEncodedUrl" or "GetEncodedPathAndQuery" or "GetUri"
        && invocation.Arguments.Length == 1 && IsServedRequest(invocation.Arguments[0].Value.Type as INamedTypeSymbol)
            ? ServedAddress(invocation, frame)
            : null;

    private FlowResult ServedAddress(IOperation address, Frame frame)
    {
        foreach (var parameter in _index.RouteParameters(frame.CancellationToken))
        {
            if (frame.Options.IsIdentifierName(NameWords.Split(parameter), out var domain))
            {
                return Found(address, domain, $"{Describe(address)} (the app's routes carry {{{parameter}}})");
            }
        }
        return FlowResult.Unknown;
    }

    /// <summary>The request a server is handling: ASP.NET Core's, an isolated function's, an API gateway event's, <c>HttpListener</c>'s.</summary>
    private static bool IsServedRequest(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, t => t.Name is "HttpRequest" or "HttpRequestData" or "APIGatewayProxyRequest" or "APIGatewayHttpApiV2ProxyRequest" or "HttpListenerRequest");

    private FlowResult AddressOfRequest(IOperation request, Frame frame, int depth)
    {
        var result = FlowResult.Unknown;
        switch (OperationTree.Unwrap(request))
        {
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    result = FlowResult.Combine(result, AddressOfRequest(write, frame, depth + 1));
                }
                return result;
            case IObjectCreationOperation creation when IsHttpType(creation.Type, "HttpRequestMessage"):
                if (OperationTree.Argument(creation.Arguments, "requestUri") is { } address)
                {
                    result = Evaluate(address, frame, depth + 1);
                }
                if (creation.Initializer is { } initializer)
                {
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "RequestUri" })
                        {
                            result = FlowResult.Combine(result, Evaluate(assignment.Value, frame, depth + 1));
                        }
                    }
                }
                return result;
            case IPropertyReferenceOperation { Property.Name: "RequestMessage", Instance: { } response } when IsHttpType(response.Type, "HttpResponseMessage"):
                return SentAddress(response, frame, depth + 1);
            case IConditionalAccessInstanceOperation instance when ConditionalReceiver(instance) is var accessed && accessed != instance:
                // response.RequestMessage?.RequestUri: the request is what the ?. was applied to.
                return AddressOfRequest(accessed, frame, depth + 1);
            default:
                return result;
        }
    }

    /// <summary>The address the <c>HttpClient</c> call that returned this response was given.</summary>
    private FlowResult SentAddress(IOperation response, Frame frame, int depth)
    {
        var result = FlowResult.Unknown;
        switch (OperationTree.Unwrap(response))
        {
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    result = FlowResult.Combine(result, SentAddress(write, frame, depth + 1));
                }
                return result;
            case IAwaitOperation awaited:
                return SentAddress(awaited.Operation, frame, depth + 1);
            case IInvocationOperation call when IsHttpType(call.TargetMethod.ContainingType, "HttpClient") || IsHttpType(call.TargetMethod.ContainingType, "HttpMessageInvoker"):
                if (OperationTree.Argument(call.Arguments, "requestUri") is { } address)
                {
                    return Evaluate(address, frame, depth + 1);
                }
                return OperationTree.Argument(call.Arguments, "request") is { } request ? AddressOfRequest(request, frame, depth + 1) : result;
            default:
                return result;
        }
    }

    private static bool IsHttpType(ITypeSymbol? type, string name) =>
        type is { ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } } && type.Name == name;
}
