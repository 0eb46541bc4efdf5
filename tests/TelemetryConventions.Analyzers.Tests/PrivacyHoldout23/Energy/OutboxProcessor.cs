using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Telemetry;

namespace PrivacyHoldout23.Energy;

/// <summary>Publishes the metering service's outbox messages to the broker.</summary>
public sealed class OutboxProcessor(
    IOutboxStore outbox,
    IEventBus bus,
    ActivitySource source,
    Meter meter,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private const string DefaultTopic = "metering.events";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = await outbox.GetUnprocessedAsync(50, stoppingToken);
            foreach (var message in batch)
            {
                await DispatchAsync(message, stoppingToken);
            }
        }
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var span = source.StartOutboxDispatch(message.Type); // clean precision-names
        span.SetOutboxMessageId(message.Id.ToString()).SetOutboxDestination(message.Destination ?? DefaultTopic).SetOutboxAttempt(message.Attempts + 1); // clean direct

        try
        {
            await bus.PublishAsync(message.Destination ?? DefaultTopic, message.PartitionKey, message.Type, message.Content, cancellationToken);
            message.ProcessedOnUtc = clock.GetUtcNow().UtcDateTime;
            await outbox.MarkProcessedAsync(message, cancellationToken);

            meter.CreateOutboxDispatchedCounter().Add(1, message.Type, message.Destination); // clean direct
            meter.CreateOutboxLagHistogram().Record((message.ProcessedOnUtc.Value - message.OccurredOnUtc).TotalSeconds, message.Type); // clean precision-about
        }
        catch (BrokerUnavailableException ex)
        {
            message.Attempts++;
            message.Error = ex.Message;
            span.AddOutboxMessageFailedEvent(message.Type, ex.Message, message.Attempts); // clean exceptions
            logger.LogWarning(ex, "Outbox message {MessageId} with key {PartitionKey} will be retried", message.Id, message.PartitionKey); // leak TC1001 cross-member

            if (message.Attempts >= MaxAttempts)
            {
                logger.LogError("Giving up on outbox message {MessageId} after {Attempts} attempts: {Content}", message.Id, message.Attempts, message.Content); // leak TC1001 logging-objects
            }
        }
    }
}
