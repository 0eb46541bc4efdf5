using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

// Stand-ins for the Azure Functions isolated worker and the Service Bus client, reduced to the
// members the functions of the corpus use. Only the shapes matter.

namespace Microsoft.Azure.Functions.Worker
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FunctionAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    public enum AuthorizationLevel
    {
        Anonymous,
        Function,
        Admin,
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) : Attribute
    {
        public AuthorizationLevel AuthLevel { get; } = authLevel;

        public string[] Methods { get; } = methods;

        public string? Route { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class QueueTriggerAttribute(string queueName) : Attribute
    {
        public string QueueName { get; } = queueName;

        public string? Connection { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TimerTriggerAttribute(string schedule) : Attribute
    {
        public string Schedule { get; } = schedule;

        public bool RunOnStartup { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class BlobTriggerAttribute(string blobPath) : Attribute
    {
        public string BlobPath { get; } = blobPath;

        public string? Connection { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ServiceBusTriggerAttribute : Attribute
    {
        public ServiceBusTriggerAttribute(string queueName) => QueueName = queueName;

        public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
        {
            TopicName = topicName;
            SubscriptionName = subscriptionName;
        }

        public string? QueueName { get; }

        public string? TopicName { get; }

        public string? SubscriptionName { get; }

        public string? Connection { get; set; }

        public bool IsSessionsEnabled { get; set; }

        public bool AutoCompleteMessages { get; set; } = true;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.ReturnValue)]
    public sealed class QueueOutputAttribute(string queueName) : Attribute
    {
        public string QueueName { get; } = queueName;
    }

    public sealed class ScheduleStatus
    {
        public DateTime Last { get; init; }

        public DateTime Next { get; init; }

        public DateTime LastUpdated { get; init; }
    }

    public sealed class TimerInfo
    {
        public ScheduleStatus? ScheduleStatus { get; init; }

        public bool IsPastDue { get; init; }
    }

    public sealed class FunctionDefinition
    {
        public required string Name { get; init; }

        public required string Id { get; init; }

        public string EntryPoint { get; init; } = string.Empty;
    }

    public sealed class TraceContext
    {
        public string TraceParent { get; init; } = string.Empty;

        public string TraceState { get; init; } = string.Empty;
    }

    public abstract class BindingContext
    {
        /// <summary>The trigger's metadata: route values, the message's properties, the blob path's parameters.</summary>
        public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
    }

    public abstract class FunctionContext
    {
        public abstract string InvocationId { get; }

        public abstract string FunctionId { get; }

        public abstract FunctionDefinition FunctionDefinition { get; }

        public abstract BindingContext BindingContext { get; }

        public abstract TraceContext TraceContext { get; }

        public abstract IDictionary<object, object> Items { get; set; }

        public abstract IServiceProvider InstanceServices { get; set; }

        public abstract CancellationToken CancellationToken { get; }

        public ILogger GetLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public ILogger<T> GetLogger<T>() => Microsoft.Extensions.Logging.Abstractions.NullLogger<T>.Instance;
    }

    public delegate Task FunctionExecutionDelegate(FunctionContext context);
}

namespace Microsoft.Azure.Functions.Worker.Middleware
{
    public interface IFunctionsWorkerMiddleware
    {
        Task Invoke(FunctionContext context, FunctionExecutionDelegate next);
    }
}

namespace Microsoft.Azure.Functions.Worker.Http
{
    public sealed class HttpHeadersCollection : Dictionary<string, string>
    {
        public HttpHeadersCollection()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            if (TryGetValue(name, out var value))
            {
                values = [value];
                return true;
            }

            values = null;
            return false;
        }
    }

    public abstract class HttpRequestData(FunctionContext functionContext)
    {
        public FunctionContext FunctionContext { get; } = functionContext;

        public abstract Uri Url { get; }

        public abstract string Method { get; }

        public abstract HttpHeadersCollection Headers { get; }

        public abstract System.Collections.Specialized.NameValueCollection Query { get; }

        public abstract System.IO.Stream Body { get; }

        public abstract HttpResponseData CreateResponse();

        public HttpResponseData CreateResponse(System.Net.HttpStatusCode statusCode)
        {
            var response = CreateResponse();
            response.StatusCode = statusCode;
            return response;
        }

        public ValueTask<T?> ReadFromJsonAsync<T>(CancellationToken cancellationToken = default) =>
            JsonSerializer.DeserializeAsync<T>(Body, cancellationToken: cancellationToken);
    }

    public abstract class HttpResponseData(FunctionContext functionContext)
    {
        public FunctionContext FunctionContext { get; } = functionContext;

        public System.Net.HttpStatusCode StatusCode { get; set; }

        public HttpHeadersCollection Headers { get; } = new();

        public ValueTask WriteAsJsonAsync<T>(T value, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task WriteStringAsync(string value, Encoding? encoding = null) => Task.CompletedTask;
    }
}

namespace Azure.Messaging.ServiceBus
{
    public sealed class ServiceBusReceivedMessage
    {
        public required string MessageId { get; init; }

        public string? CorrelationId { get; init; }

        public string? SessionId { get; init; }

        public string? Subject { get; init; }

        public string? ContentType { get; init; }

        public required BinaryData Body { get; init; }

        public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

        public int DeliveryCount { get; init; }

        public long SequenceNumber { get; init; }

        public DateTimeOffset EnqueuedTime { get; init; }

        public string? DeadLetterReason { get; init; }

        public string? DeadLetterErrorDescription { get; init; }

        public string? DeadLetterSource { get; init; }
    }

    public class ServiceBusMessageActions
    {
        public virtual Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public virtual Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public virtual Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = null, string? deadLetterReason = null, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public sealed class ServiceBusMessage(BinaryData body)
    {
        public BinaryData Body { get; } = body;

        public string? MessageId { get; set; }

        public string? CorrelationId { get; set; }

        public string? SessionId { get; set; }

        public string? Subject { get; set; }

        public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>();
    }

    public interface IServiceBusSender
    {
        Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default);
    }
}

namespace System
{
    /// <summary>Stand-in for System.Memory.Data's BinaryData.</summary>
    public sealed class BinaryData(ReadOnlyMemory<byte> data)
    {
        private readonly ReadOnlyMemory<byte> _data = data;

        public static BinaryData FromString(string data) => new(Encoding.UTF8.GetBytes(data));

        public static BinaryData FromObjectAsJson<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value));

        public T? ToObjectFromJson<T>() => JsonSerializer.Deserialize<T>(_data.Span);

        public ReadOnlyMemory<byte> ToMemory() => _data;

        public override string ToString() => Encoding.UTF8.GetString(_data.Span);
    }
}
