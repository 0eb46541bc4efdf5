namespace PrivacyHoldout114.Energy;

public sealed record MeterRead(string Mpan, string MeterSerial, DateTime ReadAt, decimal Kwh, string Region, string Tariff);

public sealed class ImplausibleReadException(string mpan, decimal kwh)
    : Exception($"Read of {kwh} kWh for MPAN {mpan} exceeds the plausibility limit");

/// <summary>
/// Smart meter read files arrive in S3 (reads/{region}/{mpan}/{date}.json); billing runs from SQS, whose
/// message body is the billing request (account number, MPAN, period and amount).
/// </summary>
public sealed class MeterReadLambdas(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IAmazonS3 s3, IAmazonSQS sqs, ILogger<MeterReadLambdas> logger)
{
    private static readonly ActivitySource Source = new("Supplier.MeterReads.Lambda");
    private static readonly Meter Meter = new("Supplier.MeterReads.Lambda");
    private static readonly MeterfnInvocationsCounter Invocations = Meter.CreateMeterfnInvocationsCounter();
    private static readonly Histogram<double> ReadKwh = Meter.CreateHistogram<double>("meterfn.read.kwh");
    private const string BillingDlqUrl = "https://sqs.eu-west-2.amazonaws.com/123456789012/billing-dlq";

    public async Task OnReadFileAsync(S3Event s3Event, ILambdaContext context)
    {
        using var span = Source.StartMeterfnInvoke(context.FunctionName, "s3");
        span.SetMeterfnBatchSize(s3Event.Records.Count).SetMeterfnInstanceId(context.AwsRequestId); // clean generated-api
        foreach (var record in s3Event.Records)
        {
            var key = record.S3.Object.Key;
            context.Logger.LogInformation($"Processing s3://{record.S3.Bucket.Name}/{key}"); // leak TC1001 strings
            context.Logger.LogInformation($"Processing object of {record.S3.Object.Size} bytes from {record.S3.Bucket.Name}"); // clean precision-about
            var region = key.Split('/')[1];
            span.SetMeterfnRegion(region); // clean generated-api
            var read = JsonSerializer.Deserialize<MeterRead>(await s3.GetObjectTextAsync(record.S3.Bucket.Name, key))!;
            ReadKwh.Record((double)read.Kwh, new KeyValuePair<string, object?>("tariff", read.Tariff)); // clean precision-about
            ReadKwh.Record((double)read.Kwh, new KeyValuePair<string, object?>("meter.serial", read.MeterSerial)); // leak TC1003 direct
            span.SetMeterfnNote($"meter model {read.MeterSerial[..3]}"); // clean precision-about
            if (read.Kwh > 500)
            {
                var ex = new ImplausibleReadException(read.Mpan, read.Kwh);
                context.Logger.LogError(ex, "Implausible read parked"); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                Invocations.Add(1, context.FunctionName, "s3", "implausible"); // clean generated-api
            }
        }
    }

    public async Task<SQSBatchResponse> OnBillingBatchAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var response = new SQSBatchResponse();
        using var span = Source.StartMeterfnInvoke(context.FunctionName, "sqs");
        foreach (var message in sqsEvent.Records)
        {
            var receiveCount = int.Parse(message.Attributes["ApproximateReceiveCount"], CultureInfo.InvariantCulture);
            span.SetMeterfnDeliveryCount(receiveCount).SetMeterfnQueue(message.EventSourceArn); // clean generated-api
            var account = message.MessageAttributes["accountNumber"].StringValue!;
            span.SetMeterfnAccountId(pseudonymizer.PseudonymizeMeterfnAccountId(account)); // clean precision-pseudonym
            context.Logger.LogInformation("Billing message {MessageId}, receive count {ReceiveCount}", message.MessageId, receiveCount); // clean precision-names
            context.Logger.LogInformation("Billing account {Account}", account); // leak TC1001 direct
            try
            {
                await BillAsync(message.Body);
            }
            catch (AmazonServiceException ex)
            {
                context.Logger.LogWarning("Billing failed with {ErrorCode} ({StatusCode}), request {RequestId}", ex.ErrorCode, ex.StatusCode, ex.RequestId); // clean exceptions
                if (receiveCount >= 5)
                {
                    await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = BillingDlqUrl, MessageBody = message.Body });
                    logger.LogMeterfnFunctionFailedEvent(context.FunctionName, "dead_lettered", pseudonymizer.PseudonymizeMeterfnAccountId(account), message.Body); // leak TC1001 generated-api
                    logger.LogWarning("Dead-lettered billing message {MessageId}", message.MessageId); // clean precision-names
                    continue;
                }
                response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }
        logger.LogInformation("Billing batch failures {@Failures}", response.BatchItemFailures.Select(f => f.ItemIdentifier)); // clean logging-objects
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(context.AwsRequestId))[0];
        span.Activity?.SetTag("meterfn.sample.bucket", bucket); // clean hashes
        return response;
    }

    private static Task BillAsync(string body) => Task.CompletedTask;
}
