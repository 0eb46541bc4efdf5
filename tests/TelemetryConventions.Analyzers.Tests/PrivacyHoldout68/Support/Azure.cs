using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the Azure SDK clients the services use: Azure.Core, Cosmos DB (v3), Blob Storage,
// Service Bus, Event Hubs and Key Vault secrets. Only the shapes, and what the real types print in
// their messages and ToString(), matter; the comments say what the real SDKs write.

namespace System
{
    public sealed class BinaryData(ReadOnlyMemory<byte> bytes)
    {
        public static BinaryData FromString(string text) => new(Encoding.UTF8.GetBytes(text));

        public static BinaryData FromBytes(byte[] data) => new(data);

        public ReadOnlyMemory<byte> ToMemory() => bytes;

        public T? ToObjectFromJson<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(bytes.Span);

        public override string ToString() => Encoding.UTF8.GetString(bytes.Span);
    }
}

namespace Azure
{
    public readonly struct ETag(string value) : IEquatable<ETag>
    {
        public static readonly ETag All = new("*");

        public bool Equals(ETag other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ETag other && Equals(other);

        public override int GetHashCode() => ToString().GetHashCode();

        public override string ToString() => value ?? string.Empty;
    }

    /// <summary>
    /// Azure.Core's failure: the status, the service's error code and the service's message. Storage
    /// services write fixed texts ("The specified blob does not exist."); Key Vault's SecretNotFound
    /// quotes the name it was asked for: "A secret with (name/id) {name} was not found in this key vault."
    /// </summary>
    public class RequestFailedException(int status, string message, string? errorCode = null, Exception? innerException = null)
        : Exception(message, innerException)
    {
        public int Status { get; } = status;

        public string? ErrorCode { get; } = errorCode;
    }

    public abstract class Response
    {
        public abstract int Status { get; }

        public abstract string ClientRequestId { get; }
    }

    public sealed class Response<T>(T value, int status = 200)
    {
        public T Value { get; } = value;

        public int Status { get; } = status;
    }
}

namespace Microsoft.Azure.Cosmos
{
    using Azure;

    public enum ConnectionMode
    {
        Gateway,
        Direct,
    }

    public sealed class CosmosClientOptions
    {
        public ConnectionMode ConnectionMode { get; set; } = ConnectionMode.Direct;

        public string? ApplicationName { get; set; }

        public int MaxRetryAttemptsOnRateLimitedRequests { get; set; } = 9;
    }

    public class CosmosClient(string accountEndpoint, string authKey, CosmosClientOptions? options = null)
    {
        public Uri Endpoint { get; } = new(accountEndpoint);

        public CosmosClientOptions ClientOptions { get; } = options ?? new();

        public virtual Container GetContainer(string databaseId, string containerId) => new(this, databaseId, containerId);
    }

    /// <summary>A partition key value. ToString() prints its JSON: <c>["value"]</c>.</summary>
    public readonly struct PartitionKey(string? value)
    {
        public static readonly PartitionKey None = new(null);

        public override string ToString() => value is null ? "[]" : $"[\"{value}\"]";
    }

    public class ItemRequestOptions
    {
        public string? IfMatchEtag { get; set; }

        public string? IfNoneMatchEtag { get; set; }

        public bool? EnableContentResponseOnWrite { get; set; }

        public IReadOnlyDictionary<string, object>? Properties { get; set; }
    }

    public sealed class QueryRequestOptions
    {
        public PartitionKey? PartitionKey { get; set; }

        public int? MaxItemCount { get; set; }
    }

    /// <summary>
    /// The SDK's diagnostics. ToString() is a JSON trace of the operation: its name, the regions
    /// contacted, retries and timings; in gateway mode its HTTP statistics quote each request URI: for a
    /// point operation on an item (read, replace, patch, delete) the item's link
    /// (<c>…/dbs/{db}/colls/{container}/docs/{id}</c>), for a create, an upsert or a query the container's
    /// link. The partition key travels in a header and is not quoted. In direct mode it names replicas'
    /// physical addresses, not the item.
    /// </summary>
    public abstract class CosmosDiagnostics
    {
        public abstract TimeSpan GetClientElapsedTime();

        public abstract IReadOnlyList<(string regionName, Uri uri)> GetContactedRegions();

        public abstract int GetFailedRequestCount();

        public abstract override string ToString();
    }

    public abstract class Response<T>
    {
        public abstract T Resource { get; }

        public abstract HttpStatusCode StatusCode { get; }

        public abstract double RequestCharge { get; }

        public abstract string ActivityId { get; }

        public abstract string ETag { get; }

        public abstract CosmosDiagnostics Diagnostics { get; }
    }

    public abstract class ItemResponse<T> : Response<T>;

    public abstract class FeedResponse<T> : Response<IEnumerable<T>>, IEnumerable<T>
    {
        public abstract int Count { get; }

        public abstract string ContinuationToken { get; }

        public abstract IEnumerator<T> GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public abstract class FeedIterator<T> : IDisposable
    {
        public abstract bool HasMoreResults { get; }

        public abstract Task<FeedResponse<T>> ReadNextAsync(CancellationToken cancellationToken = default);

        public void Dispose()
        {
        }
    }

    public sealed class QueryDefinition(string query)
    {
        public string QueryText { get; } = query;

        public QueryDefinition WithParameter(string name, object value) => this;
    }

    public sealed class PatchOperation
    {
        public static PatchOperation Set<T>(string path, T value) => new() { Path = path };

        public static PatchOperation Increment(string path, long value) => new() { Path = path };

        public string Path { get; private init; } = string.Empty;
    }

    /// <summary>
    /// Cosmos DB's failure. Message: "Response status code does not indicate success: NotFound (404);
    /// Substatus: 0; ActivityId: …; Reason: (…);" where the reason is the service's fixed text
    /// ("Entity with the specified id does not exist in the system.", "Request rate is large."). It
    /// names no document. ToString() appends the Diagnostics (see <see cref="CosmosDiagnostics"/>).
    /// </summary>
    public class CosmosException(string message, HttpStatusCode statusCode, int subStatusCode, string activityId, double requestCharge)
        : Exception(message)
    {
        public HttpStatusCode StatusCode { get; } = statusCode;

        public int SubStatusCode { get; } = subStatusCode;

        public string ActivityId { get; } = activityId;

        public double RequestCharge { get; } = requestCharge;

        public TimeSpan? RetryAfter { get; init; }

        public virtual CosmosDiagnostics Diagnostics { get; init; } = null!;

        public override string ToString() => $"{GetType().FullName}: {Message}{Environment.NewLine}{Diagnostics}";
    }

    public class Container(CosmosClient client, string databaseId, string id)
    {
        public string Id { get; } = id;

        public string DatabaseId { get; } = databaseId;

        public CosmosClient Client { get; } = client;

        public virtual Task<ItemResponse<T>> ReadItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<ItemResponse<T>> CreateItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<ItemResponse<T>> UpsertItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<ItemResponse<T>> ReplaceItemAsync<T>(T item, string id, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<ItemResponse<T>> PatchItemAsync<T>(string id, PartitionKey partitionKey, IReadOnlyList<PatchOperation> patchOperations, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<ItemResponse<T>> DeleteItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual FeedIterator<T> GetItemQueryIterator<T>(QueryDefinition queryDefinition, string? continuationToken = null, QueryRequestOptions? requestOptions = null) => throw new NotImplementedException();
    }
}

namespace Azure.Storage.Blobs.Models
{
    public sealed class BlobProperties
    {
        public long ContentLength { get; init; }

        public string? ContentType { get; init; }

        public Azure.ETag ETag { get; init; }

        public DateTimeOffset LastModified { get; init; }

        public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    }

    public sealed class BlobItem
    {
        public required string Name { get; init; }

        public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    }

    public sealed class BlobHttpHeaders
    {
        public string? ContentType { get; set; }

        public string? ContentDisposition { get; set; }
    }

    public sealed class BlobUploadOptions
    {
        public BlobHttpHeaders? HttpHeaders { get; set; }

        public IDictionary<string, string>? Metadata { get; set; }

        public IDictionary<string, string>? Tags { get; set; }
    }

    public sealed class BlobContentInfo
    {
        public Azure.ETag ETag { get; init; }

        public DateTimeOffset LastModified { get; init; }

        public string? VersionId { get; init; }
    }
}

namespace Azure.Storage.Blobs
{
    using Azure.Storage.Blobs.Models;

    public class BlobServiceClient(Uri serviceUri)
    {
        public Uri Uri { get; } = serviceUri;

        public string AccountName => Uri.Host.Split('.')[0];

        public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) => new(new Uri(Uri, blobContainerName + "/"), blobContainerName);
    }

    public class BlobContainerClient(Uri uri, string name)
    {
        public Uri Uri { get; } = uri;

        public string Name { get; } = name;

        public virtual BlobClient GetBlobClient(string blobName) => new(new Uri(Uri, blobName), Name, blobName);

        public virtual IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }

    public class BlobClient(Uri uri, string containerName, string name)
    {
        public Uri Uri { get; } = uri;

        public string BlobContainerName { get; } = containerName;

        public string Name { get; } = name;

        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Uri GenerateSasUri(int permissions, DateTimeOffset expiresOn) => new(Uri + "?sv=2024-08-04&sig=…");
    }
}

namespace Azure.Messaging.ServiceBus
{
    public enum ServiceBusFailureReason
    {
        GeneralError,
        MessagingEntityNotFound,
        MessageLockLost,
        SessionLockLost,
        SessionCannotBeLocked,
        ServiceBusy,
        ServiceTimeout,
        QuotaExceeded,
        MessageSizeExceeded,
    }

    /// <summary>
    /// Service Bus's failure: the reason, the entity path and the broker's text. For
    /// SessionCannotBeLocked the broker's text quotes the session: "The requested session '{sessionId}'
    /// cannot be accepted. It may be locked by another receiver." Other reasons name the entity only
    /// ("The messaging entity 'sb://…/results' could not be found.", "The lock supplied is invalid.").
    /// </summary>
    public class ServiceBusException(string message, ServiceBusFailureReason reason, string? entityPath = null, Exception? innerException = null)
        : Exception(message, innerException)
    {
        public ServiceBusFailureReason Reason { get; } = reason;

        public string? EntityPath { get; } = entityPath;

        public bool IsTransient => Reason is ServiceBusFailureReason.ServiceBusy or ServiceBusFailureReason.ServiceTimeout;
    }

    public sealed class ServiceBusMessage
    {
        public ServiceBusMessage(string body) => Body = BinaryData.FromString(body);

        public ServiceBusMessage(BinaryData body) => Body = body;

        public BinaryData Body { get; set; }

        public string? MessageId { get; set; }

        public string? SessionId { get; set; }

        public string? CorrelationId { get; set; }

        public string? Subject { get; set; }

        public string? ContentType { get; set; }

        public TimeSpan TimeToLive { get; set; }

        public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>();
    }

    public sealed class ServiceBusReceivedMessage
    {
        public string MessageId { get; init; } = Guid.NewGuid().ToString("N");

        public string? SessionId { get; init; }

        public string? CorrelationId { get; init; }

        public string? Subject { get; init; }

        public int DeliveryCount { get; init; }

        public long SequenceNumber { get; init; }

        public DateTimeOffset EnqueuedTime { get; init; }

        public BinaryData Body { get; init; } = BinaryData.FromString(string.Empty);

        public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();
    }

    public class ServiceBusSender(string entityPath)
    {
        public string EntityPath { get; } = entityPath;

        public virtual Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class ServiceBusClient(string fullyQualifiedNamespace)
    {
        public string FullyQualifiedNamespace { get; } = fullyQualifiedNamespace;

        public virtual ServiceBusSender CreateSender(string queueOrTopicName) => new(queueOrTopicName);

        public virtual ServiceBusSessionProcessor CreateSessionProcessor(string queueName) => new() { EntityPath = queueName };
    }

    public sealed class ProcessSessionMessageEventArgs(ServiceBusReceivedMessage message, string sessionId, CancellationToken cancellationToken)
    {
        public ServiceBusReceivedMessage Message { get; } = message;

        public string SessionId { get; } = sessionId;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SetSessionStateAsync(BinaryData sessionState, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public enum ServiceBusErrorSource
    {
        Receive,
        ProcessMessageCallback,
        AcceptSession,
        CloseSession,
        RenewLock,
    }

    public sealed class ProcessErrorEventArgs(Exception exception, ServiceBusErrorSource errorSource, string fullyQualifiedNamespace, string entityPath)
    {
        public Exception Exception { get; } = exception;

        public ServiceBusErrorSource ErrorSource { get; } = errorSource;

        public string FullyQualifiedNamespace { get; } = fullyQualifiedNamespace;

        public string EntityPath { get; } = entityPath;
    }

    public sealed class ServiceBusSessionProcessor
    {
        public string EntityPath { get; init; } = string.Empty;

        public event Func<ProcessSessionMessageEventArgs, Task>? ProcessMessageAsync;

        public event Func<ProcessErrorEventArgs, Task>? ProcessErrorAsync;

        public Task StartProcessingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        internal Task Raise(ProcessSessionMessageEventArgs args) => ProcessMessageAsync?.Invoke(args) ?? Task.CompletedTask;

        internal Task Raise(ProcessErrorEventArgs args) => ProcessErrorAsync?.Invoke(args) ?? Task.CompletedTask;
    }
}

namespace Azure.Messaging.EventHubs
{
    public class EventData(BinaryData eventBody)
    {
        public EventData(string body)
            : this(BinaryData.FromString(body))
        {
        }

        public BinaryData EventBody { get; } = eventBody;

        public IDictionary<string, object> Properties { get; } = new Dictionary<string, object>();

        public string? MessageId { get; set; }

        public string? CorrelationId { get; set; }

        /// <summary>Set on received events: the partition key the producer sent the event with.</summary>
        public string? PartitionKey { get; init; }

        public long SequenceNumber { get; init; }

        public DateTimeOffset EnqueuedTime { get; init; }
    }

    /// <summary>Event Hubs' failure: a reason and the hub's name ("… (my-hub). Reason: QuotaExceeded").</summary>
    public class EventHubsException(bool isTransient, string eventHubName, string message, EventHubsException.FailureReason reason)
        : Exception(message)
    {
        public enum FailureReason
        {
            GeneralError,
            QuotaExceeded,
            ServiceBusy,
            ServiceTimeout,
            MessageSizeExceeded,
        }

        public bool IsTransient { get; } = isTransient;

        public string EventHubName { get; } = eventHubName;

        public FailureReason Reason { get; } = reason;
    }
}

namespace Azure.Messaging.EventHubs.Producer
{
    public class SendEventOptions
    {
        public string? PartitionKey { get; set; }

        public string? PartitionId { get; set; }
    }

    public sealed class CreateBatchOptions : SendEventOptions
    {
        public long? MaximumSizeInBytes { get; set; }
    }

    public sealed class EventDataBatch
    {
        public int Count { get; private set; }

        public long SizeInBytes { get; private set; }

        public bool TryAdd(EventData eventData)
        {
            Count++;
            SizeInBytes += eventData.EventBody.ToMemory().Length;
            return true;
        }
    }

    public class EventHubProducerClient(string fullyQualifiedNamespace, string eventHubName)
    {
        public string FullyQualifiedNamespace { get; } = fullyQualifiedNamespace;

        public string EventHubName { get; } = eventHubName;

        public virtual ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, CancellationToken cancellationToken = default) => new(new EventDataBatch());

        public virtual Task SendAsync(EventDataBatch eventBatch, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public virtual Task SendAsync(IEnumerable<EventData> eventBatch, SendEventOptions options, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace Azure.Messaging.EventHubs.Processor
{
    public sealed class PartitionContext(string partitionId)
    {
        public string PartitionId { get; } = partitionId;
    }

    public readonly struct ProcessEventArgs(PartitionContext partition, EventData data, CancellationToken cancellationToken)
    {
        public PartitionContext Partition { get; } = partition;

        public EventData Data { get; } = data;

        public bool HasEvent => Data is not null;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public Task UpdateCheckpointAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace Azure.Security.KeyVault.Secrets
{
    public sealed class SecretProperties
    {
        public string Name { get; init; } = string.Empty;

        public string? Version { get; init; }

        public DateTimeOffset? ExpiresOn { get; init; }

        public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>();

        public string? ContentType { get; init; }
    }

    public sealed class KeyVaultSecret(string name, string value)
    {
        public string Name { get; } = name;

        public string Value { get; } = value;

        /// <summary>https://{vault}.vault.azure.net/secrets/{name}/{version}</summary>
        public Uri Id { get; init; } = new("https://vault.vault.azure.net/secrets/" + name);

        public SecretProperties Properties { get; init; } = new() { Name = name };
    }

    public class SecretClient(Uri vaultUri)
    {
        public Uri VaultUri { get; } = vaultUri;

        /// <exception cref="RequestFailedException">404 SecretNotFound, whose message quotes the name.</exception>
        public virtual Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public virtual Task<Response<KeyVaultSecret>> SetSecretAsync(string name, string value, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
