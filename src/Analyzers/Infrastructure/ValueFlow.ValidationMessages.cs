using System.Collections.Concurrent;
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
            // WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, …): T is the validated type.
            if (call.TargetMethod.TypeArguments.Length < 1 || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.TypeArguments[0], validated)
                || call.Arguments.Length < 2)
            {
                continue;
            }
            var callee = frame.For(_optionsFor(call.Syntax.SyntaxTree));
            var message = call.Arguments[1].Value;
            var unwrapped = OperationTree.Unwrap(message);
            if (unwrapped.ConstantValue is { HasValue: true, Value: string template })
            {
                if (template.Contains(PropertyValuePlaceholder) && RuleProperty(call.Arguments[0].Value, callee.Options) is { } quoted)
                {
                    return quoted;
                }
                continue;
            }
            if (AnonymousFunction(unwrapped) is { } provider)
            {
                // (command, value) => $"… {value}": the second parameter is the checked value.
                if (provider.Symbol.Parameters.Length == 2 && ReferencesParameter(provider.Body, provider.Symbol.Parameters[1])
                    && RuleProperty(call.Arguments[0].Value, callee.Options) is { } checkedValue)
                {
                    return checkedValue;
                }
                if (LambdaReturns(unwrapped, callee, 1).Identifier is { } built)
                {
                    return built;
                }
            }
        }
        return null;
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
                break;
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
