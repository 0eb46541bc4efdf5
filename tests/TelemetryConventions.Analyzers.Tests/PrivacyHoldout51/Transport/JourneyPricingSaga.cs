using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Support.ServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Transport;

public sealed record JourneyClosed(Guid JourneyId, string ExitStation, DateTimeOffset ExitedAt);

public sealed record JourneyIncomplete(Guid JourneyId);

public sealed record FareCharged(Guid JourneyId, decimal Fare, string FareCode);

public sealed class FareCalculationException(string cardNumber, string fromStation, string toStation)
    : Exception($"No fare from {fromStation} to {toStation} for card {cardNumber}");

internal static class FareSpans
{
    /// <summary>Revenue protection asked for the card on every span that charges it.</summary>
    public static void TagCard(Activity? activity, string cardNumber) => activity?.SetTag("fare.card", cardNumber); // leak TC1001 direct
}

public interface IFareTable
{
    decimal Price(string fromStation, string toStation, DateTimeOffset at, out string fareCode);
}

/// <summary>The saga's persisted state: one row per journey, found by journey id.</summary>
public sealed class JourneyPricingData : ContainSagaData
{
    public Guid JourneyId { get; set; }

    public string CardNumber { get; set; } = string.Empty;

    public string EntryStation { get; set; } = string.Empty;

    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>Prices a journey from its entry and exit taps; an unfinished journey gets the maximum fare.</summary>
public sealed class JourneyPricingSaga(IFareTable fares, Pseudonymizer pseudonymizer, ILogger<JourneyPricingSaga> logger)
    : Saga<JourneyPricingData>,
      IAmStartedByMessages<TapForPricing>,
      IHandleMessages<JourneyClosed>,
      IHandleTimeouts<JourneyIncomplete>
{
    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<JourneyPricingData> mapper)
    {
        mapper.MapSaga(saga => saga.JourneyId)
            .ToMessage<TapForPricing>(message => message.JourneyId)
            .ToMessage<JourneyClosed>(message => message.JourneyId);
    }

    public async Task Handle(TapForPricing message, IMessageHandlerContext context)
    {
        Data.JourneyId = message.JourneyId;
        Data.CardNumber = message.CardNumber;
        Data.EntryStation = message.StationCode;
        Data.EnteredAt = message.TappedAt;

        Activity.Current?.SetTag("journey.id", Data.JourneyId); // clean precision-names
        Activity.Current?.SetTag("journey.saga_id", Data.Id); // clean precision-names
        Activity.Current?.SetTag("journey.card", context.MessageHeaders["Transit.Card"]); // leak TC1001 direct
        Activity.Current?.SetBaggage("card.ref", pseudonymizer.ComputeBusSubjectId(message.CardNumber)); // clean precision-pseudonym
        logger.LogInformation("Journey {JourneyId} opened at {Station}", Data.JourneyId, Data.EntryStation); // clean precision-names
        await RequestTimeout(context, TimeSpan.FromHours(3), new JourneyIncomplete(Data.JourneyId));
    }

    public async Task Handle(JourneyClosed message, IMessageHandlerContext context)
    {
        using var span = TelemetrySpans.EnrichBusHandle(Activity.Current, nameof(JourneyClosed), "journey-pricing");
        span.SetBusCorrelationId(Data.JourneyId.ToString()); // clean generated-api
        try
        {
            var fare = fares.Price(Data.EntryStation, message.ExitStation, Data.EnteredAt, out var fareCode);
            span.SetBusOutcome($"charged:{fareCode}"); // clean generated-api
            MarkAsComplete();
            await context.Publish(new FareCharged(Data.JourneyId, fare, fareCode));
        }
        catch (FareCalculationException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError(ex, "Journey {JourneyId} could not be priced", Data.JourneyId); // leak TC1001 exceptions
        }
    }

    public Task Timeout(JourneyIncomplete state, IMessageHandlerContext context)
    {
        if (Completed)
        {
            return Task.CompletedTask;
        }

        logger.LogWarning("Incomplete journey {JourneyId} for card {Card} charged the maximum fare", Data.JourneyId, Data.CardNumber); // leak TC1001 cross-member
        logger.LogWarning("Incomplete journey state {@Journey}", Data); // leak TC1001 logging-objects
        logger.LogWarning("Incomplete journey for card ending {Last4}, open {Hours} h", Data.CardNumber[^4..], (DateTimeOffset.UtcNow - Data.EnteredAt).TotalHours); // clean precision-about
        FareSpans.TagCard(Activity.Current, Data.CardNumber); // leak TC1001 cross-member
        var summary = new StringBuilder("incomplete journey from ").Append(Data.EntryStation).Append(" on card ").Append(Data.CardNumber);
        logger.LogBusPoisonEvent(nameof(JourneyIncomplete), busNote: summary.ToString()); // leak TC1001 strings
        MarkAsComplete();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Reads <c>penalty-fares/$deadletterqueue</c>. The penalty-fare processor dead-letters with a
/// reason from its own list (<c>FareDispute</c>, <c>SchemaViolation</c>) and, for disputes, the
/// <c>FareCalculationException</c>'s message as the description. A notice's body holds the
/// passenger's name, address and card number.
/// </summary>
public sealed class PenaltyFareDeadLetterMonitor(ILogger<PenaltyFareDeadLetterMonitor> logger)
{
    private static readonly ActivitySource Source = new("Transit.PenaltyFares");

    public async Task OnDeadLetterAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        using var span = Source.StartBusHandle(message.Subject ?? "PenaltyFare", args.EntityPath);
        span.SetBusRetryAttempt(message.DeliveryCount); // clean generated-api
        span.AddBusDeadLetteredEvent(message.DeadLetterReason ?? "unknown", message.DeadLetterErrorDescription); // leak TC1001 generated-api
        span.Activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-names
        logger.LogWarning("Penalty fare {MessageId} dead-lettered as {Reason}", message.MessageId, message.DeadLetterReason); // clean precision-about
        logger.LogWarning("Penalty fare notice body {Body}", message.Body); // leak TC1001 logging-objects
        await args.CompleteMessageAsync(message);
    }
}
