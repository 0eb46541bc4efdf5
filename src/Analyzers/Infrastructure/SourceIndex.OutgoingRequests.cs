using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// An address the source sends a request to, and the type whose code sends it: an <see cref="Address"/>
/// written in code, or a declarative client's <see cref="Method"/> and its route <see cref="Template"/>
/// (Refit's <c>[Get("/candidates/{uci}/results")]</c>).
/// </summary>
internal readonly record struct OutgoingRequest(INamedTypeSymbol Sender, IOperation? Address, IMethodSymbol? Method = null, string? Template = null);

// The index, continued: the requests the compilation's HTTP clients send and the message handlers
// registered on them, which a handler's or an enricher's view of "the request" stands for.
internal sealed partial class SourceIndex
{
    /// <summary>The <c>HttpClient</c> calls and request constructors that take an address, by method name.</summary>
    private static readonly string[] RequestSenders =
    {
        "GetAsync", "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync",
        "GetFromJsonAsync", "GetFromJsonAsAsyncEnumerable", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync",
        "HttpRequestMessage", "RequestUri",
    };

    private IReadOnlyList<OutgoingRequest>? _outgoingRequests;
    private IReadOnlyList<(INamedTypeSymbol Handler, INamedTypeSymbol? Client)>? _handlerRegistrations;

    /// <summary>
    /// The addresses of the requests the source sends: the <c>requestUri</c> of an <c>HttpClient</c>
    /// call or of a <c>new HttpRequestMessage(…)</c>, and what is assigned to a request's <c>RequestUri</c>.
    /// </summary>
    public IReadOnlyList<OutgoingRequest> OutgoingRequests(CancellationToken cancellationToken)
    {
        if (_outgoingRequests is { } known)
        {
            return known;
        }
        var found = new List<OutgoingRequest>();
        var words = _words.Value;
        foreach (var name in RequestSenders)
        {
            foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
                if (token.ValueText != name || token.Span.Start != at)
                {
                    continue;
                }
                SyntaxNode? site = token.Parent?.FirstAncestorOrSelf<SyntaxNode>(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax or StatementSyntax);
                if (site is null or StatementSyntax || OperationOf(site, cancellationToken) is not { } operation
                    || SenderOf(site, cancellationToken) is not { } sender)
                {
                    continue;
                }
                foreach (var address in AddressesIn(operation))
                {
                    if (!found.Any(f => f.Address == address))
                    {
                        found.Add(new OutgoingRequest(sender, address));
                    }
                }
            }
        }
        AddDeclaredRoutes(found, cancellationToken);
        return Interlocked.CompareExchange(ref _outgoingRequests, found, null) ?? found;
    }

    /// <summary>The HTTP method attributes of a declarative client (Refit's), whose argument is the route.</summary>
    private static readonly string[] RouteAttributes = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    /// <summary>
    /// The methods of declarative client interfaces (Refit's <c>[Get("/candidates/{uci}/results")]</c>): their
    /// route is the address, with the method's parameters in its braces and in its query.
    /// </summary>
    private void AddDeclaredRoutes(List<OutgoingRequest> found, CancellationToken cancellationToken)
    {
        var words = _words.Value;
        foreach (var name in RouteAttributes)
        {
            foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
            {
                var tree = words.Tree(treeIndex);
                var token = tree.GetRoot(cancellationToken).FindToken(at);
                if (token.ValueText != name || token.Parent?.Parent is not AttributeSyntax { ArgumentList.Arguments.Count: > 0 } attribute
                    || attribute.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax literal
                    || attribute.Parent?.Parent is not MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax } declaration)
                {
                    continue;
                }
                var model = ModelOf(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method && method.ContainingType is { } api
                    && model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is { } attributeType
                    && (DerivesFromRouteAttribute(attributeType) || IsRouteText(literal.Token.ValueText)))
                {
                    found.Add(new OutgoingRequest(api, null, method, literal.Token.ValueText));
                }
            }
        }
    }

    /// <summary>
    /// A relative route (<c>/accounts/{accountNumber}/reads</c>): what a <c>[Get]</c> of another
    /// declarative client library (RestEase's, a team's own) on an interface method gives.
    /// </summary>
    private static bool IsRouteText(string text) => text.StartsWith("/", StringComparison.Ordinal) || text.Contains("{");

    private static bool DerivesFromRouteAttribute(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HttpMethodAttribute")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The typed clients a message handler is registered on (<c>AddHttpClient&lt;TClient&gt;().AddHttpMessageHandler&lt;THandler&gt;()</c>);
    /// null when the source registers it on none it can name (not at all, or on a named client only).
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol>? ClientsOfHandler(INamedTypeSymbol handler, CancellationToken cancellationToken)
    {
        var registrations = HandlerRegistrations(cancellationToken).Where(r => SymbolEqualityComparer.Default.Equals(r.Handler, handler.OriginalDefinition)).ToList();
        if (registrations.Count == 0 || registrations.Any(r => r.Client is null))
        {
            return null;
        }
        return registrations.Select(r => r.Client!).ToList();
    }

    private IReadOnlyList<(INamedTypeSymbol Handler, INamedTypeSymbol? Client)> HandlerRegistrations(CancellationToken cancellationToken)
    {
        if (_handlerRegistrations is { } known)
        {
            return known;
        }
        var found = new List<(INamedTypeSymbol, INamedTypeSymbol?)>();
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find("AddHttpMessageHandler", cancellationToken))
        {
            var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
            if (token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
                || OperationOf(call, cancellationToken) is not IInvocationOperation registration
                || registration.TargetMethod.Name != "AddHttpMessageHandler")
            {
                continue;
            }
            var handler = registration.TargetMethod.TypeArguments.FirstOrDefault() as INamedTypeSymbol
                ?? registration.Arguments.Select(a => OperationTree.Descendants(a.Value).OfType<IObjectCreationOperation>().FirstOrDefault()?.Type).OfType<INamedTypeSymbol>().FirstOrDefault();
            if (handler is null)
            {
                continue;
            }
            found.Add((handler.OriginalDefinition, TypedClientOf(registration)));
        }
        return Interlocked.CompareExchange(ref _handlerRegistrations, found, null) ?? found;
    }

    /// <summary>
    /// The typed client a fluent registration call belongs to: the call itself, or any call of the
    /// chain it continues, is <c>AddHttpClient&lt;TClient&gt;</c> or <c>AddRefitClient&lt;TApi&gt;</c>.
    /// </summary>
    public static INamedTypeSymbol? TypedClientOfChain(IInvocationOperation call) =>
        call.TargetMethod.Name is "AddHttpClient" or "AddRefitClient" && call.TargetMethod.TypeArguments.LastOrDefault() is INamedTypeSymbol direct
            ? direct
            : TypedClientOf(call);

    /// <summary>The implementation type of the <c>AddHttpClient&lt;…&gt;</c> call a registration chain starts from, if it is typed.</summary>
    private static INamedTypeSymbol? TypedClientOf(IInvocationOperation registration)
    {
        for (IOperation? receiver = ChainReceiver(registration); receiver is IInvocationOperation step; receiver = ChainReceiver(step))
        {
            if (step.TargetMethod.Name is "AddHttpClient" or "AddRefitClient")
            {
                return step.TargetMethod.TypeArguments.LastOrDefault() as INamedTypeSymbol;
            }
        }
        return null;
    }

    /// <summary>
    /// The receiver of a fluent call, whether written as an instance call or as an extension method's
    /// first argument; null for any other static call, which continues no chain.
    /// </summary>
    private static IOperation? ChainReceiver(IInvocationOperation call)
    {
        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        return receiver is null ? null : OperationTree.Unwrap(receiver);
    }

    private static IEnumerable<IOperation> AddressesIn(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation call when IsHttpClientCall(call.TargetMethod):
                if (OperationTree.Argument(call.Arguments, "requestUri") is { } address && !address.ConstantValue.HasValue)
                {
                    yield return address;
                }
                break;
            case IObjectCreationOperation creation when IsHttp(creation.Type, "HttpRequestMessage"):
                if (OperationTree.Argument(creation.Arguments, "requestUri") is { } created && !created.ConstantValue.HasValue)
                {
                    yield return created;
                }
                if (creation.Initializer is { } initializer)
                {
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "RequestUri" } && !assignment.Value.ConstantValue.HasValue)
                        {
                            yield return assignment.Value;
                        }
                    }
                }
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RequestUri" } target } assigned
                when IsHttp(target.Property.ContainingType, "HttpRequestMessage") && !assigned.Value.ConstantValue.HasValue:
                yield return assigned.Value;
                break;
        }
    }

    private static bool IsHttpClientCall(IMethodSymbol method) =>
        IsHttp(method.ContainingType, "HttpClient")
        || (method.ContainingType?.Name == "HttpClientJsonExtensions" && method.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Net.Http.Json");

    private static bool IsHttp(ITypeSymbol? type, string name) =>
        type is { ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } } && type.Name == name;

    private INamedTypeSymbol? SenderOf(SyntaxNode site, CancellationToken cancellationToken) =>
        site.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration
            ? ModelOf(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol
            : null;
}
