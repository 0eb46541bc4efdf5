using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a variable read where a test has already narrowed it to the code's own constants.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// A local or parameter read where the code has already tested it against its own constants:
    /// inside <c>if (keyword is "HELP" or "INFO")</c>, <c>if (OptOut.Contains(keyword))</c> of a set
    /// written as constants, a <c>case "STOP" or "START":</c> of a switch on it, or the true arm of
    /// <c>Help.Contains(first) ? first : null</c>. Whatever the variable was given (a person's reply
    /// text), there it can only be one of those constants.
    /// </summary>
    private static bool IsNarrowedToConstants(IOperation read, ISymbol variable)
    {
        var child = read;
        for (var around = read.Parent; around is not null; child = around, around = around.Parent)
        {
            switch (around)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    if (Narrows(conditional.Condition, variable))
                    {
                        return true;
                    }
                    break;
                case ISwitchCaseOperation section when section.Parent is ISwitchOperation { Value: { } switched }
                    && Refers(switched, variable) && section.Body.Contains(child)
                    && section.Clauses.Length > 0 && section.Clauses.All(IsConstantClause):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation:
                    // A lambda may run when the test no longer holds; the method's body ends the search.
                    return false;
            }
        }
        return false;
    }

    private static bool IsConstantClause(ICaseClauseOperation clause) => clause switch
    {
        ISingleValueCaseClauseOperation single => single.Value.ConstantValue is { HasValue: true, Value: not null },
        IPatternCaseClauseOperation { Guard: null } patterned => PatternIsConstants(patterned.Pattern),
        _ => false,
    };

    /// <summary>Whether a condition holds only when <paramref name="variable"/> equals one of the code's constants.</summary>
    private static bool Narrows(IOperation condition, ISymbol variable)
    {
        switch (OperationTree.Unwrap(condition))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return Narrows(both.LeftOperand, variable) || Narrows(both.RightOperand, variable);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                return Narrows(either.LeftOperand, variable) && Narrows(either.RightOperand, variable);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return (Refers(equals.LeftOperand, variable) && IsNonNullConstant(equals.RightOperand))
                    || (Refers(equals.RightOperand, variable) && IsNonNullConstant(equals.LeftOperand));
            case IIsPatternOperation tested when Refers(tested.Value, variable):
                return PatternIsConstants(tested.Pattern);
            case IInvocationOperation { TargetMethod.Name: "Contains" } contains:
                // OptOut.Contains(keyword), Enumerable.Contains(Known, keyword): a set the code wrote out.
                var (set, item) = contains.Instance is { } instance
                    ? (instance, contains.Arguments.FirstOrDefault()?.Value)
                    : (contains.Arguments.FirstOrDefault()?.Value, contains.Arguments.Skip(1).FirstOrDefault()?.Value);
                return set is not null && item is not null && Refers(item, variable) && IsConstantSet(set);
            case IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } self, Arguments.Length: >= 1 } equalsCall:
                return Refers(self, variable) && IsNonNullConstant(equalsCall.Arguments[0].Value);
            default:
                return false;
        }
    }

    private static bool PatternIsConstants(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => IsNonNullConstant(constant.Value),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => PatternIsConstants(either.LeftPattern) && PatternIsConstants(either.RightPattern),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both => PatternIsConstants(both.LeftPattern) || PatternIsConstants(both.RightPattern),
        _ => false,
    };

    private static bool IsNonNullConstant(IOperation value) => OperationTree.Unwrap(value).ConstantValue is { HasValue: true, Value: not null };

    private static bool Refers(IOperation operation, ISymbol variable) =>
        SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(operation)), variable);

    /// <summary>
    /// A collection whose every element is a constant the code wrote: an array or collection expression of
    /// literals, or a static read-only field (or a local) initialised with one.
    /// </summary>
    private static bool IsConstantSet(IOperation set)
    {
        var operation = OperationTree.Unwrap(set);
        if (operation is IFieldReferenceOperation { Field: { IsReadOnly: true } field })
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial })
                {
                    return IsConstantCollectionSyntax(initial);
                }
            }
            return false;
        }
        if (operation is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            return writes.Count == 1 && writes[0].Element < 0 && IsConstantCollection(OperationTree.Unwrap(writes[0].Value));
        }
        return IsConstantCollection(operation);
    }

    private static bool IsConstantCollection(IOperation operation) =>
        operation switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.All(IsNonNullConstant),
            IObjectCreationOperation { Initializer: { Initializers.Length: > 0 } initializer } =>
                initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 } add && IsNonNullConstant(add.Arguments[0].Value)),
            _ => false,
        };

    /// <summary>The same test on the syntax of a field's initializer, which has no operation of its own here.</summary>
    private static bool IsConstantCollectionSyntax(ExpressionSyntax initial)
    {
        var elements = initial switch
        {
            ObjectCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ImplicitObjectCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            InitializerExpressionSyntax init => init.Expressions,
            _ => default(SeparatedSyntaxList<ExpressionSyntax>?),
        };
        if (elements is not { Count: > 0 } list)
        {
            // A collection expression (["STOP", "END"]) has its elements one level down.
            return initial is CollectionExpressionSyntax collection && collection.Elements.Count > 0
                && collection.Elements.All(e => e is ExpressionElementSyntax { Expression: LiteralExpressionSyntax });
        }
        return list.All(e => e is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.NullLiteralExpression));
    }
}
