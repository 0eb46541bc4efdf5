using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Media;

public sealed record SubscriptionCancelledIntegrationEvent(Guid SubscriptionId, Guid SubscriberId, string BillingEmail, string Reason) : IntegrationEvent;

/// <summary>Tells the CRM about a cancellation so that the win-back journey can start.</summary>
internal sealed class PublishSubscriptionCancelled(IEventBus bus, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<PublishSubscriptionCancelled> logger)
    : INotificationHandler<SubscriptionCancelled>
{
    private const string Destination = "crm.subscriptions";

    public async Task Handle(SubscriptionCancelled notification, CancellationToken cancellationToken)
    {
        var integrationEvent = new SubscriptionCancelledIntegrationEvent(notification.SubscriptionId.Value, notification.Subscriber.Value, notification.BillingEmail.Value, notification.Reason.ToString());

        using var span = source.StartOutboxDispatch(nameof(SubscriptionCancelledIntegrationEvent));
        span.SetIntegrationRecipientId(pseudonymizer.PseudonymizeIntegrationRecipientId(notification.Subscriber.Value.ToString())); // clean precision-pseudonym
        span.SetOutboxDestination(Destination).SetOutboxMessageId(integrationEvent.Id.ToString()); // clean direct
        Baggage.SetBaggage("subscriber.ref", pseudonymizer.ComputeIntegrationRecipientId(notification.Subscriber.Value.ToString())); // clean precision-pseudonym

        logger.LogInformation("Publishing {@IntegrationEvent}", integrationEvent); // leak TC1001 logging-objects
        await bus.PublishAsync(Destination, notification.SubscriptionId.ToString(), nameof(SubscriptionCancelledIntegrationEvent), JsonSerializer.Serialize(integrationEvent), cancellationToken);
    }
}
