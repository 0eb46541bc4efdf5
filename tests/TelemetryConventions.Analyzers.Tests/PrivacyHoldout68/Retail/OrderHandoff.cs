using System.Security.Cryptography;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace PrivacyHoldout68.Retail;

public sealed record PlacedOrder(string OrderId, string CustomerNumber, string Email, string DeliveryPostcode, string Store, decimal Total, IReadOnlyList<string> Skus, string? GiftMessage);

/// <summary>
/// Hands placed orders to fulfilment on the "orders.fifo" queue, grouped by customer so a customer's
/// orders and cancellations stay in order, deduplicated by order id. The payment provider's key is kept
/// in Secrets Manager as "payments/{store}/api-key".
/// </summary>
public sealed partial class OrderHandoff(IAmazonSQS sqs, IAmazonSecretsManager secrets, Pseudonymizer pseudonymizer, ILogger<OrderHandoff> logger)
{
    private const string OrdersQueue = "https://sqs.eu-west-1.amazonaws.com/444455556666/orders.fifo";
    private static readonly ActivitySource Source = new("Shop.Orders");
    private static readonly Meter OrdersMeter = new("Shop.Orders");
    private static readonly BasketHandoffsCounter Handoffs = OrdersMeter.CreateBasketHandoffsCounter();
    private static readonly Counter<long> Sent = OrdersMeter.CreateCounter<long>("sqs.sent");

    public async Task HandOffAsync(PlacedOrder order, CancellationToken ct)
    {
        var customer = pseudonymizer.PseudonymizeBasketCustomerId(order.CustomerNumber);
        using var span = Source.StartBasketCheckout("orders.fifo send") // clean precision-names
            .SetBasketOrderId(order.OrderId) // clean precision-about
            .SetBasketCustomerId(customer) // clean precision-pseudonym
            .SetBasketQueue("orders.fifo") // clean precision-names
            .SetBasketStore(order.Store); // clean precision-about
        var request = new SendMessageRequest
        {
            QueueUrl = OrdersQueue,
            MessageBody = JsonSerializer.Serialize(order),
            MessageGroupId = $"customer-{order.CustomerNumber}",
            MessageDeduplicationId = order.OrderId,
            MessageAttributes = { ["store"] = new() { StringValue = order.Store }, ["postcode"] = new() { StringValue = order.DeliveryPostcode } },
        };
        try
        {
            var sent = await sqs.SendMessageAsync(request, ct);
            Handoffs.Add(1, "orders.fifo", "sent");
            Sent.Add(1, new KeyValuePair<string, object?>("queue", "orders.fifo"), new("group", request.MessageGroupId)); // leak TC1003 cross-member
            Sent.Add(1, new KeyValuePair<string, object?>("queue", "orders.fifo"), new("customer", customer.Value)); // leak TC1003 precision-pseudonym
            LogHandedOff(logger, order.OrderId, sent.MessageId, sent.MD5OfMessageBody); // clean precision-about
            span.Activity?.SetTag("order.district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
            span.Activity?.SetTag("order.gift_message", order.GiftMessage); // leak TC1001 direct
            span.Activity?.SetTag("order.has_gift_message", order.GiftMessage is not null); // clean precision-about
        }
        catch (AmazonSQSException ex)
        {
            span.SetBasketOutcome(ex.ErrorCode ?? "sqs_error").SetBasketNote(ex.Message); // clean exceptions
            logger.LogBasketHandoffFailedEvent(order.OrderId, "sqs_error", customer, $"group {request.MessageGroupId}"); // leak TC1001 generated-api
            logger.LogBasketHandoffFailedEvent(order.OrderId, "sqs_error", customer, $"{order.Skus.Count} lines, {order.Total:0.00}"); // clean generated-api
            logger.LogError(ex, "Order {OrderId} for {Email} not handed off", order.OrderId, order.Email); // leak TC1001 direct
            span.Activity?.SetTag(BasketAttributes.CustomerContact, order.Email); // leak TC1001 generated-api
            throw;
        }
    }

    public async Task<string> PaymentKeyAsync(string store, CancellationToken ct)
    {
        var request = new GetSecretValueRequest { SecretId = $"payments/{store}/api-key" };
        try
        {
            var secret = await secrets.GetSecretValueAsync(request, ct);
            Activity.Current?.SetTag("aws.secretsmanager.arn", secret.ARN); // clean precision-names
            return secret.SecretString;
        }
        catch (Amazon.SecretsManager.Model.ResourceNotFoundException ex)
        {
            logger.LogError(ex, "Payment key {SecretId} missing", request.SecretId); // clean exceptions
            throw;
        }
    }

    public async Task ReplayAsync(IReadOnlyList<Message> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            var group = message.Attributes.GetValueOrDefault("MessageGroupId");
            var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(group ?? "")))[..8];
            logger.LogInformation("Replaying {MessageId} (receive count {Count}) group digest {Digest}", message.MessageId, message.Attributes.GetValueOrDefault("ApproximateReceiveCount"), digest); // leak TC1002 hashes
            logger.LogDebug("Replaying body {Body}", message.Body); // leak TC1001 logging-objects
            logger.LogDebug("Replaying body of {Length} chars, md5 {Md5}", message.Body.Length, message.MD5OfBody); // clean hashes
            await sqs.ChangeMessageVisibilityAsync(OrdersQueue, message.ReceiptHandle, 0, ct);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Order {OrderId} handed off as {MessageId} (body md5 {Md5})")]
    private static partial void LogHandedOff(ILogger logger, string orderId, string messageId, string md5);
}
