using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>Small walks over the operation tree of one method body.</summary>
internal static class OperationTree
{
    /// <summary>The expression under implicit and explicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { Operand: { } operand }:
                    operation = operand;
                    break;
                case IParenthesizedOperation { Operand: { } inner }:
                    operation = inner;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The value a local was given where it was declared (<c>var note = $"…"</c>), unwrapped; null for a
    /// local declared without one, or in several places.
    /// </summary>
    public static IOperation? DeclaredValue(ILocalReferenceOperation reference) =>
        reference.Local.DeclaringSyntaxReferences.Length == 1
        && reference.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial }
        && reference.SemanticModel?.GetOperation(initial) is { } initialized
            ? Unwrap(initialized)
            : null;

    /// <summary>Whether the body assigns the local anywhere (<c>note += comment</c>, <c>parts = …</c>), beyond its declaration.</summary>
    public static bool IsReassigned(ILocalReferenceOperation reference) =>
        Descendants(Root(reference)).Any(o => o is IAssignmentOperation { Target: ILocalReferenceOperation target }
            && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local));

    /// <summary>The body that holds the operation: the root of its operation tree.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }
        return operation;
    }

    /// <summary>Every operation below <paramref name="root"/>, depth first, without recursion.</summary>
    public static IEnumerable<IOperation> Descendants(IOperation root)
    {
        // Sized for a method body's usual depth and breadth: growing from empty showed up in profiles.
        var stack = new Stack<IOperation>(32);
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>
    /// The values a local receives in its method: its initializer and every plain assignment.
    /// A foreach variable receives the elements of its collection, given as the collection.
    /// </summary>
    public static List<IOperation> WritesOf(ILocalSymbol local, IOperation root)
    {
        var writes = new List<IOperation>();
        foreach (var operation in Descendants(root))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer?.Value is { } initial)
                    {
                        writes.Add(initial);
                    }
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    writes.Add(assignment.Value);
                    break;
                case IForEachLoopOperation loop when Declares(loop.LoopControlVariable, local):
                    writes.Add(loop.Collection);
                    break;
            }
        }
        return writes;
    }

    /// <summary>Every read or write of a local below <paramref name="root"/>.</summary>
    public static IEnumerable<ILocalReferenceOperation> ReferencesOf(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in Descendants(root))
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                yield return reference;
            }
        }
    }

    /// <summary>Whether the operation is the target that a plain assignment writes, not a read.</summary>
    public static bool IsWritten(IOperation operation) =>
        operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation;

    /// <summary>
    /// The lambda or local function whose body holds the operation, or null when it runs as part of
    /// the member itself. Code in a nested function runs when that function is called, not when the
    /// member is, so per-call reasoning stops at this boundary.
    /// </summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }
        return null;
    }

    /// <summary>
    /// The body of the innermost loop that runs the operation once per iteration, within the same
    /// function. A loop's collection, condition or initializer is not its body.
    /// </summary>
    public static IOperation? EnclosingLoopBody(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case ILoopOperation loop when loop.Body == child:
                    return child;
            }
        }
        return null;
    }

    private static bool Declares(IOperation? variable, ILocalSymbol local) => variable switch
    {
        IVariableDeclaratorOperation declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local),
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation reference } => SymbolEqualityComparer.Default.Equals(reference.Local, local),
        ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, local),
        _ => false,
    };

    /// <summary>The argument given for a parameter, when it was written (not a default value).</summary>
    public static IOperation? Argument(IEnumerable<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }
        return null;
    }
}
