using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the Dapr .NET SDK (state store, pub/sub, CloudEvents), reduced to the members the
// services of the corpus use. Only the shapes matter.

namespace Dapr
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class TopicAttribute(string pubsubName, string name) : Attribute
    {
        public string PubsubName { get; } = pubsubName;

        public string Name { get; } = name;

        public string? DeadLetterTopic { get; set; }
    }

    public class CloudEvent<TData>(TData data)
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = Guid.NewGuid().ToString();

        [JsonPropertyName("source")]
        public Uri? Source { get; init; }

        [JsonPropertyName("type")]
        public string? Type { get; init; }

        [JsonPropertyName("subject")]
        public string? Subject { get; init; }

        [JsonPropertyName("time")]
        public DateTimeOffset? Time { get; init; }

        [JsonPropertyName("datacontenttype")]
        public string? DataContentType { get; init; }

        [JsonPropertyName("data")]
        public TData Data { get; } = data;
    }

    public sealed class DaprException(string message, Exception? innerException = null) : Exception(message, innerException);
}

namespace Dapr.Client
{
    public sealed class StateOptions
    {
        public ConsistencyMode? Consistency { get; init; }

        public ConcurrencyMode? Concurrency { get; init; }
    }

    public enum ConsistencyMode
    {
        Eventual,
        Strong,
    }

    public enum ConcurrencyMode
    {
        FirstWrite,
        LastWrite,
    }

    public sealed record BulkStateItem(string Key, string Value, string ETag);

    public abstract class DaprClient
    {
        public abstract Task<TValue> GetStateAsync<TValue>(string storeName, string key, ConsistencyMode? consistencyMode = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task<(TValue value, string etag)> GetStateAndETagAsync<TValue>(string storeName, string key, ConsistencyMode? consistencyMode = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task SaveStateAsync<TValue>(string storeName, string key, TValue value, StateOptions? stateOptions = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task<bool> TrySaveStateAsync<TValue>(string storeName, string key, TValue value, string etag, StateOptions? stateOptions = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task DeleteStateAsync(string storeName, string key, StateOptions? stateOptions = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task<IReadOnlyList<BulkStateItem>> GetBulkStateAsync(string storeName, IReadOnlyList<string> keys, int? parallelism, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

        public abstract Task PublishEventAsync<TData>(string pubsubName, string topicName, TData data, Dictionary<string, string> metadata, CancellationToken cancellationToken = default);

        public Task PublishEventAsync<TData>(string pubsubName, string topicName, TData data, CancellationToken cancellationToken = default) =>
            PublishEventAsync(pubsubName, topicName, data, new Dictionary<string, string>(), cancellationToken);

        public abstract Task<TResponse> InvokeMethodAsync<TRequest, TResponse>(string appId, string methodName, TRequest data, CancellationToken cancellationToken = default);
    }
}
