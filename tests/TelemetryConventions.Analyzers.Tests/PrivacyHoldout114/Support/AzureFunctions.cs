using System.Net;
using Microsoft.Extensions.Logging;

// The isolated worker model of Azure Functions, reduced to the shapes the function apps use.
namespace Microsoft.Azure.Functions.Worker
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FunctionAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) : Attribute
    {
        public AuthorizationLevel AuthLevel { get; } = authLevel;

        public string[] Methods { get; } = methods;

        public string? Route { get; set; }
    }

    public enum AuthorizationLevel
    {
        Anonymous,
        Function,
        Admin,
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class QueueTriggerAttribute(string queueName) : Attribute
    {
        public string QueueName { get; } = queueName;

        public string? Connection { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class BlobTriggerAttribute(string blobPath) : Attribute
    {
        public string BlobPath { get; } = blobPath;

        public string? Connection { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TimerTriggerAttribute(string schedule) : Attribute
    {
        public string Schedule { get; } = schedule;

        public bool RunOnStartup { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ServiceBusTriggerAttribute(string queueName) : Attribute
    {
        public string QueueName { get; } = queueName;

        public string? Connection { get; set; }

        public bool IsSessionsEnabled { get; set; }

        public bool AutoCompleteMessages { get; set; } = true;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class EventGridTriggerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class CosmosDBTriggerAttribute(string databaseName, string containerName) : Attribute
    {
        public string DatabaseName { get; } = databaseName;

        public string ContainerName { get; } = containerName;

        public string? LeaseContainerName { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class BlobInputAttribute(string blobPath) : Attribute
    {
        public string BlobPath { get; } = blobPath;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.ReturnValue)]
    public sealed class QueueOutputAttribute(string queueName) : Attribute
    {
        public string QueueName { get; } = queueName;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.ReturnValue)]
    public sealed class ServiceBusOutputAttribute(string queueOrTopicName) : Attribute
    {
        public string QueueOrTopicName { get; } = queueOrTopicName;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.ReturnValue)]
    public sealed class BlobOutputAttribute(string blobPath) : Attribute
    {
        public string BlobPath { get; } = blobPath;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FixedDelayRetryAttribute(int maxRetryCount, string delayInterval) : Attribute
    {
        public int MaxRetryCount { get; } = maxRetryCount;

        public string DelayInterval { get; } = delayInterval;
    }

    public sealed class FunctionDefinition
    {
        public string Id { get; init; } = Guid.NewGuid().ToString("N");

        public string Name { get; init; } = string.Empty;

        public string EntryPoint { get; init; } = string.Empty;
    }

    public sealed class BindingContext
    {
        /// <summary>The trigger's metadata: route values, blob path parameters, message properties.</summary>
        public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>();
    }

    public sealed class RetryContext
    {
        public int RetryCount { get; init; }

        public int MaxRetryCount { get; init; }
    }

    public sealed class TraceContext
    {
        public string TraceParent { get; init; } = string.Empty;

        public string TraceState { get; init; } = string.Empty;
    }

    public abstract class FunctionContext
    {
        public abstract string InvocationId { get; }

        public abstract string FunctionId { get; }

        public abstract FunctionDefinition FunctionDefinition { get; }

        public abstract BindingContext BindingContext { get; }

        public abstract RetryContext? RetryContext { get; }

        public abstract TraceContext TraceContext { get; }

        public abstract IDictionary<object, object> Items { get; set; }

        public abstract CancellationToken CancellationToken { get; }

        public ILogger GetLogger(string categoryName) => NullLoggerStandIn.Instance;

        public ILogger<T> GetLogger<T>() => new LoggerStandIn<T>();
    }

    internal sealed class NullLoggerStandIn : ILogger
    {
        public static readonly NullLoggerStandIn Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }

    internal sealed class LoggerStandIn<T> : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }

    public sealed class TimerInfo
    {
        public ScheduleStatus? ScheduleStatus { get; init; }

        public bool IsPastDue { get; init; }
    }

    public sealed class ScheduleStatus
    {
        public DateTime Last { get; init; }

        public DateTime Next { get; init; }

        public DateTime LastUpdated { get; init; }
    }

    /// <summary>The Event Grid schema event, as Event Grid triggers bind it.</summary>
    public sealed class EventGridEvent
    {
        public string Id { get; init; } = Guid.NewGuid().ToString();

        public string Topic { get; init; } = string.Empty;

        public string Subject { get; init; } = string.Empty;

        public string EventType { get; init; } = string.Empty;

        public DateTimeOffset EventTime { get; init; }

        public BinaryData Data { get; init; } = BinaryData.Empty;
    }

    public sealed class BinaryData
    {
        private readonly byte[] _bytes;

        public BinaryData(byte[] bytes) => _bytes = bytes;

        public static BinaryData Empty { get; } = new(Array.Empty<byte>());

        public static BinaryData FromString(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

        public T? ToObjectFromJson<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(_bytes);

        public override string ToString() => System.Text.Encoding.UTF8.GetString(_bytes);
    }

    /// <summary>Service Bus message, as the isolated worker binds it (Azure.Messaging.ServiceBus).</summary>
    public sealed class ServiceBusReceivedMessage
    {
        public string MessageId { get; init; } = Guid.NewGuid().ToString("N");

        public string? CorrelationId { get; init; }

        public string? SessionId { get; init; }

        public string? Subject { get; init; }

        public int DeliveryCount { get; init; }

        public long SequenceNumber { get; init; }

        public DateTimeOffset EnqueuedTime { get; init; }

        public string? DeadLetterSource { get; init; }

        public string? DeadLetterReason { get; init; }

        public string? DeadLetterErrorDescription { get; init; }

        public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

        public BinaryData Body { get; init; } = BinaryData.Empty;
    }

    public abstract class ServiceBusMessageActions
    {
        public abstract Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default);

        public abstract Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default);

        public abstract Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = null, string? deadLetterReason = null, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default);
    }

    /// <summary>Azure.RequestFailedException, as the storage and Cosmos SDKs throw it.</summary>
    public sealed class RequestFailedException(int status, string message, string? errorCode = null) : Exception(message)
    {
        public int Status { get; } = status;

        public string? ErrorCode { get; } = errorCode;
    }
}

namespace Microsoft.Azure.Functions.Worker.Http
{
    public abstract class HttpRequestData
    {
        public abstract Uri Url { get; }

        public abstract string Method { get; }

        public abstract IReadOnlyDictionary<string, string> Headers { get; }

        public abstract System.IO.Stream Body { get; }

        public abstract FunctionContext FunctionContext { get; }

        public abstract IReadOnlyDictionary<string, string> Query { get; }

        public abstract HttpResponseData CreateResponse(HttpStatusCode statusCode);

        public async Task<T?> ReadFromJsonAsync<T>(CancellationToken cancellationToken = default) =>
            await System.Text.Json.JsonSerializer.DeserializeAsync<T>(Body, cancellationToken: cancellationToken);
    }

    public abstract class HttpResponseData
    {
        public abstract HttpStatusCode StatusCode { get; set; }

        public abstract IDictionary<string, string> Headers { get; }

        public Task WriteAsJsonAsync<T>(T value, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task WriteStringAsync(string value, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
