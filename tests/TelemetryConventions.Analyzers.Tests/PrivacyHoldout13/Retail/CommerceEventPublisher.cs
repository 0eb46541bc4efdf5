using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout13.Support;

namespace PrivacyHoldout13.Retail;

public sealed record OrderPlaced(string OrderId, string CustomerId, string CustomerTier, string Channel, decimal Total, string Currency);

public sealed record CustomerEvent(string CustomerId, string Type, string Email, DateTimeOffset At);

/// <summary>
/// Publishes the shop's events. Order events are keyed by order id (one order's events in order);
/// customer events are keyed by customer id, which the CRM's compacted topic needs.
/// </summary>
public sealed class CommerceEventPublisher(
    IProducer<string, OrderPlaced> orders,
    IProducer<string, CustomerEvent> customers,
    ILogger<CommerceEventPublisher> logger)
{
    private static readonly ActivitySource Source = new("Shop.Events");
    private static readonly Meter Meter = new("Shop.Events");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("shop.events.published", "{event}");

    public async Task PublishOrderAsync(OrderPlaced order, string idempotencyKey, CancellationToken ct)
    {
        using var activity = Source.StartActivity("shop.orders publish", ActivityKind.Producer);
        var message = new Message<string, OrderPlaced> { Key = order.OrderId, Value = order };
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(activity?.Context ?? default, Baggage.Current), message.Headers, KafkaHeaderPropagation.Setter);
        message.Headers.Add("idempotency-key", Encoding.UTF8.GetBytes(idempotencyKey));

        activity?.SetTag("messaging.kafka.message.key", message.Key); // clean precision-about
        activity?.SetTag("shop.idempotency_key", idempotencyKey); // clean precision-about
        var delivered = await orders.ProduceAsync("shop.orders", message, ct);
        logger.LogInformation("Order {OrderId} delivered to {TopicPartitionOffset}", delivered.Key, delivered.TopicPartitionOffset); // clean precision-about
        Published.Add(1, new("topic", "shop.orders"), new("customer.tier", order.CustomerTier), new("channel", order.Channel)); // clean precision-names
        Published.Add(1, new("topic", "shop.orders"), new("customer.id", order.CustomerId)); // leak TC1003 direct
    }

    public async Task PublishCustomerAsync(CustomerEvent customerEvent, CancellationToken ct)
    {
        using var activity = Source.StartActivity("crm.customers publish", ActivityKind.Producer);
        var message = new Message<string, CustomerEvent> { Key = customerEvent.CustomerId, Value = customerEvent };
        Baggage.SetBaggage("crm.customer", customerEvent.CustomerId); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.message.key", message.Key); // leak TC1001 cross-member
        activity?.SetTag("crm.email_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(customerEvent.Email.Trim().ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("crm.email_domain", customerEvent.Email[(customerEvent.Email.IndexOf('@') + 1)..]); // clean precision-about

        try
        {
            await customers.ProduceAsync("crm.customers", message, ct);
        }
        catch (ProduceException<string, CustomerEvent> ex) when (ex.Error.Code == ErrorCode.MsgSizeTooLarge)
        {
            logger.LogError(ex, "Customer event {Type} too large for the topic", customerEvent.Type); // clean exceptions
        }
        catch (ProduceException<string, CustomerEvent> ex)
        {
            logger.LogError(ex, "Could not publish the customer event of {CustomerId}", ex.DeliveryResult.Key); // leak TC1001 direct
            activity?.SetStatus(ActivityStatusCode.Error, $"publish failed for {customerEvent.Email}"); // leak TC1001 strings
        }
    }
}
