using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Transport;

public sealed record Tap(Guid TapId, string CardNumber, Guid? RiderId, string ReaderId, string StopCode, DateTimeOffset At);

public sealed record FareResult(Guid TapId, int FarePence, bool Capped);

/// <summary>The fare engine's 503.</summary>
public sealed class FareEngineUnavailableException() : Exception("Fare engine unavailable");

/// <summary>The fare engine's 409 for a tap older than the journey it would join; names the tap and the reader.</summary>
public sealed class TapOutOfOrderException(Guid tapId, string readerId) : Exception($"Tap {tapId} from {readerId} arrived out of order");

/// <summary>The fare engine's 403 for a card on the hotlist; its text quotes the card.</summary>
public sealed class CardHotlistedException(string cardNumber) : Exception($"Card {cardNumber} is hotlisted")
{
    public string CardNumber { get; } = cardNumber;
}

public interface IFareEngine
{
    Task<FareResult> ChargeAsync(Tap tap, CancellationToken cancellationToken);
}

public static class TapContextKeys
{
    public static readonly ResiliencePropertyKey<string> Card = new("tap.card");

    public static readonly ResiliencePropertyKey<string> Reader = new("tap.reader");
}

public sealed class FareEnginePipeline(ILogger<FareEnginePipeline> logger)
{
    public ResiliencePipeline<FareResult> Build() =>
        new ResiliencePipelineBuilder<FareResult> { Name = "fare-engine" }
            .AddRetry(new RetryStrategyOptions<FareResult>
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Linear,
                ShouldHandle = new PredicateBuilder<FareResult>().Handle<FareEngineUnavailableException>().Handle<TapOutOfOrderException>(),
                OnRetry = args =>
                {
                    var reader = args.Context.Properties.GetValue(TapContextKeys.Reader, "?");
                    logger.LogWarning(args.Outcome.Exception, "Fare engine retry {Attempt} for reader {ReaderId}", args.AttemptNumber, reader); // clean exceptions
                    logger.LogDebug("Fare engine retry for card {Card}", args.Context.Properties.GetValue(TapContextKeys.Card, "?")); // leak TC1001 cross-member
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = TimeSpan.FromMilliseconds(800),
                OnTimeout = args =>
                {
                    logger.LogWarning("Fare engine timed out after {Timeout} at reader {ReaderId}", args.Timeout, args.Context.Properties.GetValue(TapContextKeys.Reader, "?")); // clean precision-about
                    return default;
                },
            })
            .Build();
}

/// <summary>Consumes taps from the gates' queue; taps the fare engine will never accept are dead-lettered.</summary>
public sealed class TapQueueConsumer(
    IFareEngine fareEngine,
    FareEnginePipeline pipelines,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TapQueueConsumer> logger)
{
    private const int MaxDeliveries = 8;
    private readonly ResiliencePipeline<FareResult> _pipeline = pipelines.Build();

    public async Task HandleAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        Tap? tap;
        try
        {
            tap = JsonSerializer.Deserialize<Tap>(message.Body.ToString());
        }
        catch (JsonException ex)
        {
            await args.DeadLetterMessageAsync(message, "poison", ex.Message);
            logger.LogGateTapDeadletteredEvent("poison", gateNote: $"{ex.GetType().Name} at {ex.Path}"); // clean generated-api
            logger.LogWarning("Unreadable tap {MessageId}: {Body}", message.MessageId, message.Body); // leak TC1001 logging-objects
            return;
        }

        if (tap is null)
        {
            await args.DeadLetterMessageAsync(message, "poison", "empty body");
            return;
        }

        using var span = source.StartGateTapProcess(tap.ReaderId).SetGateDeliveryCount(message.DeliveryCount); // clean generated-api
        span.SetGateRiderId(tap.RiderId is { } riderId ? pseudonymizer.PseudonymizeGateRiderId(riderId.ToString()) : pseudonymizer.PseudonymizeGateRiderId(tap.CardNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("tap.card", tap.CardNumber); // leak TC1001 direct

        var context = ResilienceContextPool.Shared.Get($"charge:{tap.ReaderId}", args.CancellationToken); // clean strings
        context.Properties.Set(TapContextKeys.Card, tap.CardNumber); // clean direct
        context.Properties.Set(TapContextKeys.Reader, tap.ReaderId);
        try
        {
            var fare = await _pipeline.ExecuteAsync(ctx => new ValueTask<FareResult>(fareEngine.ChargeAsync(tap, ctx.CancellationToken)), context);
            span.SetGateNote(fare.Capped ? $"capped at {fare.FarePence}p" : $"{fare.FarePence}p"); // clean generated-api
            await args.CompleteMessageAsync(message);
        }
        catch (CardHotlistedException ex)
        {
            await args.DeadLetterMessageAsync(message, "hotlisted", ex.Message); // clean direct
            span.SetStatus(ActivityStatusCode.Error, "hotlisted:" + tap.CardNumber); // leak TC1001 strings
            logger.LogWarning(ex, "Hotlisted tap at {ReaderId}", tap.ReaderId); // leak TC1001 exceptions
            logger.LogGateTapDeadletteredEvent("hotlisted", tap.ReaderId, gateNote: ex.Message); // leak TC1001 generated-api
            meter.CreateGateTapsDeadletteredCounter().Add(1, "hotlisted", tap.ReaderId); // clean precision-about
            span.SetGateNote($"hotlisted card ending {ex.CardNumber[^4..]}"); // clean generated-api
        }
        catch (Exception ex) when (ex is FareEngineUnavailableException or TimeoutRejectedException or TapOutOfOrderException)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            if (message.DeliveryCount >= MaxDeliveries)
            {
                await args.DeadLetterMessageAsync(message, "fare-engine-unavailable", $"gave up after {message.DeliveryCount} deliveries");
                logger.LogGateTapDeadletteredEvent("fare-engine-unavailable", tap.ReaderId, gateNote: $"tap {tap.TapId} after {message.DeliveryCount} deliveries"); // clean generated-api
                meter.CreateGateTapsDeadletteredCounter().Add(1, "fare-engine-unavailable", tap.CardNumber); // leak TC1003 generated-api
                return;
            }

            await args.AbandonMessageAsync(message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        // The fare engine throws only the exceptions HandleAsync catches; what gets here are the transport's errors.
        logger.LogError(args.Exception, "Tap queue error {ErrorSource} on {EntityPath}", args.ErrorSource, args.EntityPath); // clean exceptions
        return Task.CompletedTask;
    }
}
