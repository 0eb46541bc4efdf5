using System;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Transport;

public sealed class OpenJourneyForCardSpec(TravelCardNumber card) : Specification<Journey>
{
    public override Expression<Func<Journey, bool>> Criteria => journey => journey.Card == card && journey.Destination == null;

    public override string ToString() => $"{Name}(Card = {card})";
}

public sealed record TapInCommand(string CardNumber, string StopCode, DateTimeOffset At) : IRequest<Result<JourneyId>>;

public sealed record TapOutCommand(string CardNumber, string StopCode) : IRequest<Result<decimal>>;

internal sealed class JourneyCommandHandlers(
    IRepository<Journey> journeys,
    IUnitOfWork unitOfWork,
    IFareTable fares,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<JourneyCommandHandlers> logger)
    : IRequestHandler<TapInCommand, Result<JourneyId>>, IRequestHandler<TapOutCommand, Result<decimal>>
{
    public async Task<Result<JourneyId>> Handle(TapInCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle(nameof(TapInCommand));

        if (!TravelCardNumber.TryParse(request.CardNumber, out var card))
        {
            span.SetCommandErrorCode(TransportErrors.InvalidCard.Code).SetCommandNote($"card number of {request.CardNumber.Length} characters"); // clean precision-about
            return TransportErrors.InvalidCard;
        }

        span.SetCommandSubjectId(pseudonymizer.PseudonymizeCommandSubjectId(card.Value)); // clean precision-pseudonym

        var specification = new OpenJourneyForCardSpec(card);
        logger.LogDebug("Looking up {Specification}", specification); // clean logging-objects

        var open = await journeys.FirstOrDefaultAsync(specification, cancellationToken);
        if (open is not null)
        {
            logger.LogInformation("Card {Card} still has open journey {JourneyId}", card, open.Id); // clean precision-about
            span.SetCommandNote($"closed open journey of card {card.Value} at the maximum fare"); // leak TC1001 generated-api
        }

        var journey = Journey.TapIn(card, new StopCode(request.StopCode), request.At);
        await journeys.AddAsync(journey, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetAggregateType(nameof(Journey)).SetAggregateId(journey.Id.ToString()); // clean direct
        Activity.Current?.SetTag("travel_card.number", card.Value); // leak TC1001 direct
        return journey.Id;
    }

    public async Task<Result<decimal>> Handle(TapOutCommand request, CancellationToken cancellationToken)
    {
        var card = TravelCardNumber.Create(request.CardNumber);
        var journey = await journeys.FirstOrDefaultAsync(new OpenJourneyForCardSpec(card), cancellationToken);
        if (journey is null)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"No open journey for card {card.Value}"); // leak TC1001 strings
            return TransportErrors.NoOpenJourney;
        }

        var fare = journey.TapOut(new StopCode(request.StopCode), fares);
        if (fare.IsFailure)
        {
            logger.LogWarning("Tap-out rejected with {ErrorCode}: {ErrorDescription}", fare.Error.Code, fare.Error.Description); // clean precision-about
            return fare;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        Activity.Current?.AddDomainEventRaisedEvent(nameof(JourneyCompleted), journey.Id.ToString()); // clean direct
        return fare;
    }
}

/// <summary>Logs and records whatever a transit request handler lets escape.</summary>
public sealed class ExceptionLoggingBehavior<TRequest, TResponse>(ILogger<ExceptionLoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(cancellationToken);
        }
        catch (Exception ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogError(ex, "{RequestName} failed", typeof(TRequest).Name); // clean exceptions
            throw;
        }
    }
}
