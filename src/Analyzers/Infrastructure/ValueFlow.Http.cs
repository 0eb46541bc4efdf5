using System;
using System.Collections.Generic;
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
    private FlowResult? RequestAddress(IMemberReferenceOperation member, Frame frame, int depth, AddressSection section = AddressSection.Whole)
    {
        if (member is not IPropertyReferenceOperation { Property.Name: "RequestUri", Instance: { } request } || !IsHttpType(member.Member.ContainingType, "HttpRequestMessage"))
        {
            return null;
        }
        return Rewrapped(AddressOfRequest(request, frame, depth + 1, section), member);
    }

    /// <summary>The part of an address a member of <c>Uri</c> gives.</summary>
    private enum AddressSection
    {
        Whole,
        Path,
        Query,
    }

    /// <summary>
    /// <c>ex.Uri</c> of a declarative client's exception (Refit's <c>ApiException</c>) caught around a
    /// call of that client: the route the call filled in, judged by the arguments the call gives the
    /// parameters in the route's braces and query. Null for other members.
    /// </summary>
    private FlowResult? DeclaredCallAddress(IMemberReferenceOperation member, Frame frame, int depth, AddressSection section = AddressSection.Whole)
    {
        // ex.Uri, or ex.RequestMessage.RequestUri: the same request. The exception is known by its shape
        // (an ApiException that keeps the request it failed on) and by the declared calls it is caught around.
        var instance = member switch
        {
            IPropertyReferenceOperation { Property.Name: "Uri", Instance: { } exception } => exception,
            IPropertyReferenceOperation { Property.Name: "RequestUri", Instance: { } request }
                when OperationTree.Unwrap(request) is IPropertyReferenceOperation { Property.Name: "RequestMessage", Instance: { } exception } => exception,
            _ => null,
        };
        if (instance is null
            || OperationTree.Unwrap(instance) is not ILocalReferenceOperation caught
            || !IsOrDerivesFrom(caught.Local.Type as INamedTypeSymbol, t => t.Name == "ApiException" && IsException(t))
            || !IsCaught(caught, frame.CancellationToken, out var tryBlock))
        {
            return null;
        }
        var routes = _index.OutgoingRequests(frame.CancellationToken).Where(r => r.Method is not null).ToList();
        var result = FlowResult.Unknown;
        foreach (var call in OperationTree.Descendants(tryBlock).OfType<IInvocationOperation>())
        {
            if (routes.FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r.Method, call.TargetMethod.OriginalDefinition)) is { Method: not null } route)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsSentInAddress(parameter)
                        && (section == AddressSection.Whole || InRoutePath(route.Template, parameter.Name) == (section == AddressSection.Path)))
                    {
                        var sent = Evaluate(argument.Value, frame, depth + 1);
                        if (sent.Identifier is null && !sent.Sanitized && IsIdentifierSymbol(parameter, frame.Options, out var routeDomain))
                        {
                            // [Get("/cards/{cardNumber}/refunds")] given a local named card: the route says what it is.
                            sent = Found(argument.Value, routeDomain);
                        }
                        result = FlowResult.Combine(result, sent);
                    }
                }
            }
        }
        return Rewrapped(result, member);
    }

    /// <summary>
    /// Whether a declared route puts a parameter in its path (<c>/accounts/{accountNumber}/reads</c>); one
    /// it does not place there goes into the query, as a declarative client sends it.
    /// </summary>
    private static bool InRoutePath(string? template, string parameter)
    {
        if (template is null)
        {
            return false;
        }
        var path = template.Split('?')[0];
        return path.IndexOf("{" + parameter + "}", StringComparison.OrdinalIgnoreCase) >= 0
            || path.IndexOf("{" + parameter + ":", StringComparison.OrdinalIgnoreCase) >= 0
            || path.IndexOf("{**" + parameter + "}", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The member a <c>Uri</c> is read from, directly, through <c>?.</c> or <c>!</c>.</summary>
    private static IPropertyReferenceOperation? UriMemberBehind(IOperation uri) => ReceiverBehind(uri) as IPropertyReferenceOperation;

    /// <summary>What a value is read from, through a <c>?.</c> placeholder and conversions.</summary>
    private static IOperation ReceiverBehind(IOperation uri)
    {
        var unwrapped = OperationTree.Unwrap(uri);
        return unwrapped is IConditionalAccessInstanceOperation placeholder ? OperationTree.Unwrap(ConditionalReceiver(placeholder)) : unwrapped;
    }

    /// <summary>
    /// <c>request.RequestUri</c> behind a <c>Uri</c>: read directly, through <c>?.</c> or <c>!</c>, or
    /// through a local it was put in once (<c>var uri = request.RequestUri!;</c>).
    /// </summary>
    private static IPropertyReferenceOperation? RequestAddressBehind(IOperation uri)
    {
        var unwrapped = ReceiverBehind(uri);
        if (unwrapped is ILocalReferenceOperation local
            && LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes)
        {
            unwrapped = OperationTree.Unwrap(writes[0].Value);
        }
        return unwrapped is IPropertyReferenceOperation { Property.Name: "RequestUri" } address && IsHttpType(address.Property.ContainingType, "HttpRequestMessage")
            ? address
            : null;
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
        if (IsUriText(property.Property.Name)
            && UriMemberBehind(uri) is { } declared && DeclaredCallAddress(declared, frame, depth + 1, SectionRead(property.Property.Name)) is { } filled)
        {
            // ex.Uri?.AbsolutePath of a declarative client's exception: the part of the route its call filled in.
            return Rewrapped(filled, member);
        }
        return property.Property.Name switch
        {
            "Host" or "Port" or "Scheme" or "Authority" or "IdnHost" or "DnsSafeHost" or "IsAbsoluteUri" or "IsDefaultPort" or "HostNameType" => FlowResult.Safe,
            // Of a request's address, the path is what the client put before the '?' (v2/accounts/{accountNumber})
            // and the query what it put after; of any other address it is judged as before, by what is known
            // to be cut out of it.
            var text when IsUriText(text) && RequestAddressBehind(uri) is { } address
                    && RequestAddress(address, frame, depth + 1, SectionRead(property.Property.Name)) is { } sent
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
                && IsUriText(member.Member.Name)))
        {
            // request.Path.Value, req.Url.AbsolutePath: the text of the served address or of a part of it.
            return OperationTree.Unwrap(instance) is IMemberReferenceOperation address && IncomingRequestAddress(address, frame, depth + 1) is { } served
                ? Rewrapped(served, member)
                : null;
        }
        if (!IsServedRequest(owner)
            || !(member.Member.Name is "Path" or "QueryString" or "Url" or "RawUrl" or "PathAndQuery"
                || (member.Member.Name == "Query" && member.Type?.SpecialType == SpecialType.System_String)))
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
        if (!IsPathOnly(address))
        {
            foreach (var parameter in _index.QueryParameters(frame.CancellationToken))
            {
                if (frame.Options.IsIdentifierName(NameWords.Split(parameter), out var domain))
                {
                    return Found(address, domain, $"{Describe(address)} (the app reads ?{parameter}= from its queries)");
                }
            }
        }
        return FlowResult.Unknown;
    }

    /// <summary>A served request's path alone, which holds no query parameter.</summary>
    private static bool IsPathOnly(IOperation address) => address is IMemberReferenceOperation { Member.Name: "Path" };

    /// <summary>
    /// The request a server is handling: ASP.NET Core's, an isolated function's, an API gateway event's,
    /// <c>HttpListener</c>'s, or a type of the app's own that carries the route values it was matched with.
    /// </summary>
    private static bool IsServedRequest(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, t => t.Name is "HttpRequest" or "HttpRequestData" or "APIGatewayProxyRequest" or "APIGatewayHttpApiV2ProxyRequest" or "HttpListenerRequest")
        || (type is { Name: not "HttpContext" } && type.GetMembers("RouteValues").Any(m => m is IPropertySymbol));

    /// <summary>The members of a <c>Uri</c> that give its text or a part of it that a caller chose: its path, query or whole.</summary>
    private static bool IsUriText(string uriMember) =>
        uriMember is "AbsolutePath" or "LocalPath" or "Segments" or "PathAndQuery" or "AbsoluteUri" or "OriginalString" or "Query";

    private static AddressSection SectionRead(string uriMember) => uriMember switch
    {
        "AbsolutePath" or "LocalPath" or "Segments" => AddressSection.Path,
        "Query" => AddressSection.Query,
        _ => AddressSection.Whole,
    };

    private FlowResult AddressOfRequest(IOperation request, Frame frame, int depth, AddressSection section = AddressSection.Whole)
    {
        var result = FlowResult.Unknown;
        switch (OperationTree.Unwrap(request))
        {
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    result = FlowResult.Combine(result, AddressOfRequest(write, frame, depth + 1, section));
                }
                return result;
            case IObjectCreationOperation creation when IsHttpType(creation.Type, "HttpRequestMessage"):
                if (OperationTree.Argument(creation.Arguments, "requestUri") is { } address)
                {
                    result = AddressSectionOf(address, section, frame, depth + 1);
                }
                if (creation.Initializer is { } initializer)
                {
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "RequestUri" })
                        {
                            result = FlowResult.Combine(result, AddressSectionOf(assignment.Value, section, frame, depth + 1));
                        }
                    }
                }
                return result;
            case IPropertyReferenceOperation { Property.Name: "RequestMessage", Instance: { } response } when IsHttpType(response.Type, "HttpResponseMessage"):
                return SentAddress(response, frame, depth + 1, section);
            case IConditionalAccessInstanceOperation instance when ConditionalReceiver(instance) is var accessed && accessed != instance:
                // response.RequestMessage?.RequestUri: the request is what the ?. was applied to.
                return AddressOfRequest(accessed, frame, depth + 1, section);
            case IParameterReferenceOperation { Parameter: var parameter } handed when IsHttpType(parameter.Type, "HttpRequestMessage"):
                return HandledRequestAddresses(handed, section, frame, depth);
            case IConditionalAccessOperation access:
                // var last = args.Outcome.Result?.RequestMessage: the request is what the access reads.
                return AddressOfRequest(access.WhenNotNull, frame, depth + 1, section);
            case IInvocationOperation { TargetMethod.Name: "GetRequestMessage" } fromContext when IsInCallback(fromContext):
                // A resilience context's request (args.Context.GetRequestMessage()).
                return RequestsSeenByCallback(fromContext, section, frame, depth);
            default:
                return result;
        }
    }

    /// <summary>
    /// The request a message handler's <c>SendAsync</c> or an enricher's callback is given: any request
    /// the clients it serves send. Those are the typed clients the source registers the handler on, or,
    /// with no such registration, the clients of the handler's own namespace. Null-equivalent (unknown)
    /// for any other parameter.
    /// </summary>
    private FlowResult HandledRequestAddresses(IParameterReferenceOperation handed, AddressSection section, Frame frame, int depth)
    {
        if (handed.Parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return FlowResult.Unknown;
        }
        var isHandler = method is { Name: "SendAsync" or "Send", IsOverride: true }
            && IsOrDerivesFrom(method.ContainingType, t => IsHttpType(t, "HttpMessageHandler"));
        if (isHandler)
        {
            return method.ContainingType is { } handler
                ? RequestsOfClients(handed, handler, _index.ClientsOfHandler(handler, frame.CancellationToken), section, frame, depth)
                : FlowResult.Unknown;
        }
        return method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LambdaMethod
            ? RequestsSeenByCallback(handed, section, frame, depth)
            : FlowResult.Unknown;
    }

    /// <summary>
    /// The request or response a callback is handed (an enricher's <c>HttpRequestMessage</c>, a
    /// resilience strategy's <c>args.Outcome.Result</c> or <c>args.Context.GetRequestMessage()</c>):
    /// any request of the client whose registration the callback is configured in
    /// (<c>AddHttpClient&lt;PdsClient&gt;().AddResilienceHandler(…, pipeline => … OnRetry = args => …)</c>),
    /// or else of the clients of its own namespace.
    /// </summary>
    private FlowResult RequestsSeenByCallback(IOperation target, AddressSection section, Frame frame, int depth)
    {
        IReadOnlyList<INamedTypeSymbol>? clients = null;
        for (var node = target.Parent; node is not null; node = node.Parent)
        {
            if (node is IInvocationOperation call && SourceIndex.TypedClientOfChain(call) is { } client)
            {
                clients = new[] { client.OriginalDefinition };
                break;
            }
        }
        var enclosing = target.SemanticModel?.GetEnclosingSymbol(target.Syntax.SpanStart, frame.CancellationToken);
        var owner = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        return owner is null ? FlowResult.Unknown : RequestsOfClients(target, owner, clients, section, frame, depth);
    }

    private FlowResult RequestsOfClients(IOperation target, INamedTypeSymbol owner, IReadOnlyList<INamedTypeSymbol>? clients, AddressSection section, Frame frame, int depth)
    {
        if (!frame.Active.Add(("handled requests", owner, section)))
        {
            return FlowResult.Unknown;
        }
        try
        {
            var result = FlowResult.Unknown;
            foreach (var request in _index.OutgoingRequests(frame.CancellationToken))
            {
                var serves = clients is not null
                    ? clients.Any(c => SymbolEqualityComparer.Default.Equals(c, request.Sender.OriginalDefinition))
                    : SymbolEqualityComparer.Default.Equals(request.Sender.ContainingNamespace, owner.ContainingNamespace)
                        && !SymbolEqualityComparer.Default.Equals(request.Sender, owner);
                if (serves)
                {
                    result = FlowResult.Combine(result, request.Address is { } address
                        ? SentAddressSection(address, section, frame, depth + 1)
                        : DeclaredRouteSection(request.Method!, request.Template!, section, target, frame, depth + 1));
                }
            }
            return result;
        }
        finally
        {
            frame.Active.Remove(("handled requests", owner, section));
        }
    }

    /// <summary>
    /// An address as the client built it. When it is a parameter of the method that sends it
    /// (<c>CreateAsync(method, path, …)</c>), it is what that method's callers hand it, each judged
    /// as they wrote it; its other parameters are the client method's, not the handler's, and are dropped.
    /// </summary>
    private FlowResult SentAddressSection(IOperation address, AddressSection section, Frame frame, int depth)
    {
        if (OperationTree.Unwrap(address) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } sender } parameter }
            && !sender.DeclaringSyntaxReferences.IsEmpty)
        {
            var handed = FlowResult.Unknown;
            foreach (var (_, argument) in ArgumentsHandedTo(parameter, frame.CancellationToken))
            {
                handed = FlowResult.Combine(handed, AddressSectionOf(argument, section, frame, depth + 1).WithoutParameters());
            }
            return handed;
        }
        return AddressSectionOf(address, section, frame, depth).WithoutParameters();
    }

    /// <summary>
    /// A declarative client's route (<c>[Get("/candidates/{uci}/results")]</c>): its path holds the
    /// parameters named in braces, its query the others that are sent as values ([Query] or plain,
    /// not [Body], [Header] or a cancellation token). Each is judged by its name and by what the
    /// method's callers hand it.
    /// </summary>
    private FlowResult DeclaredRouteSection(IMethodSymbol method, string template, AddressSection section, IOperation target, Frame frame, int depth)
    {
        var result = FlowResult.Safe;
        foreach (var parameter in method.Parameters)
        {
            var inPath = template.IndexOf("{" + parameter.Name, System.StringComparison.OrdinalIgnoreCase) >= 0;
            var inQuery = !inPath && IsSentInAddress(parameter);
            if (!(section == AddressSection.Whole ? inPath || inQuery : section == AddressSection.Path ? inPath : inQuery))
            {
                continue;
            }
            if (IsIdentifierSymbol(parameter, frame.Options, out var domain))
            {
                return new FlowResult(new IdentifierFinding($"{{{parameter.Name}}} of {method.ContainingType.Name}.{method.Name}", domain, target), null, proven: false);
            }
            foreach (var (_, argument) in ArgumentsHandedTo(parameter, frame.CancellationToken))
            {
                result = FlowResult.Combine(result, Evaluate(argument, frame, depth + 1).WithoutParameters());
            }
        }
        return result;
    }

    /// <summary>
    /// A declarative client method's parameter that goes into the request's address (its route or
    /// query): a value, not the body, a header, the authorization or a request property.
    /// </summary>
    private static bool IsSentInAddress(IParameterSymbol parameter) =>
        CarriesIdentifier(parameter.Type)
        && !parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "BodyAttribute" or "HeaderAttribute" or "AuthorizeAttribute" or "PropertyAttribute");

    /// <summary>
    /// What the part of an address that <paramref name="section"/> names was built from: for an
    /// address written as text (<c>$"Patient?identifier={nhsNumber}"</c>, <c>"meters/" + serial</c>),
    /// the values before the first '?' make its path and those after make its query. An address of
    /// another shape is judged whole.
    /// </summary>
    private FlowResult AddressSectionOf(IOperation address, AddressSection section, Frame frame, int depth)
    {
        if (section == AddressSection.Whole)
        {
            return Evaluate(address, frame, depth);
        }
        var pieces = new List<(IOperation Piece, bool InQuery)>();
        var inQuery = false;
        if (!SplitAddress(address, pieces, ref inQuery, 0))
        {
            return Evaluate(address, frame, depth);
        }
        var result = FlowResult.Safe;
        foreach (var (piece, pieceInQuery) in pieces)
        {
            if (pieceInQuery == (section == AddressSection.Query))
            {
                result = FlowResult.Combine(result, piece is IInterpolationOperation hole ? EvaluateHole(hole, frame, depth + 1) : Evaluate(piece, frame, depth + 1));
            }
        }
        return result;
    }

    /// <summary>Cuts an address written as text into its values, each marked with whether a '?' came before it.</summary>
    private static bool SplitAddress(IOperation address, List<(IOperation Piece, bool InQuery)> pieces, ref bool inQuery, int depth)
    {
        var operation = OperationTree.Unwrap(address);
        if (depth > 4)
        {
            return false;
        }
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            inQuery |= constant.Value is string text && text.IndexOf('?') >= 0;
            return true;
        }
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            inQuery |= text.Text.ConstantValue.Value is string literal && literal.IndexOf('?') >= 0;
                            break;
                        case IInterpolationOperation hole:
                            pieces.Add((hole, inQuery));
                            break;
                        default:
                            return false;
                    }
                }
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                foreach (var operand in new[] { concatenation.LeftOperand, concatenation.RightOperand })
                {
                    if (!SplitAddress(operand, pieces, ref inQuery, depth + 1))
                    {
                        // "meters/" + serial: a value of any other shape is one piece of the text.
                        pieces.Add((operand, inQuery));
                    }
                }
                return true;
            case ILocalReferenceOperation local when LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes:
                return SplitAddress(writes[0].Value, pieces, ref inQuery, depth + 1);
            case IObjectCreationOperation creation when IsUri(creation.Type):
                foreach (var argument in AddressTextArguments(creation))
                {
                    if (!SplitAddress(argument, pieces, ref inQuery, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>The address the <c>HttpClient</c> call that returned this response was given.</summary>
    private FlowResult SentAddress(IOperation response, Frame frame, int depth, AddressSection section = AddressSection.Whole)
    {
        var result = FlowResult.Unknown;
        switch (OperationTree.Unwrap(response))
        {
            case ILocalReferenceOperation local when frame.Visited.Add(local.Local):
                foreach (var (write, _) in LocalWrites(local.Local, OperationTree.Root(local)))
                {
                    result = FlowResult.Combine(result, SentAddress(write, frame, depth + 1, section));
                }
                return result;
            case IAwaitOperation awaited:
                return SentAddress(awaited.Operation, frame, depth + 1, section);
            case IInvocationOperation call when IsHttpType(call.TargetMethod.ContainingType, "HttpClient") || IsHttpType(call.TargetMethod.ContainingType, "HttpMessageInvoker")
                || call.TargetMethod.ContainingType is { Name: "HttpClientJsonExtensions", ContainingNamespace: { Name: "Json", ContainingNamespace: { Name: "Http" } } }:
                if (OperationTree.Argument(call.Arguments, "requestUri") is { } address)
                {
                    return AddressSectionOf(address, section, frame, depth + 1);
                }
                return OperationTree.Argument(call.Arguments, "request") is { } request ? AddressOfRequest(request, frame, depth + 1, section) : result;
            case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } outcome } when IsInCallback(outcome) && RootsAtLambdaParameter(outcome):
                // A resilience strategy's args.Outcome.Result: a response of the pipeline's client.
                return RequestsSeenByCallback(outcome, section, frame, depth);
            case IConditionalAccessInstanceOperation instance when ConditionalReceiver(instance) is var accessed && accessed != instance:
                return SentAddress(accessed, frame, depth + 1, section);
            default:
                return result;
        }
    }

    /// <summary>Whether an operation is written inside a lambda or anonymous method.</summary>
    private static bool IsInCallback(IOperation operation)
    {
        for (var node = operation.Parent; node is not null; node = node.Parent)
        {
            if (node is IAnonymousFunctionOperation)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a chain of member reads starts at a parameter of the lambda it is written in (<c>args.Outcome</c>).</summary>
    private static bool RootsAtLambdaParameter(IOperation operation)
    {
        var current = OperationTree.Unwrap(operation);
        while (true)
        {
            switch (current)
            {
                case IMemberReferenceOperation { Instance: { } instance }:
                    current = OperationTree.Unwrap(instance);
                    continue;
                case IConditionalAccessInstanceOperation placeholder when ConditionalReceiver(placeholder) is var receiver && receiver != placeholder:
                    current = OperationTree.Unwrap(receiver);
                    continue;
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod } }:
                    return true;
                default:
                    return false;
            }
        }
    }

    private static bool IsHttpType(ITypeSymbol? type, string name) =>
        type is { ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } } && type.Name == name;
}
