using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: the messages of a validation library's failures. A rule's message that
// quotes the value it checks (WithMessage(r => $"Student number {r.StudentNumber} is not valid"),
// "'{PropertyValue}' is not a valid NHS number") puts that value in every failure, in the result's
// ToString and ToDictionary, and in the message of the exception ValidateAndThrow throws.
internal sealed partial class ValueFlow
{
    private readonly ConcurrentDictionary<ITypeSymbol, IdentifierFinding?> _validationMessages = new(SymbolEqualityComparer.Default);

    /// <summary>FluentValidation's placeholder for the checked value in a message template.</summary>
    private const string PropertyValuePlaceholder = "{PropertyValue}";

    /// <summary>
    /// The identifier the source's validators quote in their messages for <paramref name="validated"/>,
    /// or null when every message of its rules names only the property or a fixed text.
    /// </summary>
    private IdentifierFinding? QuotedInValidationMessages(ITypeSymbol validated, Frame frame) =>
        _validationMessages.TryGetValue(validated, out var known)
            ? known
            : _validationMessages.GetOrAdd(validated, type => SearchValidationMessages(type, frame));

    private IdentifierFinding? SearchValidationMessages(ITypeSymbol validated, Frame frame)
    {
        foreach (var call in _index.CallsNamed("WithMessage", frame.CancellationToken))
        {
            if (SymbolEqualityComparer.Default.Equals(RuleValidatedType(call), validated) && QuotedBy(call, frame) is { } quoted)
            {
                return quoted;
            }
        }
        return null;
    }

    /// <summary>
    /// The type a rule-builder call works for: <c>T</c> of FluentValidation's extension methods
    /// (<c>WithMessage&lt;T, TProperty&gt;(this IRuleBuilderOptions&lt;T, TProperty&gt; rule, …)</c>), or of the
    /// generic builder an instance method is declared on.
    /// </summary>
    private static ITypeSymbol? RuleValidatedType(IInvocationOperation call) =>
        call.TargetMethod.IsExtensionMethod
            ? call.TargetMethod.TypeArguments.FirstOrDefault()
            : call.Instance is not null && call.TargetMethod.ContainingType is { IsGenericType: true } builder ? builder.TypeArguments[0] : null;

    /// <summary>The argument after the rule itself: the message of <c>WithMessage</c>, the code of <c>WithErrorCode</c>.</summary>
    private static IOperation? RuleArgument(IInvocationOperation call)
    {
        var position = call.TargetMethod.IsExtensionMethod ? 1 : 0;
        return call.Arguments.Length > position ? call.Arguments[position].Value : null;
    }

    /// <summary>The identifier a rule's <c>WithMessage</c> call puts in its message, or null when it quotes only the property or a fixed text.</summary>
    private IdentifierFinding? QuotedBy(IInvocationOperation withMessage, Frame frame)
    {
        if (RuleArgument(withMessage) is not { } message)
        {
            return null;
        }
        var callee = frame.For(_optionsFor(withMessage.Syntax.SyntaxTree));
        var unwrapped = OperationTree.Unwrap(message);
        if (unwrapped.ConstantValue is { HasValue: true, Value: string template })
        {
            return template.Contains(PropertyValuePlaceholder) ? RuleProperty(withMessage, callee.Options) : null;
        }
        if (AnonymousFunction(unwrapped) is { } provider)
        {
            // (command, value) => $"… {value}": the second parameter is the checked value.
            if (provider.Symbol.Parameters.Length == 2 && ReferencesParameter(provider.Body, provider.Symbol.Parameters[1])
                && RuleProperty(withMessage, callee.Options) is { } checkedValue)
            {
                return checkedValue;
            }
            return LambdaReturns(unwrapped, callee, 1).Identifier;
        }
        return null;
    }

    /// <summary>
    /// The rules a failure was picked by (<c>result.Errors.FirstOrDefault(e => e.ErrorCode == "GAMERTAG_TAKEN")</c>,
    /// <c>… e.PropertyName == nameof(Request.NewGamertag)</c>): the calls of each rule chain of
    /// <paramref name="validated"/> with that error code or for that property. Null when the failure was
    /// not picked so, or no rule of the source matches.
    /// </summary>
    private List<List<IInvocationOperation>>? PickedRules(IOperation failure, ITypeSymbol validated, Frame frame)
    {
        if (OperationTree.Unwrap(failure) is not ILocalReferenceOperation local || PickingTest(local) is not { } test)
        {
            return null;
        }
        var chains = new List<List<IInvocationOperation>>();
        var byCode = test.Member == "ErrorCode";
        foreach (var call in _index.CallsNamed(byCode ? "WithErrorCode" : "RuleFor", frame.CancellationToken))
        {
            var matches = byCode
                ? SymbolEqualityComparer.Default.Equals(RuleValidatedType(call), validated)
                  && RuleArgument(call) is { } code && OperationTree.Unwrap(code).ConstantValue is { HasValue: true, Value: string written } && written == test.Value
                : call.Arguments.Length > 0 && SelectedMember(OperationTree.Unwrap(call.Arguments[0].Value)) is { } member && member.Name == test.Value
                  && IsOrDerivesFrom(validated as INamedTypeSymbol, t => SymbolEqualityComparer.Default.Equals(t, member.ContainingType));
            if (matches)
            {
                chains.Add(RuleChain(call));
            }
        }
        return chains.Count > 0 ? chains : null;
    }

    /// <summary>Every call of the rule chain a call is part of, from its outermost call down to <c>RuleFor</c>.</summary>
    private static List<IInvocationOperation> RuleChain(IInvocationOperation call)
    {
        var outer = call;
        for (var step = 0; step < 16; step++)
        {
            var parent = outer.Parent is IConversionOperation conversion ? conversion.Parent : outer.Parent;
            if (parent is IInvocationOperation { Instance: { } instance } onIt && OperationTree.Unwrap(instance) == outer)
            {
                outer = onIt;
            }
            else if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension })
            {
                outer = extension;
            }
            else
            {
                break;
            }
        }
        var chain = new List<IInvocationOperation>();
        IOperation? current = outer;
        for (var step = 0; step < 16 && current is IInvocationOperation link; step++)
        {
            chain.Add(link);
            if (link.TargetMethod.Name is "RuleFor" or "RuleForEach")
            {
                break;
            }
            current = link.Instance is { } instance ? OperationTree.Unwrap(instance)
                : link.Arguments.Length > 0 ? OperationTree.Unwrap(link.Arguments[0].Value) : null;
        }
        return chain;
    }

    /// <summary>
    /// The test a failure local was picked by: <c>e.ErrorCode == "…"</c> or <c>e.PropertyName == "…"</c> (or
    /// <c>nameof(…)</c>) in the predicate of the <c>First</c>, <c>Single</c> or <c>Where</c> call that gave it.
    /// </summary>
    private static (string Member, string Value)? PickingTest(ILocalReferenceOperation local)
    {
        var writes = LocalWrites(local.Local, OperationTree.Root(local));
        if (writes.Count != 1)
        {
            return null;
        }
        for (var current = OperationTree.Unwrap(writes[0].Value) as IInvocationOperation; current is not null; current = ReceiverOf(current) as IInvocationOperation)
        {
            foreach (var argument in current.Arguments)
            {
                if (AnonymousFunction(OperationTree.Unwrap(argument.Value)) is not { } predicate)
                {
                    continue;
                }
                foreach (var comparison in OperationTree.Descendants(predicate.Body).OfType<IBinaryOperation>())
                {
                    if (comparison.OperatorKind != BinaryOperatorKind.Equals)
                    {
                        continue;
                    }
                    foreach (var (side, other) in new[] { (comparison.LeftOperand, comparison.RightOperand), (comparison.RightOperand, comparison.LeftOperand) })
                    {
                        if (OperationTree.Unwrap(side) is IPropertyReferenceOperation { Property: { Name: "ErrorCode" or "PropertyName", ContainingType.Name: "ValidationFailure" } read }
                            && OperationTree.Unwrap(other).ConstantValue is { HasValue: true, Value: string value })
                        {
                            return (read.Name, value);
                        }
                    }
                }
            }
        }
        return null;
    }

    /// <summary>
    /// What a failure picked by its rules quotes (<c>ErrorMessage</c>) or holds (<c>AttemptedValue</c>): null
    /// when it was not picked by a rule; otherwise the finding of those rules, or none.
    /// </summary>
    private FlowResult? PickedFailureValue(IPropertyReferenceOperation read, IOperation failure, ITypeSymbol validated, Frame frame)
    {
        if (PickedRules(failure, validated, frame) is not { } chains)
        {
            return null;
        }
        foreach (var chain in chains)
        {
            var finding = read.Property.Name == "AttemptedValue"
                ? RuleProperty(chain[chain.Count - 1], _optionsFor(chain[0].Syntax.SyntaxTree))
                : chain.Where(c => c.TargetMethod.Name == "WithMessage").Select(c => QuotedBy(c, frame)).FirstOrDefault(q => q is not null);
            if (finding is not null)
            {
                return Found(read, finding.Domain, read.Property.Name == "AttemptedValue"
                    ? $"{Describe(read)} (the value entered for {finding.Origin}, whose rule the failure was picked by)"
                    : $"{Describe(read)} (the message of the rule the failure was picked by, which quotes {finding.Origin})");
            }
        }
        return FlowResult.Safe;
    }

    private static bool ReferencesParameter(IOperation body, IParameterSymbol parameter) =>
        OperationTree.Descendants(body).OfType<IParameterReferenceOperation>().Any(p => SymbolEqualityComparer.Default.Equals(p.Parameter, parameter));

    /// <summary>
    /// The identifier member a rule checks: <c>RuleFor(c => c.NhsNumber)</c> at the start of the chain a
    /// <c>WithMessage</c> ends.
    /// </summary>
    private static IdentifierFinding? RuleProperty(IOperation rule, TelemetryOptions options)
    {
        var current = OperationTree.Unwrap(rule);
        for (var step = 0; step < 12 && current is IInvocationOperation call; step++)
        {
            if (call.TargetMethod.Name is "RuleFor" or "RuleForEach")
            {
                return call.Arguments.Length > 0 && SelectedMember(OperationTree.Unwrap(call.Arguments[0].Value)) is { } member
                    && IsIdentifierSymbol(member, options, out var domain)
                    ? new IdentifierFinding(member.Name, domain, call)
                    : null;
            }
            // rule.NotEmpty().Matches(…).WithMessage(…): extension calls take the builder as their first argument.
            current = call.Instance is { } instance ? OperationTree.Unwrap(instance)
                : call.Arguments.Length > 0 ? OperationTree.Unwrap(call.Arguments[0].Value) : null;
        }
        return null;
    }

    /// <summary>
    /// <c>failure.ErrorMessage</c> of a validation's failures, and the result or exception of a
    /// validation sent whole or as text (<c>result.ToString()</c>, <c>result.ToDictionary()</c>,
    /// <c>result.Errors</c>, <c>ex.Errors</c>): what the validators' messages quote. Null for other values.
    /// </summary>
    private FlowResult? ValidationMessageValue(IOperation value, Frame frame)
    {
        ITypeSymbol? validated = null;
        switch (value)
        {
            case IPropertyReferenceOperation { Property: { Name: "ErrorMessage", ContainingType.Name: "ValidationFailure" }, Instance: { } failure } read:
                validated = ValidatedTypeOfFailure(read, failure);
                if (validated is not null && PickedFailureValue(read, failure, validated, frame) is { } picked)
                {
                    return picked;
                }
                break;
            case IPropertyReferenceOperation { Property: { Name: "AttemptedValue", ContainingType.Name: "ValidationFailure" }, Instance: { } attempt } attempted:
                // The value a person entered for the rule the failure was picked by; otherwise judged as any failure's.
                return ValidatedTypeOfFailure(attempted, attempt) is { } checkedType ? PickedFailureValue(attempted, attempt, checkedType, frame) : null;
            case IPropertyReferenceOperation { Property: { Name: "Errors", ContainingType.Name: "ValidationResult" or "ValidationException" }, Instance: { } result }:
                validated = ValidatedType(result);
                break;
            case IInvocationOperation { TargetMethod.Name: "ToString" or "ToDictionary", Instance: { } result } when result.Type?.Name == "ValidationResult":
                validated = ValidatedType(result);
                break;
        }
        return validated is not null && QuotedInValidationMessages(validated, frame) is { } quoted
            ? Found(value, quoted.Domain, $"{Describe(value)} (a validation message of {validated.Name}, which quotes {quoted.Origin})")
            : null;
    }

    /// <summary>
    /// <c>ValidateAndThrow(command)</c> inside a <c>try</c>: the <c>ValidationException</c> it throws lists
    /// every failure's message in its own.
    /// </summary>
    private FlowResult? ThrownByValidation(IInvocationOperation call, ITypeSymbol caught, Frame frame)
    {
        if (call.TargetMethod.Name is not ("ValidateAndThrow" or "ValidateAndThrowAsync") || ValidatedBy(call) is not { } validated
            || !CanCatchValidationException(caught))
        {
            return null;
        }
        return QuotedInValidationMessages(validated, frame) is { } quoted
            ? new FlowResult(new IdentifierFinding($"the message of the ValidationException {call.TargetMethod.Name} throws for a {validated.Name}, which quotes {quoted.Origin}", quoted.Domain, call), null, proven: false)
            : null;
    }

    private static bool CanCatchValidationException(ITypeSymbol caught) =>
        caught.Name == "ValidationException" || caught is { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
