using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Where the compilation's source writes each member: every assignment (including object and
/// <c>with</c> initializers), every mutation of a collection or builder held in a field or property
/// (<c>_pending.Add(x)</c>, <c>_builder.Append(x)</c>), every positional record construction and every
/// argument for a class's captured primary-constructor parameter. A member is looked up by its name's
/// occurrences in the source text, and only the syntax around them is visited and bound: the
/// compilation is never walked node by node, and a member never asked about costs nothing.
/// </summary>
internal sealed partial class SourceIndex
{
    private static readonly HashSet<string> MutatorNames = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "Enqueue", "Push", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin", "AppendFormatted", "Set", "Post", "Write", "TryWrite", "AddOrUpdate", "GetOrAdd",
    };

    /// <summary>Target-typed <c>new(…)</c> names no type: its creations are found from the keyword.</summary>
    private const string ImplicitCreation = "new";

    /// <summary>The cache key of target-typed creations, which no member name can be.</summary>
    private const string ImplicitCreationKey = "new()";

    private readonly Compilation _compilation;
    private readonly Lazy<Words> _words;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SyntaxNode>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _references = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, IReadOnlyList<IInvocationOperation>> _callsNamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<IObjectCreationOperation>> _creationsNamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, IReadOnlyList<INamedTypeSymbol>> _derived = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxNode, IOperation?> _operations = new();
    private IReadOnlyList<IOperation>? _thrown;
    private IReadOnlyList<string>? _routeParameters;

    public SourceIndex(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        // Shared by every rule of the compilation: one rule's cancellation must not be remembered as the
        // result for the others, so a cancelled read is not published.
        _words = new Lazy<Words>(() => Words.Read(compilation, cancellationToken), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The values the source stores into a field, property or record member, anywhere in the compilation.</summary>
    public IReadOnlyList<IOperation> WritesOf(ISymbol member, CancellationToken cancellationToken) =>
        _writes.GetOrAdd(member.OriginalDefinition, m => FindWrites(m, cancellationToken));

    /// <summary>
    /// The operation of a node in any tree of the compilation. Semantic models and operations are
    /// kept: a summary reads the same method bodies many times, and each fresh model binds anew.
    /// </summary>
    public IOperation? OperationOf(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (_operations.TryGetValue(node, out var known))
        {
            return known;
        }
        if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
        {
            return null;
        }
        var model = ModelOf(node.SyntaxTree);
        return _operations.GetOrAdd(node, model.GetOperation(node, cancellationToken));
    }

    /// <summary>
    /// The source methods that implement an interface method or override an abstract one: what a
    /// service injected through its interface (<c>IStudentPseudonyms.TextFor</c>) really returns.
    /// Found from the name's declarations, so only those are bound.
    /// </summary>
    public IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _implementations.GetOrAdd(method.OriginalDefinition, m => FindImplementations(m, cancellationToken));

    /// <summary>One semantic model per tree, kept: each fresh model binds anew.</summary>
    private SemanticModel ModelOf(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));

    /// <summary>The method, local function or accessor a node of the source is written in; null in top-level statements.</summary>
    public IMethodSymbol? ContainingMethod(SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return ModelOf(ancestor.SyntaxTree).GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol;
            }
            if (ancestor is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow)
            {
                return (ModelOf(ancestor.SyntaxTree).GetDeclaredSymbol(arrow.Parent!, cancellationToken) as IPropertySymbol)?.GetMethod;
            }
            if (ancestor is TypeDeclarationSyntax)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Where the source names a method outside its own declaration: its calls, and its uses as a
    /// method group (handed to a framework as a delegate). Found from the name's occurrences, so only
    /// those are bound.
    /// </summary>
    public IReadOnlyList<IOperation> ReferencesOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _references.GetOrAdd(method.OriginalDefinition, m => FindReferences((IMethodSymbol)m, cancellationToken));

    /// <summary>
    /// The exceptions the source throws (<c>throw new …</c>, <c>throw Errors.NotFound(…)</c>), found
    /// from the keyword's occurrences. A rethrow (<c>throw;</c>, <c>throw ex;</c>) adds nothing new and
    /// is left out.
    /// </summary>
    public IReadOnlyList<IOperation> ThrownExceptions(CancellationToken cancellationToken)
    {
        if (_thrown is { } known)
        {
            return known;
        }
        var found = new List<IOperation>();
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find("throw", cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
            if (!token.IsKind(SyntaxKind.ThrowKeyword) || token.Span.Start != at)
            {
                continue;
            }
            var thrown = token.Parent switch
            {
                ThrowStatementSyntax statement => statement.Expression,
                ThrowExpressionSyntax expression => expression.Expression,
                _ => null,
            };
            if (thrown is null or IdentifierNameSyntax)
            {
                continue;
            }
            if (OperationOf(thrown, cancellationToken) is { } operation)
            {
                found.Add(operation);
            }
        }
        return Interlocked.CompareExchange(ref _thrown, found, null) ?? found;
    }

    /// <summary>
    /// The parameters of the routes the app serves (<c>{studentNumber}</c> in <c>[HttpGet("students/{studentNumber}")]</c>,
    /// <c>MapGet("/patients/{mrn}", …)</c>, a function trigger's <c>Route = "…"</c>), read from the syntax of
    /// route attributes and endpoint mappings alone.
    /// </summary>
    public IReadOnlyList<string> RouteParameters(CancellationToken cancellationToken)
    {
        if (_routeParameters is { } known)
        {
            return known;
        }
        var found = new List<string>();
        var words = _words.Value;
        foreach (var name in RouteDeclarers)
        {
            foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
            {
                var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
                var arguments = token.Parent?.FirstAncestorOrSelf<SyntaxNode>(n => n is AttributeSyntax or InvocationExpressionSyntax) switch
                {
                    AttributeSyntax { ArgumentList: { } list } => list.Arguments.Select(a => a.Expression),
                    InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Select(a => a.Expression),
                    _ => Enumerable.Empty<ExpressionSyntax>(),
                };
                foreach (var template in arguments.OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
                {
                    AddRouteParameters(template.Token.ValueText, found);
                }
            }
        }
        foreach (var name in RouteValueReaders)
        {
            AddReadKeys(name, found, cancellationToken);
        }
        return Interlocked.CompareExchange(ref _routeParameters, found, null) ?? found;
    }

    private static readonly string[] RouteDeclarers =
    {
        "Route", "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead", "HttpTrigger", "Map", "MapGet", "MapPost",
        "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapGroup", "MapHub", "MapControllerRoute",
    };

    /// <summary>
    /// The names of the query parameters the app reads by a constant name (<c>Request.Query["email"]</c>):
    /// the query strings it serves carry them, its paths do not.
    /// </summary>
    public IReadOnlyList<string> QueryParameters(CancellationToken cancellationToken)
    {
        if (_queryParameters is { } known)
        {
            return known;
        }
        var found = new List<string>();
        AddReadKeys("Query", found, cancellationToken);
        return Interlocked.CompareExchange(ref _queryParameters, found, null) ?? found;
    }

    private IReadOnlyList<string>? _queryParameters;

    /// <summary>
    /// Adds the constant keys read through <paramref name="member"/>: <c>request.RouteValues["nhsNumber"]</c>,
    /// <c>GetRouteValue("studentNumber")</c>. The app's addresses carry what it reads out of them, whether
    /// or not it declares the route.
    /// </summary>
    private void AddReadKeys(string member, List<string> found, CancellationToken cancellationToken)
    {
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find(member, cancellationToken))
        {
            if (ReadKey(words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at)) is { } key
                && key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_') && !found.Contains(key))
            {
                found.Add(key);
            }
        }
    }

    /// <summary>The members an app reads a request's route values through.</summary>
    private static readonly string[] RouteValueReaders = { "RouteValues", "GetRouteValue" };

    /// <summary>
    /// The constant key read at a route-value or query member: <c>RouteValues["k"]</c>,
    /// <c>RouteValues.GetValueOrDefault("k")</c>, <c>RouteValues.TryGetValue("k", out …)</c>,
    /// <c>GetRouteValue("k")</c>, <c>Query["k"]</c>.
    /// </summary>
    private static string? ReadKey(SyntaxToken token)
    {
        if (token.Parent is not IdentifierNameSyntax name)
        {
            return null;
        }
        SyntaxNode member = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        BaseArgumentListSyntax? arguments = member.Parent switch
        {
            // GetRouteValue("k") and context.GetRouteValue("k")
            InvocationExpressionSyntax call when name.Identifier.ValueText == "GetRouteValue" => call.ArgumentList,
            ElementAccessExpressionSyntax element when name.Identifier.ValueText != "GetRouteValue" && element.Expression == member => element.ArgumentList,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" or "TryGetValue" or "ContainsKey" } lookup
                when name.Identifier.ValueText != "GetRouteValue" && lookup.Parent is InvocationExpressionSyntax call => call.ArgumentList,
            _ => null,
        };
        return arguments?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;
    }

    /// <summary>What ends a route parameter's name: a constraint, a default value, or the optional mark.</summary>
    private static readonly char[] RouteParameterEnds = { ':', '=', '?' };

    /// <summary>The names in a route template's braces: <c>{id:int}</c>, <c>{slug?}</c> and <c>{**path}</c> give id, slug and path.</summary>
    private static void AddRouteParameters(string template, List<string> found)
    {
        for (var open = template.IndexOf('{'); open >= 0 && open + 1 < template.Length; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                return;
            }
            var name = template.Substring(open + 1, close - open - 1).TrimStart('*');
            var end = name.IndexOfAny(RouteParameterEnds);
            name = end >= 0 ? name.Substring(0, end) : name;
            if (name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') && !found.Contains(name))
            {
                found.Add(name);
            }
        }
    }

    /// <summary>
    /// Whether the source makes objects of a type itself (<c>new TrustContext { … }</c>), read from the
    /// syntax alone: a type only a deserialiser or an ORM materialises is never made so.
    /// </summary>
    public bool IsCreatedInSource(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find(type.Name, cancellationToken))
        {
            var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
            SyntaxNode? name = token.Parent;
            while (name?.Parent is QualifiedNameSyntax or GenericNameSyntax or AliasQualifiedNameSyntax)
            {
                name = name.Parent;
            }
            if (name?.Parent is ObjectCreationExpressionSyntax creation && creation.Type == name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The methods and accessors of <paramref name="type"/>'s own declarations whose text names
    /// <paramref name="name"/>, found from the name's occurrences without binding any body.
    /// </summary>
    public List<IMethodSymbol> MethodsNaming(string name, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var found = new List<IMethodSymbol>();
        var words = _words.Value;
        var declarations = type.DeclaringSyntaxReferences;
        foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
        {
            var tree = words.Tree(treeIndex);
            if (!declarations.Any(d => d.SyntaxTree == tree && d.Span.Contains(at)))
            {
                continue;
            }
            var token = tree.GetRoot(cancellationToken).FindToken(at);
            if (token.Parent is { } node && ContainingMethod(node, cancellationToken) is { } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                && !found.Contains(method, SymbolEqualityComparer.Default))
            {
                found.Add(method);
            }
        }
        return found;
    }

    private List<IOperation> FindReferences(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<IOperation>();
        foreach (var (_, name) in SimpleNamesAt(method.Name, cancellationToken))
        {
            SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
            {
                node = invocation;
            }
            switch (OperationOf(node, cancellationToken))
            {
                case IInvocationOperation call when SymbolEqualityComparer.Default.Equals((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition, method):
                    found.Add(call);
                    break;
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method):
                    found.Add(reference);
                    break;
            }
        }
        return found;
    }

    /// <summary>
    /// The source's calls of any method of this name (every overload, in source or in a library):
    /// <c>WithMessage</c> of a validation library, wherever its validators are declared.
    /// </summary>
    public IReadOnlyList<IInvocationOperation> CallsNamed(string name, CancellationToken cancellationToken) =>
        _callsNamed.GetOrAdd(name, n => FindCallsNamed(n, cancellationToken));

    private List<IInvocationOperation> FindCallsNamed(string name, CancellationToken cancellationToken)
    {
        var found = new List<IInvocationOperation>();
        foreach (var (_, simple) in SimpleNamesAt(name, cancellationToken))
        {
            SyntaxNode node = simple.Parent is MemberAccessExpressionSyntax access && access.Name == simple ? access : simple;
            if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node
                && OperationOf(invocation, cancellationToken) is IInvocationOperation call && call.TargetMethod.Name == name)
            {
                found.Add(call);
            }
        }
        return found;
    }

    /// <summary>
    /// The source's <c>new</c> expressions that name a type of this name (<c>new HealthCheckResult(…)</c>,
    /// qualified or not); target-typed <c>new(…)</c> does not name it and is not found.
    /// </summary>
    public IReadOnlyList<IObjectCreationOperation> CreationsNamed(string typeName, CancellationToken cancellationToken) =>
        _creationsNamed.GetOrAdd(typeName, n => FindCreationsNamed(n, cancellationToken));

    private List<IObjectCreationOperation> FindCreationsNamed(string typeName, CancellationToken cancellationToken)
    {
        var found = new List<IObjectCreationOperation>();
        foreach (var (_, simple) in SimpleNamesAt(typeName, cancellationToken))
        {
            SyntaxNode node = simple.Parent is QualifiedNameSyntax qualified && qualified.Right == simple ? qualified : simple;
            if (node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node
                && OperationOf(creation, cancellationToken) is IObjectCreationOperation created)
            {
                found.Add(created);
            }
        }
        return found;
    }

    /// <summary>
    /// The source's classes, records and structs that name this type as their base or as an interface they
    /// implement (<c>record Underage(int Age) : EnrolmentRefusal</c>, <c>record GetBills(…) : IRequest&lt;Bills&gt;</c>):
    /// the cases a value typed as an abstract union base or a constrained type parameter may be. Found from
    /// the name's occurrences in base lists.
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> DirectlyDerivedTypes(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        _derived.GetOrAdd(type.OriginalDefinition, t => FindDerivedTypes(t, cancellationToken));

    private List<INamedTypeSymbol> FindDerivedTypes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var found = new List<INamedTypeSymbol>();
        foreach (var (tree, name) in SimpleNamesAt(type.Name, cancellationToken))
        {
            // pb::IMessage<Order>, as protoc's C# output spells its interfaces, is an alias-qualified name.
            SyntaxNode node = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? qualified
                : name.Parent is AliasQualifiedNameSyntax aliased && aliased.Name == name ? aliased
                : name;
            if (node.Parent is BaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax declaration } }
                && ModelOf(tree).GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol derived
                && (SymbolEqualityComparer.Default.Equals(derived.BaseType?.OriginalDefinition, type)
                    || derived.Interfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, type)))
                && !found.Contains(derived, SymbolEqualityComparer.Default))
            {
                found.Add(derived);
            }
        }
        return found;
    }

    /// <summary>The simple names in the source that spell <paramref name="name"/> (not its occurrences in comments or strings).</summary>
    private IEnumerable<(SyntaxTree Tree, SimpleNameSyntax Name)> SimpleNamesAt(string name, CancellationToken cancellationToken)
    {
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = words.Tree(treeIndex);
            var token = tree.GetRoot(cancellationToken).FindToken(at);
            if (token.Span.Start == at && token.Parent is SimpleNameSyntax simple)
            {
                yield return (tree, simple);
            }
        }
    }

    private List<IMethodSymbol> FindImplementations(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<IMethodSymbol>();
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find(method.Name, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = words.Tree(treeIndex);
            var token = tree.GetRoot(cancellationToken).FindToken(at);
            if (token.Span.Start != at || token.ValueText != method.Name || token.Parent is not MethodDeclarationSyntax declaration || declaration.Identifier != token)
            {
                continue;
            }
            var model = ModelOf(tree);
            if (model.GetDeclaredSymbol(declaration, cancellationToken) is { } candidate && Implements(candidate, method) && !found.Contains(candidate, SymbolEqualityComparer.Default))
            {
                found.Add(candidate);
            }
        }
        return found;
    }

    private static bool Implements(IMethodSymbol candidate, IMethodSymbol method)
    {
        if (method.ContainingType.TypeKind != TypeKind.Interface)
        {
            for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                {
                    return true;
                }
            }
            return false;
        }
        var type = candidate.ContainingType;
        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, method.ContainingType.OriginalDefinition))
            {
                continue;
            }
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol constructed && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, method)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(constructed)?.OriginalDefinition, candidate.OriginalDefinition))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private List<IOperation> FindWrites(ISymbol member, CancellationToken cancellationToken)
    {
        var writes = new List<IOperation>();
        // A member only its own type can write: other writes of the name are not bound.
        var declarations = WrittenOnlyByItsType(member) && member.ContainingType is { } owner
            ? owner.DeclaringSyntaxReferences
            : default;
        foreach (var node in NodesNaming(member.Name, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!declarations.IsDefault && !declarations.Any(d => d.SyntaxTree == node.SyntaxTree && d.Span.Contains(node.Span)))
            {
                continue;
            }
            switch (OperationOf(node, cancellationToken))
            {
                case IAssignmentOperation assignment when Refers(assignment.Target, member):
                    writes.Add(assignment.Value);
                    break;
                case ISymbolInitializerOperation initializer when (initializer, member.OriginalDefinition) switch
                {
                    (IFieldInitializerOperation field, IFieldSymbol initialized) => field.InitializedFields.Contains(initialized, SymbolEqualityComparer.Default),
                    (IPropertyInitializerOperation properties, IPropertySymbol initialized) => properties.InitializedProperties.Contains(initialized, SymbolEqualityComparer.Default),
                    _ => false,
                }:
                    writes.Add(initializer.Value);
                    break;
                case IDeconstructionAssignmentOperation { Target: ITupleOperation targets } deconstruction:
                    for (var i = 0; i < targets.Elements.Length; i++)
                    {
                        if (Refers(targets.Elements[i], member))
                        {
                            // (a, b) = (x, y) writes x into a; (a, b) = pair writes a part of pair.
                            writes.Add(OperationTree.Unwrap(deconstruction.Value) is ITupleOperation { Elements.Length: var count } values && count == targets.Elements.Length
                                ? values.Elements[i]
                                : deconstruction.Value);
                        }
                    }
                    break;
                case IInvocationOperation { Instance: { } receiver } mutation when Refers(receiver, member):
                    foreach (var argument in mutation.Arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            writes.Add(argument.Value);
                        }
                    }
                    break;
            }
        }
        // A positional record member receives the constructor argument of the same name.
        if (member is IPropertySymbol { ContainingType: { IsRecord: true } record } property && IsDeclaredByParameter(property))
        {
            AddCreationArguments(record, property.Name, writes, cancellationToken);
        }
        // A class's primary-constructor parameter, captured by its members, holds what each creation passes.
        if (member is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } primary
            && IsPrimaryConstructor(constructor))
        {
            AddCreationArguments(constructor.ContainingType, primary.Name, writes, cancellationToken);
        }
        return writes;
    }

    /// <summary>
    /// The arguments creations of <paramref name="type"/> pass for the constructor parameter named
    /// <paramref name="parameterName"/>: <c>new T(…)</c> and target-typed <c>new(…)</c>.
    /// </summary>
    private void AddCreationArguments(INamedTypeSymbol type, string parameterName, List<IOperation> writes, CancellationToken cancellationToken)
    {
        foreach (var creations in new[] { NodesNaming(type.Name, cancellationToken), NodesNaming(ImplicitCreation, cancellationToken, implicitCreations: true) })
        {
            foreach (var node in creations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (OperationOf(node, cancellationToken) is not IObjectCreationOperation creation
                    || !SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, type.OriginalDefinition))
                {
                    continue;
                }
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && string.Equals(parameter.Name, parameterName, StringComparison.Ordinal) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        writes.Add(argument.Value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether only code inside the member's type can store into it: a private member, or a string or
    /// value-typed field that is read-only or property whose setter is private or absent. A member of
    /// a mutable type (a list, a builder) is not: code anywhere can fill what it holds.
    /// </summary>
    private static bool WrittenOnlyByItsType(ISymbol member)
    {
        if (member.DeclaredAccessibility == Accessibility.Private)
        {
            return true;
        }
        return member switch
        {
            IFieldSymbol field => field.IsReadOnly && HoldsImmutableValue(field.Type),
            IPropertySymbol property => !IsDeclaredByParameter(property)
                && property.SetMethod is null or { DeclaredAccessibility: Accessibility.Private }
                && HoldsImmutableValue(property.Type),
            _ => false,
        };
    }

    // Strings, enums and the System value types (numbers, Guid, DateTime and their nullable forms).
    private static bool HoldsImmutableValue(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Enum
        || (type.IsValueType && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });

    /// <summary>A record's positional member: the property its parameter list declares.</summary>
    public static bool IsDeclaredByParameter(ISymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ParameterSyntax);

    /// <summary>The constructor declared by a type's parameter list (<c>class Visit(string patientId)</c>).</summary>
    public static bool IsPrimaryConstructor(IMethodSymbol constructor) =>
        constructor.MethodKind == MethodKind.Constructor
        && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null });

    private static bool Refers(IOperation target, ISymbol member)
    {
        var unwrapped = OperationTree.Unwrap(target);
        if (unwrapped is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed })
        {
            // _tags["patient"] = id writes into the collection held by the member.
            unwrapped = OperationTree.Unwrap(indexed);
        }
        return unwrapped is IMemberReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, member);
    }

    /// <summary>
    /// The writes and creations that name <paramref name="name"/>: assignments to it, mutator calls on
    /// it, creations of a type of that name (or, with <paramref name="implicitCreations"/>, target-typed
    /// creations). Found from the name's occurrences, so only their ancestors are visited.
    /// </summary>
    private IReadOnlyList<SyntaxNode> NodesNaming(string name, CancellationToken cancellationToken, bool implicitCreations = false)
    {
        var key = implicitCreations ? ImplicitCreationKey : name;
        if (_byName.TryGetValue(key, out var known))
        {
            return known;
        }
        var nodes = new List<SyntaxNode>();
        var words = _words.Value;
        foreach (var (treeIndex, at) in words.Find(name, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = words.Tree(treeIndex).GetRoot(cancellationToken).FindToken(at);
            if (token.Span.End != at + name.Length || token.Span.Start > at)
            {
                // In a comment, a string or other trivia.
                continue;
            }
            if (Naming(token, name, implicitCreations) is { } node && !nodes.Contains(node))
            {
                nodes.Add(node);
            }
        }
        // A cancelled search throws above and is not remembered.
        return _byName.GetOrAdd(key, nodes);
    }

    /// <summary>The write or creation in which this occurrence of the name is the target, the receiver or the type.</summary>
    private static SyntaxNode? Naming(SyntaxToken token, string name, bool forImplicitCreation)
    {
        if (forImplicitCreation)
        {
            return token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } implicitCreation
                && !implicitCreation.ArgumentList.Arguments.All(a => IsLiteral(a.Expression))
                ? implicitCreation
                : null;
        }
        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name)
        {
            return null;
        }
        // A field's or property's initializer is its first write (static readonly Func<Member, string> Contact = m => m.Email).
        switch (token.Parent)
        {
            case VariableDeclaratorSyntax { Initializer: { } fieldInitializer, Parent.Parent: FieldDeclarationSyntax } declarator when declarator.Identifier == token:
                return IsLiteral(fieldInitializer.Value) ? null : fieldInitializer;
            case PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property when property.Identifier == token:
                return IsLiteral(propertyInitializer.Value) ? null : propertyInitializer;
        }
        // (_lastMeter, _lastRegion) = (reading.MeterSerial, …): an element of a deconstructing assignment's target.
        SyntaxNode? element = token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self } named && self.Name == named
            ? self
            : token.Parent;
        if (element?.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax deconstruction } tuple }
            && deconstruction.Left == tuple && !IsLiteral(deconstruction.Right))
        {
            return deconstruction;
        }
        for (var node = token.Parent; node is ExpressionSyntax; node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left.Span.Contains(token.Span):
                    return TargetName(assignment.Left) == name && !IsLiteral(assignment.Right) ? assignment : null;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call when access.Expression.Span.Contains(token.Span):
                    return MutatorNames.Contains(access.Name.Identifier.ValueText) && TargetName(access.Expression) == name
                        && !call.ArgumentList.Arguments.All(a => IsLiteral(a.Expression)) ? call : null;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation when creation.Type.Span.Contains(token.Span):
                    return TypeName(creation.Type) == name && !creation.ArgumentList.Arguments.All(a => IsLiteral(a.Expression)) ? creation : null;
            }
        }
        return null;
    }

    /// <summary>
    /// A value written as a literal (<c>Id = 1</c>, <c>Name = "Azure"</c>, <c>null</c>, <c>-1</c>) stores
    /// no identifier: such writes, which seed data has by the hundred, are dismissed before binding.
    /// </summary>
    private static bool IsLiteral(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax => true,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } => true,
        ParenthesizedExpressionSyntax parenthesized => IsLiteral(parenthesized.Expression),
        _ => false,
    };

    /// <summary>
    /// The text of the trees a team writes (generated trees are left out), searched for a name when
    /// a rule first asks about it. A code base has hundreds of thousands of words and its rules ask
    /// about a few dozen names, so an ordinal search per name (vectorised by the runtime) costs less
    /// than indexing every word, and allocates nothing. Occurrences in comments and strings are
    /// found too, and dismissed when their token is looked at.
    /// </summary>
    private sealed class Words
    {
        private readonly SyntaxTree[] _trees;
        private readonly string[] _texts;

        private Words(SyntaxTree[] trees, string[] texts)
        {
            _trees = trees;
            _texts = texts;
        }

        public SyntaxTree Tree(int index) => _trees[index];

        /// <summary>The places (tree, offset) where <paramref name="name"/> occurs as a whole word.</summary>
        public List<(int Tree, int At)> Find(string name, CancellationToken cancellationToken)
        {
            var found = new List<(int, int)>();
            for (var tree = 0; tree < _texts.Length; tree++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = _texts[tree];
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                {
                    var end = at + name.Length;
                    if ((at == 0 || !IsWordPart(text[at - 1])) && (end == text.Length || !IsWordPart(text[end])))
                    {
                        found.Add((tree, at));
                    }
                }
            }
            return found;
        }

        public static Words Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = new List<SyntaxTree>();
            var texts = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (IsGenerated(tree, cancellationToken))
                {
                    // Generated code (ours and other generators') is not where a team stores an identifier,
                    // and the upstream registry alone is thousands of generated lines.
                    continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                trees.Add(tree);
                // The text a file was parsed from already is one string: this does not copy it.
                texts.Add(tree.GetText(cancellationToken).ToString());
            }
            return new Words(trees.ToArray(), texts.ToArray());
        }

        private static bool IsWordPart(char c) => c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c);
    }

    private static bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var path = tree.FilePath;
        if (path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return GeneratedConstants.IsGeneratedFile(tree, cancellationToken);
    }

    private static string? TargetName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        ElementAccessExpressionSyntax element => TargetName(element.Expression),
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}
