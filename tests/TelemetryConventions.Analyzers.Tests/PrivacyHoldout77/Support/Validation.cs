using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Fluentkit;

// The validation library the API projects use, in FluentValidation's shapes. What prints what:
// - A ValidationFailure prints its ErrorMessage; AttemptedValue is the value that was checked, as given.
// - The built-in messages name the property only ("'Email' must not be empty."); a WithMessage(...)
//   message is whatever the validator writes, the value included when it quotes it.
// - ErrorCode is the validator's name ("NotEmptyValidator") unless WithErrorCode sets the API's own.
// - ValidationResult.ToString() joins the messages; ToDictionary() maps property names to messages.
// - ValidationException's message is "Validation failed:" and " -- {PropertyName}: {ErrorMessage}" per failure.

public enum Severity
{
    Error,
    Warning,
    Info,
}

public class ValidationFailure(string propertyName, string errorMessage, object? attemptedValue = null)
{
    public string PropertyName { get; set; } = propertyName;

    public string ErrorMessage { get; set; } = errorMessage;

    public object? AttemptedValue { get; set; } = attemptedValue;

    public string? ErrorCode { get; set; }

    public Severity Severity { get; set; } = Severity.Error;

    public override string ToString() => ErrorMessage;
}

public class ValidationResult
{
    public ValidationResult()
    {
    }

    public ValidationResult(IEnumerable<ValidationFailure> failures) => Errors.AddRange(failures);

    public List<ValidationFailure> Errors { get; } = new();

    public bool IsValid => Errors.Count == 0;

    public override string ToString() => ToString(Environment.NewLine);

    public string ToString(string separator) => string.Join(separator, Errors.Select(e => e.ErrorMessage));

    public IDictionary<string, string[]> ToDictionary() =>
        Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
}

public class ValidationException(IEnumerable<ValidationFailure> errors)
    : Exception("Validation failed:" + string.Concat(errors.Select(e => $"{Environment.NewLine} -- {e.PropertyName}: {e.ErrorMessage} Severity: {e.Severity}")))
{
    public IReadOnlyList<ValidationFailure> Errors { get; } = errors.ToList();
}

public interface IValidator<T>
{
    ValidationResult Validate(T instance);

    Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default);
}

public interface IValidationRule<T>
{
    IEnumerable<ValidationFailure> Run(T instance);
}

public abstract class AbstractValidator<T> : IValidator<T>
{
    private readonly List<IValidationRule<T>> _rules = new();

    protected RuleBuilder<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression)
    {
        var name = expression.Body is MemberExpression member ? member.Member.Name : expression.ToString();
        var rule = new RuleBuilder<T, TProperty>(name, expression.Compile());
        _rules.Add(rule);
        return rule;
    }

    public ValidationResult Validate(T instance) => new(_rules.SelectMany(r => r.Run(instance)));

    public Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default) => Task.FromResult(Validate(instance));

    public void ValidateAndThrow(T instance)
    {
        var result = Validate(instance);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }
}

public sealed class RuleBuilder<T, TProperty>(string propertyName, Func<T, TProperty> read) : IValidationRule<T>
{
    private sealed class Check(Func<T, TProperty, bool> passes, string code, Func<T, string> message)
    {
        public Func<T, TProperty, bool> Passes { get; } = passes;

        public string Code { get; set; } = code;

        public Func<T, string> Message { get; set; } = message;
    }

    private readonly List<Check> _checks = new();

    public string PropertyName { get; private set; } = propertyName;

    private RuleBuilder<T, TProperty> Add(Func<T, TProperty, bool> passes, string code, string message)
    {
        _checks.Add(new Check(passes, code, _ => message.Replace("{PropertyName}", PropertyName)));
        return this;
    }

    public RuleBuilder<T, TProperty> NotEmpty() =>
        Add((_, v) => v is not null && !(v is string s && string.IsNullOrWhiteSpace(s)), "NotEmptyValidator", "'{PropertyName}' must not be empty.");

    public RuleBuilder<T, TProperty> MaximumLength(int max) =>
        Add((_, v) => v is not string s || s.Length <= max, "MaximumLengthValidator", $"The length of '{{PropertyName}}' must be {max} characters or fewer.");

    public RuleBuilder<T, TProperty> Matches(string pattern) =>
        Add((_, v) => v is not string s || Regex.IsMatch(s, pattern), "RegularExpressionValidator", "'{PropertyName}' is not in the correct format.");

    public RuleBuilder<T, TProperty> EmailAddress() =>
        Add((_, v) => v is not string s || s.Contains('@'), "EmailValidator", "'{PropertyName}' is not a valid email address.");

    public RuleBuilder<T, TProperty> Must(Func<TProperty, bool> predicate) =>
        Add((_, v) => predicate(v), "PredicateValidator", "The specified condition was not met for '{PropertyName}'.");

    public RuleBuilder<T, TProperty> Must(Func<T, TProperty, bool> predicate) =>
        Add(predicate, "PredicateValidator", "The specified condition was not met for '{PropertyName}'.");

    public RuleBuilder<T, TProperty> WithMessage(string message)
    {
        _checks[^1].Message = _ => message.Replace("{PropertyName}", PropertyName);
        return this;
    }

    public RuleBuilder<T, TProperty> WithMessage(Func<T, string> message)
    {
        _checks[^1].Message = message;
        return this;
    }

    public RuleBuilder<T, TProperty> WithErrorCode(string code)
    {
        _checks[^1].Code = code;
        return this;
    }

    public RuleBuilder<T, TProperty> WithName(string name)
    {
        PropertyName = name;
        return this;
    }

    public IEnumerable<ValidationFailure> Run(T instance)
    {
        var value = read(instance);
        foreach (var check in _checks)
        {
            if (!check.Passes(instance, value))
            {
                yield return new ValidationFailure(PropertyName, check.Message(instance), value) { ErrorCode = check.Code };
            }
        }
    }
}
