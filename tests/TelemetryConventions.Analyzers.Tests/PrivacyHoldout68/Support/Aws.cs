using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the AWS SDK for .NET (v3/v4) clients the services use: DynamoDB, S3, SQS, Kinesis and
// Secrets Manager. Only the shapes, and what the real exceptions say, matter.

namespace Amazon.Runtime
{
    public enum ErrorType
    {
        Unknown,
        Sender,
        Receiver,
    }

    /// <summary>
    /// The base of every service exception: the service's error code, its message, the HTTP status and
    /// the request id. The messages are the services' texts quoted below on each subclass.
    /// </summary>
    public class AmazonServiceException(string message, Exception? innerException = null) : Exception(message, innerException)
    {
        public string? ErrorCode { get; init; }

        public ErrorType ErrorType { get; init; }

        public string? RequestId { get; init; }

        public HttpStatusCode StatusCode { get; init; }

        public bool Retryable { get; init; }
    }

    public sealed class ResponseMetadata
    {
        public string RequestId { get; init; } = string.Empty;

        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
    }

    public class AmazonWebServiceResponse
    {
        public HttpStatusCode HttpStatusCode { get; init; } = HttpStatusCode.OK;

        public ResponseMetadata ResponseMetadata { get; init; } = new();

        public long ContentLength { get; init; }
    }
}

namespace Amazon.DynamoDBv2
{
    public enum ReturnValuesOnConditionCheckFailure
    {
        NONE,
        ALL_OLD,
    }

    public enum ReturnConsumedCapacity
    {
        NONE,
        TOTAL,
        INDEXES,
    }
}

namespace Amazon.DynamoDBv2.Model
{
    using Amazon.Runtime;

    public sealed class AttributeValue
    {
        public AttributeValue()
        {
        }

        public AttributeValue(string s) => S = s;

        public string? S { get; set; }

        public string? N { get; set; }

        public bool? BOOL { get; set; }

        public Dictionary<string, AttributeValue>? M { get; set; }
    }

    public sealed class ConsumedCapacity
    {
        public string TableName { get; init; } = string.Empty;

        public double? CapacityUnits { get; init; }

        public double? WriteCapacityUnits { get; init; }
    }

    public sealed class PutItemRequest
    {
        public string TableName { get; set; } = string.Empty;

        public Dictionary<string, AttributeValue> Item { get; set; } = new();

        public string? ConditionExpression { get; set; }

        public Dictionary<string, string>? ExpressionAttributeNames { get; set; }

        public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; set; }

        public ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure { get; set; }

        public ReturnConsumedCapacity ReturnConsumedCapacity { get; set; }
    }

    public sealed class PutItemResponse : AmazonWebServiceResponse
    {
        public ConsumedCapacity? ConsumedCapacity { get; init; }
    }

    public sealed class GetItemRequest
    {
        public string TableName { get; set; } = string.Empty;

        public Dictionary<string, AttributeValue> Key { get; set; } = new();

        public bool? ConsistentRead { get; set; }
    }

    public sealed class GetItemResponse : AmazonWebServiceResponse
    {
        public Dictionary<string, AttributeValue> Item { get; init; } = new();

        public bool IsItemSet => Item.Count > 0;

        public ConsumedCapacity? ConsumedCapacity { get; init; }
    }

    public sealed class UpdateItemRequest
    {
        public string TableName { get; set; } = string.Empty;

        public Dictionary<string, AttributeValue> Key { get; set; } = new();

        public string? UpdateExpression { get; set; }

        public string? ConditionExpression { get; set; }

        public Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; set; }

        public ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure { get; set; }
    }

    public sealed class UpdateItemResponse : AmazonWebServiceResponse
    {
        public Dictionary<string, AttributeValue> Attributes { get; init; } = new();

        public ConsumedCapacity? ConsumedCapacity { get; init; }
    }

    /// <summary>"The conditional request failed". With ALL_OLD, <see cref="Item"/> is the item as stored.</summary>
    public sealed class ConditionalCheckFailedException(string message) : AmazonServiceException(message)
    {
        public Dictionary<string, AttributeValue> Item { get; init; } = new();
    }

    /// <summary>"The level of configured provisioned throughput for the table was exceeded. …" (names no key).</summary>
    public sealed class ProvisionedThroughputExceededException(string message) : AmazonServiceException(message);

    /// <summary>"Requested resource not found" or "Requested resource not found: Table: {table} not found".</summary>
    public sealed class ResourceNotFoundException(string message) : AmazonServiceException(message);

    /// <summary>"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]".</summary>
    public sealed class TransactionCanceledException(string message) : AmazonServiceException(message)
    {
        public List<CancellationReason> CancellationReasons { get; init; } = new();
    }

    public sealed class CancellationReason
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        public Dictionary<string, AttributeValue>? Item { get; init; }
    }
}

namespace Amazon.DynamoDBv2
{
    using Amazon.DynamoDBv2.Model;

    public interface IAmazonDynamoDB
    {
        Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default);

        Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default);

        Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.S3
{
    /// <summary>S3's failure: "The specified key does not exist.", "Access Denied", … (names no key).</summary>
    public sealed class AmazonS3Exception(string message) : Amazon.Runtime.AmazonServiceException(message)
    {
        public string? AmazonId2 { get; init; }
    }

    public interface IAmazonS3
    {
        Task<Model.PutObjectResponse> PutObjectAsync(Model.PutObjectRequest request, CancellationToken cancellationToken = default);

        Task<Model.GetObjectMetadataResponse> GetObjectMetadataAsync(string bucketName, string key, CancellationToken cancellationToken = default);

        Task<Model.CopyObjectResponse> CopyObjectAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CancellationToken cancellationToken = default);

        Task<Model.ListObjectsV2Response> ListObjectsV2Async(Model.ListObjectsV2Request request, CancellationToken cancellationToken = default);

        string GetPreSignedURL(Model.GetPreSignedUrlRequest request);
    }
}

namespace Amazon.S3.Model
{
    using Amazon.Runtime;

    public sealed class MetadataCollection
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The SDK stores user metadata under <c>x-amz-meta-</c> names.</summary>
        public string? this[string name]
        {
            get => _values.TryGetValue(name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name : "x-amz-meta-" + name, out var v) ? v : null;
            set => _values[name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name : "x-amz-meta-" + name] = value ?? string.Empty;
        }

        public ICollection<string> Keys => _values.Keys;

        public int Count => _values.Count;

        public void Add(string name, string value) => this[name] = value;
    }

    public sealed class PutObjectRequest
    {
        public string BucketName { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        public Stream? InputStream { get; set; }

        public string? ContentType { get; set; }

        public MetadataCollection Metadata { get; } = new();
    }

    public sealed class PutObjectResponse : AmazonWebServiceResponse
    {
        public string ETag { get; init; } = string.Empty;

        public string? VersionId { get; init; }
    }

    public sealed class GetObjectMetadataResponse : AmazonWebServiceResponse
    {
        public MetadataCollection Metadata { get; } = new();

        public string ETag { get; init; } = string.Empty;

        public DateTime LastModified { get; init; }
    }

    public sealed class CopyObjectResponse : AmazonWebServiceResponse
    {
        public string ETag { get; init; } = string.Empty;
    }

    public sealed class S3Object
    {
        public string Key { get; init; } = string.Empty;

        public long Size { get; init; }

        public string ETag { get; init; } = string.Empty;
    }

    public sealed class ListObjectsV2Request
    {
        public string BucketName { get; set; } = string.Empty;

        public string? Prefix { get; set; }
    }

    public sealed class ListObjectsV2Response : AmazonWebServiceResponse
    {
        public List<S3Object> S3Objects { get; init; } = new();

        public int KeyCount { get; init; }
    }

    public sealed class GetPreSignedUrlRequest
    {
        public string BucketName { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        public DateTime Expires { get; set; }
    }
}

namespace Amazon.SQS.Model
{
    using Amazon.Runtime;

    public sealed class MessageAttributeValue
    {
        public string DataType { get; set; } = "String";

        public string? StringValue { get; set; }
    }

    public sealed class SendMessageRequest
    {
        public string QueueUrl { get; set; } = string.Empty;

        public string MessageBody { get; set; } = string.Empty;

        public string? MessageGroupId { get; set; }

        public string? MessageDeduplicationId { get; set; }

        public int? DelaySeconds { get; set; }

        public Dictionary<string, MessageAttributeValue> MessageAttributes { get; set; } = new();
    }

    public sealed class SendMessageResponse : AmazonWebServiceResponse
    {
        public string MessageId { get; init; } = string.Empty;

        public string? SequenceNumber { get; init; }

        public string MD5OfMessageBody { get; init; } = string.Empty;
    }

    public sealed class Message
    {
        public string MessageId { get; init; } = string.Empty;

        public string ReceiptHandle { get; init; } = string.Empty;

        public string Body { get; init; } = string.Empty;

        public string MD5OfBody { get; init; } = string.Empty;

        /// <summary>System attributes: ApproximateReceiveCount, MessageGroupId, SentTimestamp, …</summary>
        public Dictionary<string, string> Attributes { get; init; } = new();

        public Dictionary<string, MessageAttributeValue> MessageAttributes { get; init; } = new();
    }

    public sealed class ReceiveMessageRequest
    {
        public string QueueUrl { get; set; } = string.Empty;

        public int MaxNumberOfMessages { get; set; } = 10;

        public List<string> MessageSystemAttributeNames { get; set; } = new();

        public List<string> MessageAttributeNames { get; set; } = new();
    }

    public sealed class ReceiveMessageResponse : AmazonWebServiceResponse
    {
        public List<Message> Messages { get; init; } = new();
    }
}

namespace Amazon.SQS
{
    /// <summary>"The specified queue does not exist.", "… MessageGroupId is required for FIFO queues." (names no value).</summary>
    public sealed class AmazonSQSException(string message) : Amazon.Runtime.AmazonServiceException(message);

    public interface IAmazonSQS
    {
        Task<Model.SendMessageResponse> SendMessageAsync(Model.SendMessageRequest request, CancellationToken cancellationToken = default);

        Task<Model.ReceiveMessageResponse> ReceiveMessageAsync(Model.ReceiveMessageRequest request, CancellationToken cancellationToken = default);

        Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default);

        Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, int visibilityTimeout, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.Kinesis.Model
{
    using Amazon.Runtime;

    public sealed class PutRecordRequest
    {
        public string StreamName { get; set; } = string.Empty;

        public string PartitionKey { get; set; } = string.Empty;

        public string? ExplicitHashKey { get; set; }

        public MemoryStream Data { get; set; } = new();
    }

    public sealed class PutRecordResponse : AmazonWebServiceResponse
    {
        public string ShardId { get; init; } = string.Empty;

        public string SequenceNumber { get; init; } = string.Empty;
    }

    public sealed class PutRecordsRequestEntry
    {
        public string PartitionKey { get; set; } = string.Empty;

        public MemoryStream Data { get; set; } = new();
    }

    public sealed class PutRecordsRequest
    {
        public string StreamName { get; set; } = string.Empty;

        public List<PutRecordsRequestEntry> Records { get; set; } = new();
    }

    /// <summary>
    /// A failed entry: ErrorCode ProvisionedThroughputExceededException or InternalFailure, and the
    /// service's text ("Rate exceeded for shard shardId-000000000001 in stream taps under account 1234…").
    /// </summary>
    public sealed class PutRecordsResultEntry
    {
        public string? ShardId { get; init; }

        public string? SequenceNumber { get; init; }

        public string? ErrorCode { get; init; }

        public string? ErrorMessage { get; init; }
    }

    public sealed class PutRecordsResponse : AmazonWebServiceResponse
    {
        public int FailedRecordCount { get; init; }

        public List<PutRecordsResultEntry> Records { get; init; } = new();
    }

    /// <summary>"Rate exceeded for shard … in stream … under account …" (names the shard, not the key).</summary>
    public sealed class ProvisionedThroughputExceededException(string message) : AmazonServiceException(message);
}

namespace Amazon.Kinesis
{
    public interface IAmazonKinesis
    {
        Task<Model.PutRecordResponse> PutRecordAsync(Model.PutRecordRequest request, CancellationToken cancellationToken = default);

        Task<Model.PutRecordsResponse> PutRecordsAsync(Model.PutRecordsRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.SecretsManager.Model
{
    using Amazon.Runtime;

    public sealed class GetSecretValueRequest
    {
        public string SecretId { get; set; } = string.Empty;

        public string? VersionStage { get; set; }
    }

    public sealed class GetSecretValueResponse : AmazonWebServiceResponse
    {
        public string Name { get; init; } = string.Empty;

        public string ARN { get; init; } = string.Empty;

        public string VersionId { get; init; } = string.Empty;

        public string SecretString { get; init; } = string.Empty;

        public List<string> VersionStages { get; init; } = new();
    }

    /// <summary>"Secrets Manager can't find the specified secret." (names no secret).</summary>
    public sealed class ResourceNotFoundException(string message) : AmazonServiceException(message);
}

namespace Amazon.SecretsManager
{
    public interface IAmazonSecretsManager
    {
        Task<Model.GetSecretValueResponse> GetSecretValueAsync(Model.GetSecretValueRequest request, CancellationToken cancellationToken = default);
    }
}
