using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation.Results;

// Stand-ins for FluentValidation with its real names and shapes. A failure carries the property's
// name, the value that was attempted and the message its rule produced: the rule's default message
// names the property only ("'Email' is not a valid email address."); a WithMessage callback writes
// whatever the validator builds. ValidationException's message lists every failure's message.

namespace FluentValidation.Results
{
    public enum Severity
    {
        Error,
        Warning,
        Info,
    }

    public class ValidationFailure
    {
        public ValidationFailure(string propertyName, string errorMessage, object? attemptedValue = null)
        {
            PropertyName = propertyName;
            ErrorMessage = errorMessage;
            AttemptedValue = attemptedValue;
        }

        public string PropertyName { get; set; }

        public string ErrorMessage { get; set; }

        public object? AttemptedValue { get; set; }

        public string ErrorCode { get; set; } = string.Empty;

        public Severity Severity { get; set; } = Severity.Error;

        public override string ToString() => ErrorMessage;
    }

    public class ValidationResult
    {
        public ValidationResult()
        {
        }

        public ValidationResult(IEnumerable<ValidationFailure> failures) => Errors = failures.ToList();

        public List<ValidationFailure> Errors { get; } = new();

        public bool IsValid => Errors.Count == 0;

        public IDictionary<string, string[]> ToDictionary() =>
            Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

        public override string ToString() => string.Join(Environment.NewLine, Errors.Select(e => e.ErrorMessage));
    }
}

namespace FluentValidation
{
    public interface IValidator<in T>
    {
        ValidationResult Validate(T instance);

        Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default);
    }

    public interface IRuleBuilder<T, out TProperty>;

    public interface IRuleBuilderInitial<T, out TProperty> : IRuleBuilder<T, TProperty>;

    public interface IRuleBuilderOptions<T, out TProperty> : IRuleBuilder<T, TProperty>;

    public abstract class AbstractValidator<T> : IValidator<T>
    {
        public virtual ValidationResult Validate(T instance) => new();

        public virtual Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default) => Task.FromResult(Validate(instance));

        protected IRuleBuilderInitial<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => new RuleBuilder<TProperty>();

        private sealed class RuleBuilder<TProperty> : IRuleBuilderInitial<T, TProperty>, IRuleBuilderOptions<T, TProperty>;
    }

    public static class DefaultValidatorExtensions
    {
        public static IRuleBuilderOptions<T, TProperty> NotEmpty<T, TProperty>(this IRuleBuilder<T, TProperty> rule) => (IRuleBuilderOptions<T, TProperty>)rule;

        public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule) => (IRuleBuilderOptions<T, string?>)rule;

        public static IRuleBuilderOptions<T, string?> Matches<T>(this IRuleBuilder<T, string?> rule, string expression) => (IRuleBuilderOptions<T, string?>)rule;

        public static IRuleBuilderOptions<T, string?> MaximumLength<T>(this IRuleBuilder<T, string?> rule, int maximumLength) => (IRuleBuilderOptions<T, string?>)rule;

        public static IRuleBuilderOptions<T, TProperty> Must<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, bool> predicate) => (IRuleBuilderOptions<T, TProperty>)rule;

        public static IRuleBuilderOptions<T, TProperty> InclusiveBetween<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty from, TProperty to)
            where TProperty : IComparable<TProperty>, IComparable => (IRuleBuilderOptions<T, TProperty>)rule;

        public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string errorMessage) => rule;

        public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, string> messageProvider) => rule;

        public static IRuleBuilderOptions<T, TProperty> WithErrorCode<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string errorCode) => rule;
    }

    public static class ValidatorExtensions
    {
        public static async Task ValidateAndThrowAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken = default)
        {
            var result = await validator.ValidateAsync(instance, cancellationToken);
            if (!result.IsValid)
            {
                throw new ValidationException(result.Errors);
            }
        }
    }

    public class ValidationException : Exception
    {
        public ValidationException(IEnumerable<ValidationFailure> errors)
            : this(errors.ToList())
        {
        }

        private ValidationException(List<ValidationFailure> errors)
            : base("Validation failed: " + string.Concat(errors.Select(e => $"{Environment.NewLine} -- {e.PropertyName}: {e.ErrorMessage} Severity: {e.Severity}")))
        {
            Errors = errors;
        }

        public IEnumerable<ValidationFailure> Errors { get; }
    }
}
