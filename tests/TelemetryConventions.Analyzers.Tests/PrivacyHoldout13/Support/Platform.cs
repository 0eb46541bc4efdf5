using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyHoldout13.Support;

// What the platform team ships to every stream service: the data taxonomy for log redaction,
// the CDC envelope, the idempotency and deduplication stores, and the secrets a service gets.

public static class StreamTaxonomy
{
    public const string Name = "Streams";

    public static DataClassification Personal { get; } = new(Name, nameof(Personal));

    public static DataClassification Operational { get; } = new(Name, nameof(Operational));
}

/// <summary>Personal data: the logging pipeline's redactor replaces it.</summary>
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(StreamTaxonomy.Personal)
    {
    }
}

/// <summary>Operational data that may be logged as it is.</summary>
public sealed class OperationalDataAttribute : DataClassificationAttribute
{
    public OperationalDataAttribute()
        : base(StreamTaxonomy.Operational)
    {
    }
}

/// <summary>Secrets the service receives from its vault at start-up.</summary>
public sealed class StreamSecrets
{
    public required byte[] DedupKey { get; init; }

    public required byte[] PartitionKey { get; init; }
}

/// <summary>The Debezium change event envelope, with the row type chosen by the consumer.</summary>
public sealed record ChangeEnvelope<TRow>(TRow? Before, TRow? After, ChangeSource Source, string Op, long TsMs)
{
    public bool IsCreate => Op == "c" || Op == "r";

    public bool IsDelete => Op == "d";
}

public sealed record ChangeSource(string Connector, string Db, string Schema, string Table, long? Lsn, long? TxId, bool Snapshot);

/// <summary>A Debezium envelope whose rows stay as JSON.</summary>
public sealed record JsonChangeEnvelope(JsonElement? Before, JsonElement? After, ChangeSource Source, string Op, long TsMs);

public interface IIdempotencyStore
{
    /// <summary>Reserves the key; false when a previous attempt already holds it.</summary>
    Task<bool> TryBeginAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);

    Task CompleteAsync(string key, CancellationToken cancellationToken);
}

public interface IDeduplicationStore
{
    ValueTask<bool> SeenAsync(string messageId, CancellationToken cancellationToken);

    ValueTask MarkAsync(string messageId, TimeSpan ttl, CancellationToken cancellationToken);
}

public interface ISnapshotStore
{
    Task<(T State, long Version)?> LoadAsync<T>(string streamName, CancellationToken cancellationToken);

    Task SaveAsync<T>(string streamName, T state, long version, CancellationToken cancellationToken);
}

public interface ICheckpointStore
{
    Task<long?> GetAsync(string projection, CancellationToken cancellationToken);

    Task SetAsync(string projection, long position, CancellationToken cancellationToken);
}

/// <summary>Event metadata as every service writes it next to its events.</summary>
public sealed record EventMetadata(string CorrelationId, string CausationId, string? UserId, string? TenantId, DateTimeOffset OccurredAt)
{
    public static EventMetadata FromJson(ReadOnlyMemory<byte> bytes) =>
        JsonSerializer.Deserialize<EventMetadata>(bytes.Span) ?? throw new JsonException("Empty event metadata.");

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this);
}

public static class AsyncEnumerableBatching
{
    /// <summary>Groups a stream into batches of at most <paramref name="size"/>, flushing the last partial batch.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> Batch<T>(this IAsyncEnumerable<T> source, int size, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new List<T>(size);
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            buffer.Add(item);
            if (buffer.Count == size)
            {
                yield return buffer;
                buffer = new List<T>(size);
            }
        }

        if (buffer.Count > 0)
        {
            yield return buffer;
        }
    }
}

/// <summary>Reads and writes W3C trace context in Kafka headers.</summary>
public static class KafkaHeaderPropagation
{
    public static IEnumerable<string> Getter(Confluent.Kafka.Headers headers, string key) =>
        headers.TryGetLastBytes(key, out var bytes) ? new[] { System.Text.Encoding.UTF8.GetString(bytes) } : Array.Empty<string>();

    public static void Setter(Confluent.Kafka.Headers headers, string key, string value)
    {
        headers.Remove(key);
        headers.Add(key, System.Text.Encoding.UTF8.GetBytes(value));
    }
}
