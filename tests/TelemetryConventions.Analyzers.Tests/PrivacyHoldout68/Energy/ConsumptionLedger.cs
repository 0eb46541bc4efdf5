using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.Runtime;

namespace PrivacyHoldout68.Energy;

public sealed record FeederEvent(string Feeder, string Kind, double LoadPercent, DateTimeOffset At);

public sealed record UsageAlert(string AccountNumber, string HolderEmail, decimal DailyKwh, decimal Threshold);

/// <summary>
/// Keeps each supply account's running consumption in DynamoDB ("consumption", pk = ACCOUNT#{accountNumber},
/// sk = {yyyy-MM}) with an optimistic version, and puts feeder events (keyed by feeder) and usage alerts
/// (keyed by account number) on Kinesis. Throttled calls are retried with backoff.
/// </summary>
public sealed class ConsumptionLedger(IAmazonDynamoDB dynamo, IAmazonKinesis kinesis, Pseudonymizer pseudonymizer, ILogger<ConsumptionLedger> logger)
{
    private static readonly Meter LedgerMeter = new("Supplier.Ledger");
    private static readonly Counter<long> Retries = LedgerMeter.CreateCounter<long>("aws.retries");
    private static readonly ReadingDurationHistogram Duration = LedgerMeter.CreateReadingDurationHistogram();

    public async Task AddAsync(string accountNumber, string region, decimal kwh, long expectedVersion, CancellationToken ct)
    {
        var key = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new($"ACCOUNT#{accountNumber}"),
            ["sk"] = new(DateTime.UtcNow.ToString("yyyy-MM")),
        };
        var request = new UpdateItemRequest
        {
            TableName = "consumption",
            Key = key,
            UpdateExpression = "SET kwh = kwh + :kwh, version = :next",
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = new() { [":kwh"] = new() { N = kwh.ToString() }, [":expected"] = new() { N = expectedVersion.ToString() }, [":next"] = new() { N = (expectedVersion + 1).ToString() } },
        };
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var updated = await dynamo.UpdateItemAsync(request, ct);
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, region, "updated"); // clean precision-about
                Activity.Current?.SetTag("aws.dynamodb.consumed_capacity", updated.ConsumedCapacity?.CapacityUnits); // clean precision-about
                return;
            }
            catch (Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException ex) when (attempt < 4)
            {
                Retries.Add(1, new KeyValuePair<string, object?>("table", request.TableName), new("attempt", attempt)); // clean precision-about
                logger.LogWarning(ex, "Throttled on {Table}, attempt {Attempt}", request.TableName, attempt); // clean exceptions
                Retries.Add(1, new KeyValuePair<string, object?>("table", request.TableName), new("key", key["pk"].S)); // leak TC1003 cross-member
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt)), ct);
            }
            catch (ConditionalCheckFailedException ex)
            {
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, region, "version_conflict");
                Activity.Current?.SetStatus(ActivityStatusCode.Error, $"{ex.ErrorCode}: {ex.Message}"); // clean exceptions
                logger.LogWarning("Version conflict updating {Key} with {@Values}", string.Join("/", key.Values.Select(v => v.S)), request.ExpressionAttributeValues); // leak TC1001 strings
                throw new ConsumptionConflictException(accountNumber, expectedVersion);
            }
            catch (AmazonServiceException ex)
            {
                logger.LogError("DynamoDB {ErrorCode} {StatusCode} request {RequestId} (retryable {Retryable})", ex.ErrorCode, ex.StatusCode, ex.RequestId, ex.Retryable); // clean exceptions
                throw;
            }
        }
    }

    public async Task PublishFeederAsync(FeederEvent feederEvent, CancellationToken ct)
    {
        var put = new PutRecordRequest { StreamName = "grid-events", PartitionKey = feederEvent.Feeder, Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(feederEvent)) };
        var result = await kinesis.PutRecordAsync(put, ct);
        Activity.Current?.SetTag("aws.kinesis.partition_key", put.PartitionKey); // clean precision-about
        logger.LogDebug("Feeder event on {ShardId} at {SequenceNumber}", result.ShardId, result.SequenceNumber); // clean precision-about
    }

    public async Task PublishAlertsAsync(IReadOnlyList<UsageAlert> alerts, CancellationToken ct)
    {
        var request = new PutRecordsRequest
        {
            StreamName = "usage-alerts",
            Records = alerts.Select(a => new PutRecordsRequestEntry { PartitionKey = a.AccountNumber, Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(a)) }).ToList(),
        };
        var response = await kinesis.PutRecordsAsync(request, ct);
        Activity.Current?.SetTag("aws.kinesis.failed_records", response.FailedRecordCount); // clean precision-about
        for (var i = 0; i < response.Records.Count; i++)
        {
            var entry = response.Records[i];
            if (entry.ErrorCode is null)
            {
                continue;
            }
            logger.LogWarning("Alert record failed: {ErrorCode} {ErrorMessage}", entry.ErrorCode, entry.ErrorMessage); // clean exceptions
            logger.LogWarning("Alert for {PartitionKey} not delivered", request.Records[i].PartitionKey); // leak TC1001 cross-member
            logger.LogReadingRejectedEvent($"alerts-{DateTime.UtcNow:yyyyMMddHH}", entry.ErrorCode, pseudonymizer.PseudonymizeReadingAccountId(alerts[i].AccountNumber), $"threshold {alerts[i].Threshold} kWh"); // clean generated-api
            Activity.Current?.SetTag(ReadingAttributes.AccountContact, alerts[i].HolderEmail); // leak TC1001 generated-api
        }
    }
}

public sealed class ConsumptionConflictException(string accountNumber, long expectedVersion)
    : Exception($"Consumption for account {accountNumber} changed since version {expectedVersion}.")
{
    public long ExpectedVersion { get; } = expectedVersion;
}
