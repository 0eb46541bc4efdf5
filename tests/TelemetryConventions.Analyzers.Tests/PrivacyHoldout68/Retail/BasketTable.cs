using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PrivacyHoldout68.Retail;

/// <summary>
/// Baskets in DynamoDB ("baskets", pk = the basket id, a GUID the web client creates; customerNumber an
/// attribute) and receipts in S3 under receipts/{yyyy}/{MM}/{orderId}.pdf with the customer's email as metadata.
/// </summary>
public sealed class BasketTable(IAmazonDynamoDB dynamo, IAmazonS3 s3, ILogger<BasketTable> logger)
{
    private static readonly Meter BasketMeter = new("Shop.Baskets");
    private static readonly BasketDurationHistogram Duration = BasketMeter.CreateBasketDurationHistogram();

    public async Task AddLineAsync(Guid basketId, string customerNumber, string sku, int quantity, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var request = new UpdateItemRequest
        {
            TableName = "baskets",
            Key = new() { ["pk"] = new(basketId.ToString()) },
            UpdateExpression = "SET lines.#sku = if_not_exists(lines.#sku, :zero) + :qty, customerNumber = :customer",
            ConditionExpression = "attribute_not_exists(checkedOutAt)",
            ExpressionAttributeValues = new() { [":qty"] = new() { N = quantity.ToString() }, [":zero"] = new() { N = "0" }, [":customer"] = new(customerNumber) },
        };
        try
        {
            await dynamo.UpdateItemAsync(request, ct);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "baskets", "updated"); // clean precision-about
            Activity.Current?.SetTag("aws.dynamodb.key", request.Key["pk"].S); // clean precision-about
            Activity.Current?.SetTag("aws.dynamodb.update_expression", request.UpdateExpression); // clean precision-names
            logger.LogDebug("Line {Sku} x{Quantity} added for customer {CustomerNumber}", sku, quantity, request.ExpressionAttributeValues[":customer"].S); // leak TC1001 cross-member
        }
        catch (ConditionalCheckFailedException ex)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "baskets", "checked_out");
            logger.LogWarning(ex, "Basket {BasketId} already checked out", basketId); // clean exceptions
        }
        catch (AmazonServiceException ex)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "baskets", ex.ErrorCode ?? "error"); // clean exceptions
            logger.LogError("Basket update failed {ErrorCode}; values {Values}", ex.ErrorCode, string.Join(",", request.ExpressionAttributeValues!.Values.Select(v => v.S ?? v.N))); // leak TC1001 strings
            throw;
        }
    }

    public async Task StoreReceiptAsync(string orderId, string email, byte[] pdf, CancellationToken ct)
    {
        var put = new PutObjectRequest { BucketName = "shop-receipts", Key = $"receipts/{DateTime.UtcNow:yyyy/MM}/{orderId}.pdf", InputStream = new MemoryStream(pdf) };
        put.Metadata["customer-email"] = email;
        put.Metadata["order-id"] = orderId;
        var response = await s3.PutObjectAsync(put, ct);
        Activity.Current?.SetTag("aws.s3.key", put.Key); // clean precision-about
        logger.LogInformation("Receipt {Key} stored, etag {ETag}, {Count} metadata entries", put.Key, response.ETag, put.Metadata.Count); // clean precision-about
        logger.LogDebug("Receipt metadata {Metadata}", put.Metadata.Keys.ToDictionary(k => k, k => put.Metadata[k])); // leak TC1001 logging-objects
        var copied = await s3.CopyObjectAsync("shop-receipts", put.Key, "shop-receipts-archive", $"by-customer/{email}/{orderId}.pdf", ct);
        logger.LogDebug("Receipt archived, etag {ETag}, status {Status}", copied.ETag, copied.HttpStatusCode); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("receipt.archived", tags: new ActivityTagsCollection { ["archive.key"] = $"by-customer/{email}/{orderId}.pdf" })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("receipt.archived", tags: new ActivityTagsCollection { ["archive.domain"] = email[(email.IndexOf('@') + 1)..] })); // clean precision-about
    }
}
