using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a constructor-set member of an object whose creation is in sight.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// A member set by the constructor (a positional record's, or a primary constructor's parameter
    /// it is initialised with) read from a local whose one value is a creation in sight:
    /// <c>var statement = where.Build(…); statement.Text</c>, where <c>Build</c> returns
    /// <c>new SqlStatement(text.ToString(), args)</c>. It holds what that creation passed, not what
    /// every creation of the type in the compilation passes. Null when the creation is not in sight.
    /// </summary>
    private FlowResult? ConstructedInSight(IMemberReferenceOperation read, Frame frame, int depth)
    {
        // Collections and objects are followed through their elements and members elsewhere.
        if (read.Member is not IPropertySymbol property || !IsScalar(property.Type) || read.Instance is null
            || OperationTree.Unwrap(read.Instance) is not ILocalReferenceOperation holder
            || ConstructorParameterOf(property, frame) is not { } parameterName)
        {
            return null;
        }
        var root = OperationTree.Root(holder);
        var writes = LocalWrites(holder.Local, root);
        if (writes.Count != 1 || writes[0].Element >= 0 || writes[0].Value is IArgumentOperation || IsMemberWrittenIn(root, read, holder.Local))
        {
            return null;
        }
        switch (OperationTree.Unwrap(writes[0].Value))
        {
            case IObjectCreationOperation creation when PassedFor(creation, property.ContainingType, parameterName) is { } passed:
                return Rewrapped(Evaluate(passed, frame, depth + 1), read);
            case IInvocationOperation call when HasSource(call.TargetMethod) && !IsOverridable(call.TargetMethod) && !IsGenerated(call.TargetMethod):
                FlowResult? returned = null;
                foreach (var body in Bodies(call.TargetMethod, frame.CancellationToken))
                {
                    var calleeFrame = frame.For(_optionsFor(body.Syntax.SyntaxTree));
                    foreach (var value in ReturnedValues(body))
                    {
                        if (OperationTree.Unwrap(value) is not IObjectCreationOperation made || PassedFor(made, property.ContainingType, parameterName) is not { } passed)
                        {
                            // One return is not such a creation: what it holds is not in sight.
                            return null;
                        }
                        var given = Evaluate(passed, calleeFrame, depth + 1);
                        returned = returned is null ? given : FlowResult.Combine(returned, given);
                    }
                }
                return returned is null ? null : Rewrapped(CallSummary(call, returned, frame, depth), read);
            default:
                return null;
        }
    }

    /// <summary>
    /// The name of the constructor parameter a property takes its value from: a positional record's
    /// parameter, or a primary constructor's parameter it is initialised with (<c>{ get; } = text</c>).
    /// </summary>
    private string? ConstructorParameterOf(IPropertySymbol property, Frame frame)
    {
        if (property.SetMethod is { IsInitOnly: false } || property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }
        switch (property.DeclaringSyntaxReferences[0].GetSyntax(frame.CancellationToken))
        {
            case ParameterSyntax positional:
                return positional.Identifier.ValueText;
            case PropertyDeclarationSyntax { Initializer.Value: IdentifierNameSyntax initial, Parent: TypeDeclarationSyntax { ParameterList: { } primary } }
                when primary.Parameters.Any(p => p.Identifier.ValueText == initial.Identifier.ValueText):
                return initial.Identifier.ValueText;
            default:
                return null;
        }
    }

    /// <summary>The argument a creation of <paramref name="type"/> by its primary constructor gives the named parameter.</summary>
    private static IOperation? PassedFor(IObjectCreationOperation creation, INamedTypeSymbol type, string parameterName)
    {
        if (!SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, type.OriginalDefinition)
            || creation.Constructor is not { } constructor || !SourceIndex.IsPrimaryConstructor(constructor)
            || creation.Initializer is not null)
        {
            return null;
        }
        var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
        return argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
    }
}
