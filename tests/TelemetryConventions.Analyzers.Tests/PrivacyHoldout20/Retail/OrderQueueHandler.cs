using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Retail;

public sealed record OrderPlaced(string OrderId, string CustomerId, string Email, decimal Total, string Currency, int Lines);

public sealed class PaymentDeclinedException(string customerId, string declineCode)
    : Exception($"Card declined ({declineCode}) for customer {customerId}")
{
    public string DeclineCode { get; } = declineCode;
}

public interface IOrderService
{
    Task ConfirmAsync(OrderPlaced order);
}

/// <summary>
/// Consumes the <c>orders.fifo</c> queue. Messages are grouped by customer (<c>MessageGroupId</c> is the
/// customer id) so that one customer's orders are confirmed in order.
/// </summary>
public sealed class OrderQueueHandler(IOrderService orders, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public async Task<SQSBatchResponse> Handle(SQSEvent sqsEvent, ILambdaContext context)
    {
        context.Logger.LogInformation($"Batch of {sqsEvent.Records.Count} orders, request {context.AwsRequestId}"); // clean precision-about
        var failures = new List<SQSBatchResponse.BatchItemFailure>();

        foreach (var record in sqsEvent.Records)
        {
            using var span = source.StartServerlessInvocation(context.FunctionName, "sqs");
            span.SetServerlessInvocationId(context.AwsRequestId); // clean precision-names
            span.SetServerlessDeliveryCount(int.Parse(record.Attributes["ApproximateReceiveCount"])); // clean precision-about
            span.Activity?.SetTag("messaging.message.group_id", record.Attributes["MessageGroupId"]); // leak TC1001 cross-member
            span.Activity?.SetTag("messaging.message.id", record.MessageId); // clean precision-names

            OrderPlaced? order;
            try
            {
                order = JsonSerializer.Deserialize<OrderPlaced>(record.Body);
            }
            catch (JsonException)
            {
                context.Logger.LogError($"Unparseable order message {record.Body}"); // leak TC1001 strings
                failures.Add(new() { ItemIdentifier = record.MessageId });
                continue;
            }

            if (order is null)
            {
                continue;
            }

            span.SetServerlessSubjectId(pseudonymizer.PseudonymizeServerlessSubjectId(order.CustomerId)); // clean precision-pseudonym
            if (record.MessageAttributes.TryGetValue("confirmationEmail", out var notify))
            {
                context.Logger.LogLine("Confirmation goes to " + notify.StringValue); // leak TC1001 strings
            }

            try
            {
                await orders.ConfirmAsync(order);
                context.Logger.LogInformation("Order {OrderId} confirmed, {Lines} lines", order.OrderId, order.Lines); // clean precision-names
            }
            catch (PaymentDeclinedException ex)
            {
                context.Logger.LogError(ex, "Payment declined for order {OrderId}", order.OrderId); // leak TC1001 exceptions
                span.SetServerlessOutcome(ex.DeclineCode); // clean exceptions
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                failures.Add(new() { ItemIdentifier = record.MessageId });
            }
        }

        context.Logger.LogWarning($"{failures.Count} messages returned: {string.Join(",", failures.Select(f => f.ItemIdentifier))}"); // clean precision-names
        return new SQSBatchResponse(failures);
    }
}
