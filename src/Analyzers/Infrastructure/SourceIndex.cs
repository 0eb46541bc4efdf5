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
/// Where the compilation's source writes each member, found once per compilation: every
/// assignment (including object and <c>with</c> initializers), every mutation of a collection or
/// builder held in a field or property (<c>_pending.Add(x)</c>, <c>_builder.Append(x)</c>) and every
/// positional record construction and every argument for a class's captured primary-constructor
/// parameter. The syntax is indexed by member name first, so a member that
/// is never asked about costs no binding.
/// </summary>
internal sealed class SourceIndex
{
    private static readonly HashSet<string> MutatorNames = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "Enqueue", "Push", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin", "Set", "Post", "Write", "TryWrite", "AddOrUpdate", "GetOrAdd",
    };

    /// <summary>Target-typed <c>new(…)</c> names no type: they are indexed under a key no identifier can be.</summary>
    private const string ImplicitCreationKey = "new()";

    private readonly Compilation _compilation;
    private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _byName;
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxNode, IOperation?> _operations = new();

    public SourceIndex(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        // Shared by every rule of the compilation: one rule's cancellation must not be remembered as the
        // index's result for the others, so a failed build is not published.
        _byName = new Lazy<Dictionary<string, List<SyntaxNode>>>(() => Build(compilation, cancellationToken), LazyThreadSafetyMode.PublicationOnly);
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
        var model = _models.GetOrAdd(node.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
        return _operations.GetOrAdd(node, model.GetOperation(node, cancellationToken));
    }

    private List<IOperation> FindWrites(ISymbol member, CancellationToken cancellationToken)
    {
        var writes = new List<IOperation>();
        if (!_byName.Value.TryGetValue(member.Name, out var nodes))
        {
            nodes = new List<SyntaxNode>();
        }
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (OperationOf(node, cancellationToken))
            {
                case IAssignmentOperation assignment when Refers(assignment.Target, member):
                    writes.Add(assignment.Value);
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
        if (member is IPropertySymbol { ContainingType: { IsRecord: true } record } property)
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
        foreach (var key in new[] { type.Name, ImplicitCreationKey })
        {
            if (!_byName.Value.TryGetValue(key, out var creations))
            {
                continue;
            }
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

    private static Dictionary<string, List<SyntaxNode>> Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        void Add(string name, SyntaxNode node)
        {
            if (!index.TryGetValue(name, out var list))
            {
                index[name] = list = new List<SyntaxNode>();
            }
            list.Add(node);
        }
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (IsGenerated(tree, cancellationToken))
            {
                // Generated code (ours and other generators') is not where a team stores an identifier,
                // and the upstream registry alone is thousands of generated lines.
                continue;
            }
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when TargetName(assignment.Left) is { } name:
                        Add(name, assignment);
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                        when MutatorNames.Contains(access.Name.Identifier.ValueText) && TargetName(access.Expression) is { } receiver:
                        Add(receiver, call);
                        break;
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation when TypeName(creation.Type) is { } typeName:
                        Add(typeName, creation);
                        break;
                    case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation:
                        Add(ImplicitCreationKey, creation);
                        break;
                }
            }
        }
        return index;
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
