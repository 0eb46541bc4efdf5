using System.Collections.Generic;
using Microsoft.CodeAnalysis;
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
        var stack = new Stack<IOperation>();
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
