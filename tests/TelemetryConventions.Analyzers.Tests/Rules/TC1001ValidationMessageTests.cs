using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on the messages of a validation library's failures: a rule's message that quotes the value
/// it checks puts that value in every failure, result text and thrown exception of that type's validation.
/// </summary>
public class TC1001ValidationMessageTests
{
    private const string FluentValidationStandIn = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using FluentValidation;
        using FluentValidation.Results;

        namespace FluentValidation.Results
        {
            public class ValidationFailure
            {
                public string PropertyName { get; set; } = "";
                public string ErrorMessage { get; set; } = "";
                public string ErrorCode { get; set; } = "";
                public object? AttemptedValue { get; set; }
                public override string ToString() => ErrorMessage;
            }

            public class ValidationResult
            {
                public List<ValidationFailure> Errors { get; } = new();
                public bool IsValid => Errors.Count == 0;
                public override string ToString() => string.Join(Environment.NewLine, Errors.Select(e => e.ErrorMessage));
                public IDictionary<string, string[]> ToDictionary() => Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
            }
        }

        namespace FluentValidation
        {
            public interface IValidator<T>
            {
                Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default);
            }

            public interface IRuleBuilderOptions<T, TProperty> { }

            public abstract class AbstractValidator<T> : IValidator<T>
            {
                protected IRuleBuilderOptions<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => null!;
                public Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default) => Task.FromResult(new ValidationResult());
            }

            public static class DefaultValidatorExtensions
            {
                public static IRuleBuilderOptions<T, string> Matches<T>(this IRuleBuilderOptions<T, string> rule, string pattern) => rule;
                public static IRuleBuilderOptions<T, TProperty> NotEmpty<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule) => rule;
                public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string errorMessage) => rule;
                public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, string> messageProvider) => rule;
                public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, TProperty, string> messageProvider) => rule;
                public static IRuleBuilderOptions<T, TProperty> WithErrorCode<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string errorCode) => rule;
                public static Task ValidateAndThrowAsync<T>(this IValidator<T> validator, T instance, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            public class ValidationException(IEnumerable<ValidationFailure> errors) : Exception
            {
                public IEnumerable<ValidationFailure> Errors { get; } = errors;
            }
        }

        """;

    [Fact]
    public async Task A_message_built_from_the_checked_identifier_reaches_telemetry_through_failures_results_and_exceptions()
    {
        await VerifyCS.AnalyzerAsync(FluentValidationStandIn + """
            public sealed record Enrol(string StudentNumber, string CourseCode);
            public sealed record Referral(string NhsNumber, string Specialty);
            public sealed record MeterRead(string MeterSerial, int Reading);

            public sealed class EnrolValidator : AbstractValidator<Enrol>
            {
                public EnrolValidator()
                {
                    RuleFor(r => r.StudentNumber).Matches("^S[0-9]{7}$").WithMessage(r => $"Student number {r.StudentNumber} is not in the college format");
                    RuleFor(r => r.CourseCode).NotEmpty().WithMessage("Choose a course");
                }
            }

            public sealed class ReferralValidator : AbstractValidator<Referral>
            {
                public ReferralValidator() => RuleFor(r => r.NhsNumber).NotEmpty().WithMessage("'{PropertyValue}' is not a valid NHS number");
            }

            public sealed class MeterReadValidator : AbstractValidator<MeterRead>
            {
                public MeterReadValidator() => RuleFor(r => r.MeterSerial).Matches("^[0-9]{2}[A-Z][0-9]{7}$").WithMessage((read, serial) => $"Meter serial {serial} is not valid");
            }

            class Endpoints(ILogger logger, IValidator<Enrol> enrolments, IValidator<Referral> referrals, IValidator<MeterRead> reads)
            {
                async Task Enrol(Enrol request)
                {
                    var validation = await enrolments.ValidateAsync(request);
                    logger.LogWarning("Enrolment failed validation: {Errors}", {|TC1001:validation.ToDictionary()|});
                    logger.LogWarning("Enrolment failed validation: {Errors}", {|TC1001:validation.ToString()|});
                    logger.LogWarning("Enrolment failed validation: {Errors}", {|TC1001:validation.Errors|});
                    logger.LogInformation("Invalid fields: {Fields}", string.Join(", ", validation.Errors.Select(e => e.PropertyName)));
                    logger.LogInformation("{Count} errors", validation.Errors.Count);
                    foreach (var failure in validation.Errors)
                    {
                        logger.LogDebug("Validation message: {ErrorMessage}", {|TC1001:failure.ErrorMessage|});
                        logger.LogDebug("Failed rule {ErrorCode}", failure.ErrorCode);
                    }
                    Activity.Current?.SetTag("enrol.errors", string.Join("; ", validation.Errors.Select(e => {|TC1001:e.ErrorMessage|})));
                }

                async Task Refer(Referral referral)
                {
                    var validation = await referrals.ValidateAsync(referral);
                    foreach (var failure in validation.Errors)
                    {
                        logger.LogDebug("Validation message: {ErrorMessage}", {|TC1001:failure.ErrorMessage|});
                    }
                }

                async Task Read(MeterRead read)
                {
                    try
                    {
                        await reads.ValidateAndThrowAsync(read);
                    }
                    catch (ValidationException ex)
                    {
                        logger.LogWarning({|TC1001:ex|}, "Meter read rejected by validation");
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:ex.Message|});
                        logger.LogInformation("{Count} validation errors", ex.Errors.Count());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Messages_that_name_only_the_property_or_quote_a_thing_stay_clean()
    {
        await VerifyCS.AnalyzerAsync(FluentValidationStandIn + """
            public sealed record Booking(string PatientNumber, string ClinicCode, int Slots);

            public sealed class BookingValidator : AbstractValidator<Booking>
            {
                public BookingValidator()
                {
                    RuleFor(b => b.PatientNumber).NotEmpty().WithMessage("Enter the patient's hospital number");
                    RuleFor(b => b.ClinicCode).NotEmpty().WithMessage(b => $"Clinic {b.ClinicCode} does not take bookings");
                    RuleFor(b => b.ClinicCode).Matches("^[A-Z]{3}$").WithMessage("'{PropertyValue}' is not a clinic code");
                }
            }

            class Bookings(ILogger logger, IValidator<Booking> validator)
            {
                async Task Book(Booking booking)
                {
                    var validation = await validator.ValidateAsync(booking);
                    logger.LogWarning("Booking failed validation: {Errors}", validation.ToDictionary());
                    foreach (var failure in validation.Errors)
                    {
                        logger.LogDebug("Validation message: {ErrorMessage}", failure.ErrorMessage);
                    }
                    try
                    {
                        await validator.ValidateAndThrowAsync(booking);
                    }
                    catch (ValidationException ex)
                    {
                        logger.LogWarning(ex, "Booking rejected by validation");
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task A_failure_picked_from_the_errors_is_judged_by_the_rule_it_was_picked_by()
    {
        await VerifyCS.AnalyzerAsync(FluentValidationStandIn + """
            public sealed record GamertagChange(Guid PlayerId, string NewGamertag, string Region);
            public sealed record ClinicMove(string ClinicCode, int Slots);

            public sealed class GamertagChangeValidator : AbstractValidator<GamertagChange>
            {
                public GamertagChangeValidator()
                {
                    RuleFor(r => r.NewGamertag).NotEmpty().WithMessage(r => $"Gamertag '{r.NewGamertag}' is already taken.").WithErrorCode("GAMERTAG_TAKEN");
                    RuleFor(r => r.NewGamertag).WithErrorCode("GAMERTAG_BLOCKED").WithMessage("That gamertag is not allowed.");
                    RuleFor(r => r.Region).Matches("^[A-Z]{2}$").WithMessage("'{PropertyValue}' is not a region").WithErrorCode("REGION");
                }
            }

            public sealed class ClinicMoveValidator : AbstractValidator<ClinicMove>
            {
                public ClinicMoveValidator()
                {
                    RuleFor(m => m.ClinicCode).Matches("^[A-Z]{3}$").WithMessage("Not a clinic code");
                }
            }

            class Changes(ILogger logger, IValidator<GamertagChange> gamertags, IValidator<ClinicMove> moves)
            {
                async Task Change(GamertagChange change, ClinicMove move)
                {
                    var result = await gamertags.ValidateAsync(change);
                    var taken = result.Errors.FirstOrDefault(e => e.ErrorCode == "GAMERTAG_TAKEN");
                    if (taken is not null)
                    {
                        logger.LogInformation("Change refused: {Message}", {|TC1001:taken.ErrorMessage|});
                        logger.LogInformation("Change refused on {Property} by {Rule}", taken.PropertyName, taken.ErrorCode);
                        logger.LogWarning("Refused gamertag of {Length} characters", (taken.AttemptedValue as string)?.Length);
                    }
                    var blocked = result.Errors.Where(e => e.ErrorCode == "GAMERTAG_BLOCKED").FirstOrDefault();
                    if (blocked is not null)
                    {
                        logger.LogInformation("Change refused: {Message}", blocked.ErrorMessage);
                        logger.LogWarning("Blocked gamertag {Attempt}", {|TC1001:blocked.AttemptedValue|});
                    }
                    var region = result.Errors.FirstOrDefault(e => e.PropertyName == nameof(GamertagChange.Region));
                    if (region is not null)
                    {
                        logger.LogWarning("Region refused: {Message} for {Attempt}", region.ErrorMessage, region.AttemptedValue);
                    }
                    var any = result.Errors[0];
                    logger.LogWarning("First refusal {Attempt}", {|TC1001:any.AttemptedValue|});

                    var moved = await moves.ValidateAsync(move);
                    var rejected = moved.Errors.FirstOrDefault();
                    if (rejected is not null)
                    {
                        logger.LogWarning("Move refused: {Message} for {Attempt}", rejected.ErrorMessage, rejected.AttemptedValue);
                    }
                }
            }
            """);
    }
}
