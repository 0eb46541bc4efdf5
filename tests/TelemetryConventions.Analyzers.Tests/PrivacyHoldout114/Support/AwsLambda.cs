// The AWS Lambda .NET libraries (Amazon.Lambda.Core and the event packages), reduced to their shapes.
namespace Amazon.Lambda.Core
{
    public interface ILambdaLogger
    {
        void Log(string message);

        void LogLine(string message);

        void LogInformation(string message);

        void LogWarning(string message);

        void LogError(string message);

        void LogInformation(string message, params object[] args);

        void LogWarning(string message, params object[] args);

        void LogError(string message, params object[] args);

        void LogError(Exception exception, string message, params object[] args);
    }

    public interface ILambdaContext
    {
        string AwsRequestId { get; }

        string FunctionName { get; }

        string FunctionVersion { get; }

        string InvokedFunctionArn { get; }

        string LogGroupName { get; }

        string LogStreamName { get; }

        int MemoryLimitInMB { get; }

        TimeSpan RemainingTime { get; }

        ILambdaLogger Logger { get; }
    }

    /// <summary>The static logger of Amazon.Lambda.Core, writing to the function's log stream.</summary>
    public static class LambdaLogger
    {
        public static void Log(string message)
        {
        }
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute(Type serializerType) : Attribute
    {
        public Type SerializerType { get; } = serializerType;
    }
}

namespace Amazon.Lambda.APIGatewayEvents
{
    public sealed class APIGatewayProxyRequest
    {
        public string Resource { get; set; } = string.Empty;

        public string Path { get; set; } = string.Empty;

        public string HttpMethod { get; set; } = "GET";

        public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

        public IDictionary<string, string>? QueryStringParameters { get; set; }

        public IDictionary<string, string>? PathParameters { get; set; }

        public IDictionary<string, string>? StageVariables { get; set; }

        public ProxyRequestContext RequestContext { get; set; } = new();

        public string? Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public sealed class ProxyRequestContext
        {
            public string RequestId { get; set; } = string.Empty;

            public string Stage { get; set; } = string.Empty;

            public string ResourcePath { get; set; } = string.Empty;

            public string AccountId { get; set; } = string.Empty;

            public RequestIdentity Identity { get; set; } = new();

            public APIGatewayCustomAuthorizerContext Authorizer { get; set; } = new();
        }

        public sealed class RequestIdentity
        {
            public string SourceIp { get; set; } = string.Empty;

            public string UserAgent { get; set; } = string.Empty;

            public string? CognitoIdentityId { get; set; }

            public string? User { get; set; }
        }
    }

    public sealed class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
    {
        public Dictionary<string, string> Claims { get; set; } = new();

        public string? PrincipalId { get; set; }
    }

    public sealed class APIGatewayProxyResponse
    {
        public int StatusCode { get; set; }

        public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

        public string? Body { get; set; }
    }
}

namespace Amazon.Lambda.SQSEvents
{
    public sealed class SQSEvent
    {
        public List<SQSMessage> Records { get; set; } = new();

        public sealed class SQSMessage
        {
            public string MessageId { get; set; } = string.Empty;

            public string ReceiptHandle { get; set; } = string.Empty;

            public string Body { get; set; } = string.Empty;

            public string Md5OfBody { get; set; } = string.Empty;

            public string EventSourceArn { get; set; } = string.Empty;

            public string AwsRegion { get; set; } = string.Empty;

            /// <summary>System attributes: ApproximateReceiveCount, SentTimestamp, MessageGroupId, MessageDeduplicationId…</summary>
            public Dictionary<string, string> Attributes { get; set; } = new();

            public Dictionary<string, MessageAttribute> MessageAttributes { get; set; } = new();
        }

        public sealed class MessageAttribute
        {
            public string DataType { get; set; } = "String";

            public string? StringValue { get; set; }
        }
    }

    public sealed class SQSBatchResponse
    {
        public List<BatchItemFailure> BatchItemFailures { get; set; } = new();

        public sealed class BatchItemFailure
        {
            public string ItemIdentifier { get; set; } = string.Empty;
        }
    }
}

namespace Amazon.Lambda.S3Events
{
    public sealed class S3Event
    {
        public List<S3EventNotificationRecord> Records { get; set; } = new();

        public sealed class S3EventNotificationRecord
        {
            public string EventName { get; set; } = string.Empty;

            public DateTime EventTime { get; set; }

            public string AwsRegion { get; set; } = string.Empty;

            public S3Entity S3 { get; set; } = new();
        }

        public sealed class S3Entity
        {
            public S3BucketEntity Bucket { get; set; } = new();

            public S3ObjectEntity Object { get; set; } = new();
        }

        public sealed class S3BucketEntity
        {
            public string Name { get; set; } = string.Empty;

            public string Arn { get; set; } = string.Empty;
        }

        public sealed class S3ObjectEntity
        {
            public string Key { get; set; } = string.Empty;

            public long Size { get; set; }

            public string ETag { get; set; } = string.Empty;

            public string? VersionId { get; set; }
        }
    }
}

namespace Amazon.Lambda.DynamoDBEvents
{
    public sealed class DynamoDBEvent
    {
        public List<DynamodbStreamRecord> Records { get; set; } = new();

        public sealed class DynamodbStreamRecord
        {
            public string EventID { get; set; } = string.Empty;

            public string EventName { get; set; } = string.Empty;

            public string EventSourceArn { get; set; } = string.Empty;

            public StreamRecord Dynamodb { get; set; } = new();
        }

        public sealed class StreamRecord
        {
            public Dictionary<string, AttributeValue> Keys { get; set; } = new();

            public Dictionary<string, AttributeValue> NewImage { get; set; } = new();

            public Dictionary<string, AttributeValue> OldImage { get; set; } = new();

            public string SequenceNumber { get; set; } = string.Empty;

            public long SizeBytes { get; set; }
        }

        public sealed class AttributeValue
        {
            public string? S { get; set; }

            public string? N { get; set; }

            public bool? BOOL { get; set; }
        }
    }

    public sealed class StreamsEventResponse
    {
        public List<BatchItemFailure> BatchItemFailures { get; set; } = new();

        public sealed class BatchItemFailure
        {
            public string ItemIdentifier { get; set; } = string.Empty;
        }
    }
}

namespace Amazon.Lambda.CloudWatchEvents
{
    /// <summary>An EventBridge event (scheduled or from a bus), with its typed detail.</summary>
    public class CloudWatchEvent<T>
    {
        public string Id { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public string DetailType { get; set; } = string.Empty;

        public string Account { get; set; } = string.Empty;

        public DateTime Time { get; set; }

        public List<string> Resources { get; set; } = new();

        public T Detail { get; set; } = default!;
    }

    public sealed class ScheduledEvent : CloudWatchEvent<Dictionary<string, object>>;
}

namespace PrivacyHoldout114.Support
{
    /// <summary>The SQS client the functions use to re-queue and dead-letter messages (AWSSDK.SQS).</summary>
    public interface IAmazonSQS
    {
        Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

        Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default);
    }

    public sealed class SendMessageRequest
    {
        public string QueueUrl { get; set; } = string.Empty;

        public string MessageBody { get; set; } = string.Empty;

        public string? MessageGroupId { get; set; }

        public int DelaySeconds { get; set; }

        public Dictionary<string, Amazon.Lambda.SQSEvents.SQSEvent.MessageAttribute> MessageAttributes { get; set; } = new();
    }

    public sealed record SendMessageResponse(string MessageId);

    /// <summary>The SDK's service exception (AmazonServiceException).</summary>
    public class AmazonServiceException(string message, string errorCode, int statusCode) : Exception(message)
    {
        public string ErrorCode { get; } = errorCode;

        public int StatusCode { get; } = statusCode;

        public string RequestId { get; init; } = string.Empty;
    }

    /// <summary>DynamoDB's conditional check failure; its message is the service's fixed text.</summary>
    public sealed class ConditionalCheckFailedException(string message) : AmazonServiceException(message, "ConditionalCheckFailedException", 400);

    /// <summary>The S3 client, reduced to what the functions read and write.</summary>
    public interface IAmazonS3
    {
        Task<string> GetObjectTextAsync(string bucket, string key, CancellationToken cancellationToken = default);

        Task PutObjectAsync(string bucket, string key, string content, CancellationToken cancellationToken = default);
    }
}
