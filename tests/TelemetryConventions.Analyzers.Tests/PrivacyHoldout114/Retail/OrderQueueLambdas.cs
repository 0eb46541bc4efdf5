namespace PrivacyHoldout114.Retail;

/// <summary>The orders FIFO queue (grouped by customer number), the loyalty table's DynamoDB stream (items keyed by customer number, with email, tier and points) and the DLQ redrive.</summary>
public sealed class OrderQueueLambdas(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IAmazonSQS sqs, ILogger<OrderQueueLambdas> logger)
{
    private static readonly ActivitySource Source = new("Retailer.OrderQueue.Lambda");
    private static readonly Meter Meter = new("Retailer.OrderQueue.Lambda");
    private static readonly Counter<long> LoyaltyChanges = Meter.CreateCounter<long>("orderfn.loyalty.changes");
    private static readonly Histogram<long> BatchSize = Meter.CreateHistogram<long>("orderfn.batch.size");

    public async Task<SQSBatchResponse> OnOrdersAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var response = new SQSBatchResponse();
        using var span = Source.StartOrderfnInvoke(context.FunctionName, "sqs");
        span.SetOrderfnBatchSize(sqsEvent.Records.Count).SetOrderfnQueue("orders.fifo"); // clean generated-api
        BatchSize.Record(sqsEvent.Records.Count, new KeyValuePair<string, object?>("queue", "orders.fifo")); // clean precision-about
        foreach (var message in sqsEvent.Records)
        {
            var group = message.Attributes["MessageGroupId"];
            context.Logger.LogInformation("Order message {MessageId} in group {Group}", message.MessageId, group); // leak TC1001 precision-names
            context.Logger.LogInformation("Order message {MessageId} received {Count} times", message.MessageId, message.Attributes["ApproximateReceiveCount"]); // clean precision-names
            span.SetOrderfnCustomerId(pseudonymizer.PseudonymizeOrderfnCustomerId(group)); // clean precision-pseudonym
            var order = JsonSerializer.Deserialize<PlaceOrder>(message.Body)!;
            if (order.Lines.Count == 0)
            {
                response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                span.SetOrderfnNote($"empty order for {order.Email}"); // leak TC1001 generated-api
            }
        }
        context.Logger.LogInformation("Batch failures {Failures}", string.Join(",", response.BatchItemFailures.Select(f => f.ItemIdentifier))); // clean strings
        return response;
    }

    public async Task<StreamsEventResponse> OnLoyaltyStreamAsync(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        using var span = Source.StartOrderfnInvoke(context.FunctionName, "dynamodb");
        foreach (var record in streamEvent.Records)
        {
            var customerNumber = record.Dynamodb.Keys["pk"].S!;
            context.Logger.LogInformation("Loyalty {EventName} for {Key}", record.EventName, customerNumber); // leak TC1001 direct
            context.Logger.LogInformation("Loyalty {EventName} record {EventId}, {Size} bytes", record.EventName, record.EventID, record.Dynamodb.SizeBytes); // clean precision-names
            var tier = record.Dynamodb.NewImage.TryGetValue("tier", out var t) ? t.S : null;
            LoyaltyChanges.Add(1, new KeyValuePair<string, object?>("tier", tier), new KeyValuePair<string, object?>("event", record.EventName)); // clean precision-about
            var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber)))[..8];
            span.Activity?.SetTag("orderfn.customer.bucket", bucket); // leak TC1002 hashes
            var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 32;
            span.Activity?.SetTag("orderfn.customer.shard", keyed); // clean hashes
            context.Logger.LogInformation("New image {Image}", JsonSerializer.Serialize(record.Dynamodb.NewImage.ToDictionary(p => p.Key, p => p.Value.S ?? p.Value.N))); // leak TC1001 strings
        }
        await Task.CompletedTask;
        return new StreamsEventResponse();
    }

    public async Task RedriveAsync(ScheduledEvent scheduled, ILambdaContext context)
    {
        context.Logger.LogInformation("Redrive {EventId} at {Time} from {Source}", scheduled.Id, scheduled.Time, scheduled.Source); // clean precision-names
        try
        {
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo", MessageBody = "redrive", MessageGroupId = "redrive" });
        }
        catch (AmazonServiceException ex)
        {
            context.Logger.LogError(ex, "Redrive failed"); // clean exceptions
            logger.LogOrderfnFunctionFailedEvent(context.FunctionName, "failed", null, ex.ErrorCode); // clean generated-api
        }
    }
}
