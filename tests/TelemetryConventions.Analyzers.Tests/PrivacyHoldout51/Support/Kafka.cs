using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.Kafka;

// Stand-ins for a Confluent-style Kafka client, reduced to the shapes the producers and consumers use.

public interface IHeader
{
    string Key { get; }

    byte[] GetValueBytes();
}

public sealed class Headers : IEnumerable<IHeader>
{
    private readonly List<IHeader> _headers = new();

    public int Count => _headers.Count;

    public void Add(string key, byte[] value) => _headers.Add(new Header(key, value));

    public bool TryGetLastBytes(string key, out byte[] lastHeader)
    {
        for (var i = _headers.Count - 1; i >= 0; i--)
        {
            if (_headers[i].Key == key)
            {
                lastHeader = _headers[i].GetValueBytes();
                return true;
            }
        }
        lastHeader = Array.Empty<byte>();
        return false;
    }

    public byte[] GetLastBytes(string key) => TryGetLastBytes(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerator<IHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed record Header(string Key, byte[] Value) : IHeader
    {
        public byte[] GetValueBytes() => Value;
    }
}

public sealed class Message<TKey, TValue>
{
    public TKey Key { get; set; } = default!;

    public TValue Value { get; set; } = default!;

    public Headers Headers { get; set; } = new();

    public DateTimeOffset Timestamp { get; set; }
}

public sealed class ConsumeResult<TKey, TValue>
{
    public required string Topic { get; init; }

    public int Partition { get; init; }

    public long Offset { get; init; }

    public bool IsPartitionEOF { get; init; }

    public required Message<TKey, TValue> Message { get; init; }
}

public interface IConsumer<TKey, TValue> : IDisposable
{
    string Name { get; }

    string MemberId { get; }

    ConsumeResult<TKey, TValue> Consume(CancellationToken cancellationToken);

    void Commit(ConsumeResult<TKey, TValue> result);

    void StoreOffset(ConsumeResult<TKey, TValue> result);

    long GetLag(string topic, int partition);
}

public enum PersistenceStatus
{
    NotPersisted,
    PossiblyPersisted,
    Persisted,
}

public class DeliveryResult<TKey, TValue>
{
    public required string Topic { get; init; }

    public int Partition { get; init; }

    public long Offset { get; init; }

    public PersistenceStatus Status { get; init; }

    public required Message<TKey, TValue> Message { get; init; }

    public TKey Key => Message.Key;

    public TValue Value => Message.Value;
}

public sealed class DeliveryReport<TKey, TValue> : DeliveryResult<TKey, TValue>
{
    public required Error Error { get; init; }
}

public interface IProducer<TKey, TValue> : IDisposable
{
    string Name { get; }

    Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default);

    void Produce(string topic, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null);
}

public enum ErrorCode
{
    NoError = 0,
    Local_MsgTimedOut = -192,
    Local_QueueFull = -184,
    Local_ValueDeserialization = -159,
    MsgSizeTooLarge = 10,
    TopicAuthorizationFailed = 29,
}

public sealed class Error(ErrorCode code, string reason)
{
    public ErrorCode Code { get; } = code;

    public string Reason { get; } = reason;

    public bool IsFatal { get; init; }

    public override string ToString() => Reason;
}

public class KafkaException(Error error) : Exception(error.Reason)
{
    public Error Error { get; } = error;
}

/// <summary>Thrown by <c>Consume</c> when a record cannot be deserialised; carries the raw record.</summary>
public sealed class ConsumeException(Error error, ConsumeResult<byte[], byte[]> consumerRecord) : KafkaException(error)
{
    public ConsumeResult<byte[], byte[]> ConsumerRecord { get; } = consumerRecord;
}

public sealed class ProduceException<TKey, TValue>(Error error, DeliveryResult<TKey, TValue> deliveryResult) : KafkaException(error)
{
    public DeliveryResult<TKey, TValue> DeliveryResult { get; } = deliveryResult;
}
