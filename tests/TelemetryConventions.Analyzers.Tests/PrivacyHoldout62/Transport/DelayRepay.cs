using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Transport;

public static class JourneysTelemetry
{
    public static readonly ActivitySource Source = new("Rail.Journeys.Api");

    public static readonly Meter Meter = new("Rail.Journeys.Api");

    public static readonly JourneysRefundsCounter Refunds = Meter.CreateJourneysRefundsCounter();

    public static readonly JourneysHistoryDurationHistogram HistoryDuration = Meter.CreateJourneysHistoryDurationHistogram();

    public static readonly Counter<long> ClaimsByCard = Meter.CreateCounter<long>("journeys.claims.by_card", "{claim}");
}

public sealed class DelayRepayOptions
{
    public int MinimumDelayMinutes { get; set; } = 15;

    public int ClaimWindowDays { get; set; } = 28;

    public decimal AutoApproveLimit { get; set; } = 50m;
}

public sealed record SubmitDelayRepayCommand(Guid RiderId, string JourneyId, string CardNumber, int DelayMinutes, string? Description) : IRequest<Result<DelayRepayDecision>>;

public sealed record DelayRepayDecision(string ClaimId, string Outcome, decimal Amount, string RouteId);

public sealed record Journey(string Id, string CardNumber, string RouteId, string FromStop, string ToStop, DateTimeOffset StartedAt, decimal Fare);

public sealed record Rider(Guid Id, string Email, string DisplayName, bool HasAccount);

public interface IJourneyStore
{
    Task<Journey?> GetAsync(string journeyId, CancellationToken cancellationToken);

    Task<bool> AlreadyClaimedAsync(string journeyId, CancellationToken cancellationToken);
}

public interface IRiderDirectory
{
    Task<Rider> GetAsync(Guid riderId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid riderId, CancellationToken cancellationToken);
}

public interface IRefundLedger
{
    Task<string> PayAsync(Guid riderId, decimal amount, string reference, CancellationToken cancellationToken);
}

/// <summary>The journey was made on another card than the one the rider claims with.</summary>
public sealed class CardMismatchException(string claimedCard, string journeyCard)
    : Exception($"Journey was made with card {journeyCard}, not {claimedCard}");

/// <summary>Thrown by <see cref="IRefundLedger.PayAsync"/>: the ledger refused the payment; the message is one of its fixed codes.</summary>
public sealed class LedgerRejectedException(string code)
    : Exception($"Ledger rejected the payment ({code})");

public sealed class SubmitDelayRepayValidator : AbstractValidator<SubmitDelayRepayCommand>
{
    public SubmitDelayRepayValidator(IOptions<DelayRepayOptions> options)
    {
        RuleFor(c => c.JourneyId).NotEmpty();
        RuleFor(c => c.CardNumber).Matches("^[0-9]{16}$").WithMessage("Enter the 16-digit number on the front of the card");
        RuleFor(c => c.DelayMinutes).InclusiveBetween(options.Value.MinimumDelayMinutes, 24 * 60);
        RuleFor(c => c.Description).MaximumLength(500);
    }
}

public sealed class SubmitDelayRepayHandler(
    IValidator<SubmitDelayRepayCommand> validator,
    IJourneyStore journeys,
    IRiderDirectory riders,
    IRefundLedger ledger,
    Pseudonymizer pseudonymizer,
    IOptions<DelayRepayOptions> options,
    ILogger<SubmitDelayRepayHandler> logger) : IRequestHandler<SubmitDelayRepayCommand, Result<DelayRepayDecision>>
{
    public async Task<Result<DelayRepayDecision>> Handle(SubmitDelayRepayCommand command, CancellationToken cancellationToken)
    {
        var riderRef = pseudonymizer.PseudonymizeJourneysRiderId(command.RiderId.ToString());
        using var span = JourneysTelemetry.Source.StartJourneysRefundClaim(riderRef, command.JourneyId); // clean precision-pseudonym
        span.SetJourneysDelayMinutes(command.DelayMinutes).SetJourneysCardId(pseudonymizer.PseudonymizeJourneysCardId(command.CardNumber)); // clean precision-pseudonym

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            foreach (var failure in validation.Errors)
            {
                logger.LogWarning("Claim field {Field} rejected value {AttemptedValue}", failure.PropertyName, failure.AttemptedValue); // leak TC1001 cross-member
            }
            logger.LogWarning("Claim rejected: {Errors}", validation.ToString()); // clean logging-objects
            return Result<DelayRepayDecision>.Invalid(validation.Errors.Select(f => new Error(f.PropertyName, f.ErrorMessage)).ToList());
        }

        var journey = await journeys.GetAsync(command.JourneyId, cancellationToken);
        if (journey is null)
        {
            logger.LogInformation("Journey {JourneyId} not found", command.JourneyId); // clean direct
            return Result<DelayRepayDecision>.Failure(new Error("journey.unknown", "We could not find that journey."));
        }

        span.SetJourneysRouteId(journey.RouteId);
        try
        {
            if (journey.CardNumber != command.CardNumber)
            {
                throw new CardMismatchException(command.CardNumber, journey.CardNumber);
            }
        }
        catch (CardMismatchException ex)
        {
            span.SetJourneysRefundOutcome(JourneysRefundOutcome.Rejected).SetJourneysNote(ex.Message); // leak TC1001 generated-api
            logger.LogJourneysRefundDecidedEvent(JourneysRefundOutcome.Rejected, journey.Id, riderRef, journeysNote: "card mismatch"); // clean generated-api
            JourneysTelemetry.Refunds.Add(1, JourneysRefundOutcome.Rejected, journey.RouteId);
            return Result<DelayRepayDecision>.Failure(new Error("card.mismatch", "The journey was not made with that card."));
        }

        if (command.Description is { Length: > 0 } description)
        {
            span.SetJourneysNote($"rider description: {description}"); // leak TC1001 generated-api
        }

        var dedupe = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{journey.CardNumber}:{journey.StartedAt:yyyyMMdd}")));
        logger.LogDebug("Duplicate-claim key {DedupeKey}", dedupe); // leak TC1002 hashes
        if (await journeys.AlreadyClaimedAsync(journey.Id, cancellationToken))
        {
            JourneysTelemetry.Refunds.Add(1, JourneysRefundOutcomeValue.Custom("duplicate"), journey.RouteId); // clean generated-api
            return Result<DelayRepayDecision>.Failure(new Error("claim.duplicate", "This journey has already been claimed."));
        }

        var amount = DelayRepayRules.Compensation(journey.Fare, command.DelayMinutes);
        if (amount > options.Value.AutoApproveLimit)
        {
            var rider = await riders.GetAsync(command.RiderId, cancellationToken);
            span.SetJourneysRefundOutcome(JourneysRefundOutcome.Manual);
            Activity.Current?.SetTag("journeys.rider.has_account", rider.HasAccount); // clean cross-member
            span.Activity?.SetTag(JourneysAttributes.RiderEmail, rider.Email); // leak TC1001 generated-api
            logger.LogInformation("Claim over the auto-approve limit sent to an agent for {RiderName}", rider.DisplayName); // leak TC1001 cross-member
            JourneysTelemetry.ClaimsByCard.Add(1, new KeyValuePair<string, object?>("card", journey.CardNumber[^4..])); // clean precision-about
            return Result<DelayRepayDecision>.Success(new DelayRepayDecision(Guid.NewGuid().ToString("N"), "manual", amount, journey.RouteId));
        }

        try
        {
            var reference = await ledger.PayAsync(command.RiderId, amount, $"DR-{journey.Id}", cancellationToken);
            logger.LogInformation("Delay repay {Reference} paid: {Amount:C} for {DelayMinutes} minutes on {RouteId}", reference, amount, command.DelayMinutes, journey.RouteId); // clean direct
        }
        catch (LedgerRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Ledger refused delay repay for journey {JourneyId}", journey.Id); // clean exceptions
            throw;
        }

        span.SetJourneysRefundOutcome(JourneysRefundOutcome.Paid);
        JourneysTelemetry.Refunds.Add(1, JourneysRefundOutcome.Paid, journey.RouteId);
        JourneysTelemetry.ClaimsByCard.Add(1, new KeyValuePair<string, object?>("card", pseudonymizer.ComputeJourneysCardId(journey.CardNumber))); // leak TC1003 precision-pseudonym
        var decision = new DelayRepayDecision(Guid.NewGuid().ToString("N"), "paid", amount, journey.RouteId);
        logger.LogInformation("Claim decided {Decision} for journey {Journey}", decision, journey); // leak TC1001 logging-objects
        return Result<DelayRepayDecision>.Success(decision);
    }
}

public static class DelayRepayRules
{
    public static decimal Compensation(decimal fare, int delayMinutes) => delayMinutes switch
    {
        >= 120 => fare,
        >= 60 => fare * 0.5m,
        >= 30 => fare * 0.25m,
        _ => fare * 0.15m,
    };
}
