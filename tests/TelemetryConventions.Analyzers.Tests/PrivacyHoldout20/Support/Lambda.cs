using System;
using System.Collections.Generic;

// Stand-ins for the AWS Lambda .NET runtime and its event types, reduced to the members the
// handlers of the corpus use. Only the shapes matter.

namespace Amazon.Lambda.Core
{
    /// <summary>Writes to the function's CloudWatch log stream.</summary>
    public interface ILambdaLogger
    {
        void Log(string message);

        void LogLine(string message);

        void LogInformation(string message);

        void LogWarning(string message);

        void LogError(string message);

        void LogInformation(string message, params object[] args);

        void LogWarning(string message, params object[] args);

        void LogError(Exception exception, string message, params object[] args);
    }

    public interface ILambdaContext
    {
        string AwsRequestId { get; }

        string FunctionName { get; }

        string FunctionVersion { get; }

        string InvokedFunctionArn { get; }

        string LogGroupName { get; }

        ILambdaLogger Logger { get; }

        TimeSpan RemainingTime { get; }

        int MemoryLimitInMB { get; }
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute(Type serializerType) : Attribute
    {
        public Type SerializerType { get; } = serializerType;
    }
}

namespace Amazon.Lambda.SQSEvents
{
    public class SQSEvent
    {
        public List<SQSMessage> Records { get; set; } = [];

        public class MessageAttribute
        {
            public string? StringValue { get; set; }

            public string DataType { get; set; } = "String";
        }

        public class SQSMessage
        {
            public string MessageId { get; set; } = string.Empty;

            public string ReceiptHandle { get; set; } = string.Empty;

            public string Body { get; set; } = string.Empty;

            public string Md5OfBody { get; set; } = string.Empty;

            public string EventSourceArn { get; set; } = string.Empty;

            /// <summary>System attributes: ApproximateReceiveCount, SentTimestamp, MessageGroupId, MessageDeduplicationId, SenderId.</summary>
            public Dictionary<string, string> Attributes { get; set; } = [];

            public Dictionary<string, MessageAttribute> MessageAttributes { get; set; } = [];
        }
    }

    public class SQSBatchResponse
    {
        public SQSBatchResponse()
        {
        }

        public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

        public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; } = string.Empty;
        }
    }
}

namespace Amazon.Lambda.SNSEvents
{
    public class SNSEvent
    {
        public List<SNSRecord> Records { get; set; } = [];

        public class MessageAttribute
        {
            public string Type { get; set; } = "String";

            public string Value { get; set; } = string.Empty;
        }

        public class SNSMessage
        {
            public string MessageId { get; set; } = string.Empty;

            public string Message { get; set; } = string.Empty;

            public string Subject { get; set; } = string.Empty;

            public string TopicArn { get; set; } = string.Empty;

            public DateTime Timestamp { get; set; }

            public IDictionary<string, MessageAttribute> MessageAttributes { get; set; } = new Dictionary<string, MessageAttribute>();
        }

        public class SNSRecord
        {
            public string EventSubscriptionArn { get; set; } = string.Empty;

            public SNSMessage Sns { get; set; } = new();
        }
    }
}

namespace Amazon.Lambda.APIGatewayEvents
{
    public class APIGatewayProxyRequest
    {
        public string Resource { get; set; } = string.Empty;

        public string Path { get; set; } = string.Empty;

        public string HttpMethod { get; set; } = "GET";

        public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

        public IDictionary<string, string>? QueryStringParameters { get; set; }

        public IDictionary<string, string>? PathParameters { get; set; }

        public string? Body { get; set; }

        public ProxyRequestContext RequestContext { get; set; } = new();

        public class RequestIdentity
        {
            public string SourceIp { get; set; } = string.Empty;

            public string UserAgent { get; set; } = string.Empty;
        }

        public class ProxyRequestContext
        {
            public string RequestId { get; set; } = string.Empty;

            public string Stage { get; set; } = string.Empty;

            public string ResourcePath { get; set; } = string.Empty;

            public RequestIdentity Identity { get; set; } = new();

            /// <summary>The authorizer's output; for a Cognito authorizer, <c>claims</c> holds the token's claims.</summary>
            public APIGatewayCustomAuthorizerContext Authorizer { get; set; } = new();
        }
    }

    public class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
    {
        public Dictionary<string, string> Claims { get; set; } = [];
    }

    public class APIGatewayProxyResponse
    {
        public int StatusCode { get; set; }

        public string? Body { get; set; }

        public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();
    }
}
