using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Media;

public static class LibraryTelemetry
{
    public static readonly ActivitySource Source = new("Streaming.Library.Api");

    public static readonly Meter Meter = new("Streaming.Library.Api");

    public static readonly LibraryPlanChangesCounter PlanChanges = Meter.CreateLibraryPlanChangesCounter();

    public static readonly LibraryWatchlistReadsHistogram WatchlistReads = Meter.CreateLibraryWatchlistReadsHistogram();

    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("library.commands", "{command}");
}

public sealed class BillingOptions
{
    public bool ProrateDowngrades { get; set; } = true;

    public string DefaultTerritory { get; set; } = "GB";
}

/// <summary>A command that changes a subscriber's account and is written to the audit trail.</summary>
public interface IAuditedCommand
{
    Guid SubscriberId { get; }

    string Action { get; }
}

public sealed record ChangePlanCommand(Guid SubscriberId, string NewPlan, string Reason, string? PromoCode) : IRequest<Result<PlanChanged>>, IAuditedCommand
{
    public string Action => "plan.change";
}

public sealed record CancelSubscriptionCommand(Guid SubscriberId, string ReasonCode, string? Feedback) : IRequest<Result<PlanChanged>>, IAuditedCommand
{
    public string Action => "subscription.cancel";
}

public sealed record PlanChanged(string SubscriptionId, string OldPlan, string NewPlan, DateOnly EffectiveFrom, decimal MonthlyPrice);

public sealed record Subscriber(Guid Id, string Email, string Plan, string Territory, string SubscriptionId, DateOnly RenewsOn);

public interface ISubscriberRepository
{
    Task<Subscriber?> GetAsync(Guid subscriberId, CancellationToken cancellationToken);

    Task UpdatePlanAsync(Guid subscriberId, string plan, CancellationToken cancellationToken);
}

public interface IPriceList
{
    decimal MonthlyPrice(string plan, string territory);
}

/// <summary>Thrown by <see cref="IPriceList.MonthlyPrice"/> for a plan the territory does not sell.</summary>
public sealed class PlanNotAvailableException(string plan, string territory)
    : Exception($"Plan {plan} is not sold in {territory}");

public sealed class PromoNotApplicableException(string promoCode, string email)
    : Exception($"Promo code {promoCode} cannot be applied to the account {email}");

/// <summary>The reasons the plan picker offers.</summary>
public static class PlanChangeReasons
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "upgrade", "downgrade", "price-rise", "more-screens", "fewer-screens" };

    public static bool IsKnown(string reason) => Known.Contains(reason);
}

public sealed class ChangePlanValidator : AbstractValidator<ChangePlanCommand>
{
    public ChangePlanValidator()
    {
        RuleFor(c => c.NewPlan).Must(p => p is "basic" or "standard" or "premium").WithMessage("Unknown plan");
        RuleFor(c => c.Reason).Must(PlanChangeReasons.IsKnown).WithMessage("Unknown reason");
    }
}

// Registered for the commands that implement IAuditedCommand (ChangePlanCommand, CancelSubscriptionCommand).
public sealed class AuditBehaviour<TRequest, TResponse>(Pseudonymizer pseudonymizer, ILogger<AuditBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IAuditedCommand
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var subscriberRef = pseudonymizer.ComputeLibrarySubscriberId(request.SubscriberId.ToString());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["audit.action"] = request.Action, ["audit.subscriber"] = subscriberRef }); // clean precision-pseudonym
        LibraryTelemetry.Commands.Add(1, new KeyValuePair<string, object?>("action", request.Action)); // clean precision-names
        logger.LogInformation("Audited command {Action} by {SubscriberId}", request.Action, request.SubscriberId); // leak TC1001 direct
        return await next(cancellationToken);
    }
}

// Registered for every request of the library API: ChangePlanCommand, CancelSubscriptionCommand
// (a subscriber id, a reason code and the feedback a subscriber types) and GetWatchlistQuery.
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators, ILogger<ValidationBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            logger.LogWarning("{RequestType} failed validation: {FailedProperties}", typeof(TRequest).Name, failures.Select(f => f.PropertyName).ToArray()); // clean precision-names
            logger.LogWarning("Rejected request {@Request}", request); // leak TC1001 logging-objects
            throw new ValidationException(failures);
        }
        return await next(cancellationToken);
    }
}

public sealed class ChangePlanHandler(
    ISubscriberRepository subscribers,
    IPriceList prices,
    Pseudonymizer pseudonymizer,
    IOptions<BillingOptions> options,
    ILogger<ChangePlanHandler> logger) : IRequestHandler<ChangePlanCommand, Result<PlanChanged>>
{
    public async Task<Result<PlanChanged>> Handle(ChangePlanCommand command, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.GetAsync(command.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return Result<PlanChanged>.Failure(new Error("subscriber.unknown", "Unknown subscriber"));
        }

        LibraryPlanValue plan = command.NewPlan switch
        {
            "basic" => LibraryPlan.Basic,
            "standard" => LibraryPlan.Standard,
            _ => LibraryPlan.Premium,
        };
        using var span = LibraryTelemetry.Source.StartLibraryPlanChange(pseudonymizer.PseudonymizeLibrarySubscriberId(subscriber.Id.ToString()), plan); // clean precision-pseudonym
        span.SetLibraryTerritory(subscriber.Territory).SetLibraryChangeReason(command.Reason); // clean generated-api

        try
        {
            var price = prices.MonthlyPrice(command.NewPlan, subscriber.Territory);
            if (command.PromoCode is { } promo && !promo.StartsWith(subscriber.Territory, StringComparison.Ordinal))
            {
                throw new PromoNotApplicableException(promo, subscriber.Email);
            }

            await subscribers.UpdatePlanAsync(subscriber.Id, command.NewPlan, cancellationToken);
            var changed = new PlanChanged(subscriber.SubscriptionId, subscriber.Plan, command.NewPlan, subscriber.RenewsOn, price);
            LibraryTelemetry.PlanChanges.Add(1, plan, command.Reason, subscriber.Territory);
            logger.LogLibraryPlanChangedEvent(plan, pseudonymizer.PseudonymizeLibrarySubscriberId(subscriber.Id.ToString()), command.Reason, libraryNote: $"{subscriber.Plan}->{command.NewPlan} from {subscriber.RenewsOn:yyyy-MM-dd}"); // clean generated-api
            logger.LogInformation("Plan changed {@Change}", changed); // clean logging-objects
            return Result<PlanChanged>.Success(changed);
        }
        catch (PlanNotAvailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return Result<PlanChanged>.Failure(new Error("plan.unavailable", ex.Message));
        }
        catch (PromoNotApplicableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, nameof(PromoNotApplicableException)); // clean exceptions
            logger.LogLibraryPlanChangedEvent(plan, libraryNote: ex.Message); // leak TC1001 generated-api
            logger.LogWarning(ex, "Promo code {PromoCode} rejected", command.PromoCode); // leak TC1001 exceptions
            LibraryTelemetry.PlanChanges.Add(1, plan, $"promo-rejected:{subscriber.Email}", subscriber.Territory); // leak TC1003 generated-api
            return Result<PlanChanged>.Failure(new Error("promo.invalid", "That promo code cannot be used on your account."));
        }
    }
}
