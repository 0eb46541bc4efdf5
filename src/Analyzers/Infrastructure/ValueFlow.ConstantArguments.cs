using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a method that chooses what to return by a constant it is given
// (IFormattable's ToString("L4", …), a Describe(level: "short")), judged by the branch that constant
// chooses at each call rather than by every branch.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// The returned expression that a call's constant argument selects, when the method returns one
    /// expression that is a choice on that parameter (<c>format == "L4" ? masked : Value</c>,
    /// <c>format switch { "S" =&gt; masked, _ =&gt; Value }</c>); null when the call or the method has no such choice.
    /// </summary>
    private IOperation? ChosenByConstant(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken) =>
        invocation.Arguments.All(a => !a.Value.ConstantValue.HasValue)
            ? null
            : ChosenByConstant(invocation.TargetMethod, p => ConstantArgument(invocation, p), cancellationToken);

    /// <summary>
    /// A value of a type of the source that implements <c>IFormattable</c>, printed into text with a
    /// format (<c>{card:L4}</c>) or without one: what its <c>ToString(format, provider)</c> returns for
    /// that format (an interpolated string or a log message asks an <c>IFormattable</c> for it with a null
    /// format when none is written). Null when the type has no such method of a single choice.
    /// </summary>
    private FlowResult? FormattedValue(IOperation value, string? format, Frame frame, int depth)
    {
        if (OperationTree.Unwrap(value).Type is not INamedTypeSymbol type || type.DeclaringSyntaxReferences.IsEmpty
            || !type.AllInterfaces.Any(i => i.Name == "IFormattable" && i.ContainingNamespace?.Name == "System")
            || type.GetMembers("ToString").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 2 && m.Parameters[0].Type.SpecialType == SpecialType.System_String) is not { } toString
            || ChosenByConstant(toString, p => p.Ordinal == 0 ? new Optional<object?>(format) : default, frame.CancellationToken) is not { } chosen)
        {
            return null;
        }
        var printed = Evaluate(chosen, frame, depth + 1);
        // What the chosen branch reads of the instance is what this value holds.
        var result = printed.Identifier is { } identifier
            ? new FlowResult(new IdentifierFinding($"{Describe(value)} (formatted as {identifier.Origin})", identifier.Domain, value), printed.Hash, proven: false, printed.Sanitized)
            : new FlowResult(null, printed.Hash, printed.Proven, printed.Sanitized);
        if (printed.Parameters.Any(p => p.IsThis || p.Ordinal < 0))
        {
            result = FlowResult.Combine(result, Evaluate(value, frame, depth + 1));
        }
        return result;
    }

    private IOperation? ChosenByConstant(IMethodSymbol target, System.Func<IParameterSymbol, Optional<object?>> constantOf, System.Threading.CancellationToken cancellationToken)
    {
        var method = target.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax is not MethodDeclarationSyntax declaration || _index.OperationOf(declaration, cancellationToken) is not IMethodBodyOperation body)
        {
            return null;
        }
        var returned = body.ExpressionBody?.Operations.OfType<IReturnOperation>().FirstOrDefault()?.ReturnedValue
            ?? (body.BlockBody?.Operations is { Length: 1 } only && only[0] is IReturnOperation single ? single.ReturnedValue : null);
        if (returned is null)
        {
            return null;
        }
        var choice = OperationTree.Unwrap(returned);
        switch (choice)
        {
            case IConditionalOperation { Condition: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test, WhenFalse: { } whenFalse } conditional
                when ComparedConstant(test, constantOf) is { } equal:
                return (equal == (test.OperatorKind == BinaryOperatorKind.Equals)) ? conditional.WhenTrue : whenFalse;
            case ISwitchExpressionOperation { Value: var switched } cases
                when OperationTree.Unwrap(switched) is IParameterReferenceOperation parameter && constantOf(parameter.Parameter) is { HasValue: true } given:
                foreach (var arm in cases.Arms)
                {
                    if (arm.Guard is not null)
                    {
                        return null;
                    }
                    switch (arm.Pattern)
                    {
                        case IConstantPatternOperation { Value.ConstantValue: { HasValue: true } constant } when Equals(constant.Value, given.Value):
                        case IDiscardPatternOperation:
                            return arm.Value;
                        case IConstantPatternOperation:
                            continue;
                        default:
                            return null;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether <c>parameter == constant</c> holds for the call's constant argument; null when the test is not of that shape.</summary>
    private static bool? ComparedConstant(IBinaryOperation test, System.Func<IParameterSymbol, Optional<object?>> constantOf)
    {
        var (left, right) = (OperationTree.Unwrap(test.LeftOperand), OperationTree.Unwrap(test.RightOperand));
        var (parameter, constant) = left is IParameterReferenceOperation p ? (p, right) : right is IParameterReferenceOperation q ? (q, left) : (null, left);
        if (parameter is null || !constant.ConstantValue.HasValue || constantOf(parameter.Parameter) is not { HasValue: true } given)
        {
            return null;
        }
        return Equals(constant.ConstantValue.Value, given.Value);
    }

    private static Optional<object?> ConstantArgument(IInvocationOperation invocation, IParameterSymbol parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal && a.ArgumentKind != ArgumentKind.DefaultValue) is { } argument
            ? argument.Value.ConstantValue
            : default;
}
