using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Media;

public sealed record ChurnEvent(Guid SubscriberId, string Email, string Plan, string CancellationReason, DateTimeOffset At);

/// <summary>The retention service answers 409 when an offer is already open; its text names the subscriber's id.</summary>
public sealed class RetentionOfferConflictException(Guid subscriberId) : Exception($"Subscriber {subscriberId} already has an open offer");

public interface IRetentionOffers
{
    /// <summary>Throws <see cref="RetentionOfferConflictException"/> when an offer is already open.</summary>
    Task SendAsync(ChurnEvent churn, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes the churn topic's subscription. Messages that do not parse or keep failing are dead-lettered;
/// anything else the handler throws reaches the processor's error handler.
/// </summary>
public sealed class ChurnEventProcessor(
    ServiceBusProcessor processor,
    IRetentionOffers offers,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<ChurnEventProcessor> logger) : IHostedService
{
    private const int MaxDeliveries = 5;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        processor.ProcessMessageAsync += HandleAsync;
        processor.ProcessErrorAsync += OnErrorAsync;
        logger.LogInformation("Churn processor starting on {EntityPath} with {MaxDeliveries} deliveries", processor.EntityPath, MaxDeliveries);
        return processor.StartProcessingAsync(cancellationToken);
    }

    private async Task HandleAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        using var activity = source.StartActivity("churn.process", ActivityKind.Consumer);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.servicebus.delivery_count", message.DeliveryCount);

        ChurnEvent? churn;
        try
        {
            churn = JsonSerializer.Deserialize<ChurnEvent>(message.Body.ToString());
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Churn message {MessageId} is not valid JSON", message.MessageId); // clean exceptions
            await args.DeadLetterMessageAsync(message, "SchemaInvalid", ex.Message);
            logger.LogDrmMessageDeadletteredEvent("SchemaInvalid", drmNote: $"path {ex.Path}, line {ex.LineNumber}"); // clean generated-api
            return;
        }

        if (churn is null)
        {
            await args.DeadLetterMessageAsync(message, "Empty");
            return;
        }

        if (message.DeliveryCount >= MaxDeliveries)
        {
            await args.DeadLetterMessageAsync(message, "MaxDeliveryCountExceeded", $"Offer for {churn.Email} failed {message.DeliveryCount} times"); // clean direct
            logger.LogDrmMessageDeadletteredEvent("MaxDeliveryCountExceeded", pseudonymizer.PseudonymizeDrmSubscriberId(churn.SubscriberId.ToString()), $"{message.DeliveryCount} deliveries, plan {churn.Plan}"); // clean generated-api
            logger.LogWarning("Poison churn message: {Body}", message.Body); // leak TC1001 logging-objects
            return;
        }

        activity?.SetTag("churn.plan", churn.Plan); // clean precision-about
        activity?.SetTag("churn.summary", $"{churn.Email} left {churn.Plan}: {churn.CancellationReason}"); // leak TC1001 strings
        logger.LogInformation("Retention offer for {SubscriberId} on {Plan}", churn.SubscriberId, churn.Plan); // leak TC1001 direct
        await offers.SendAsync(churn, args.CancellationToken);
        await args.CompleteMessageAsync(message);
    }

    /// <summary>Sees the transport's errors and whatever <see cref="HandleAsync"/> lets escape: the offer conflicts.</summary>
    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        logger.LogError(args.Exception, "Churn processor error from {ErrorSource} on {EntityPath}", args.ErrorSource, args.EntityPath); // leak TC1001 exceptions
        Activity.Current?.SetTag("error.type", args.Exception.GetType().FullName); // clean exceptions
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await processor.StopProcessingAsync(cancellationToken);
        logger.LogInformation("Churn processor stopped");
    }
}

/// <summary>Drains the churn subscription's dead-letter queue every morning for the retention team.</summary>
public sealed class ChurnDeadLetterReader(ServiceBusReceiver deadLetters, Meter meter, ILogger<ChurnDeadLetterReader> logger)
{
    private readonly Counter<long> _drained = meter.CreateCounter<long>("churn.deadletters.drained");

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        foreach (var message in await deadLetters.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(5), cancellationToken))
        {
            logger.LogWarning("Dead-lettered {MessageId} after {Deliveries}: {Reason}", message.MessageId, message.DeliveryCount, message.DeadLetterReason); // clean precision-about
            logger.LogDrmMessageDeadletteredEvent(message.DeadLetterReason ?? "unknown", drmNote: message.DeadLetterErrorDescription); // leak TC1001 generated-api
            _drained.Add(1, new System.Collections.Generic.KeyValuePair<string, object?>("reason", message.DeadLetterReason));

            // The billing service publishes churn events with the subscriber's id in the "subscriber" property.
            if (message.ApplicationProperties.TryGetValue("subscriber", out var subscriber))
            {
                Activity.Current?.SetTag("drm.subscriber.id", Pseudonym.FromComputed(subscriber.ToString()!).Value); // leak TC1001 precision-pseudonym
            }

            if (message.ApplicationProperties.TryGetValue("plan", out var plan))
            {
                Activity.Current?.SetTag("churn.plan", plan);
            }

            await deadLetters.CompleteMessageAsync(message, cancellationToken);
        }
    }
}
