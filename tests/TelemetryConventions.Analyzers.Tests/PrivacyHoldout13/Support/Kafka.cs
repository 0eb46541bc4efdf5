using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Confluent.Kafka;

// Stand-ins for the Confluent.Kafka client, reduced to the members the services use. Only the
// shapes matter: nothing here talks to a broker.

public readonly record struct Partition(int Value)
{
    public static readonly Partition Any = new(-1);

    public override string ToString() => $"[{Value}]";
}

public readonly record struct Offset(long Value)
{
    public static readonly Offset Beginning = new(-2);

    public static readonly Offset End = new(-1);

    public static readonly Offset Unset = new(-1001);

    public bool IsSpecial => Value < 0;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record TopicPartition(string Topic, Partition Partition)
{
    public override string ToString() => $"{Topic} {Partition}";
}

public sealed record TopicPartitionOffset(string Topic, Partition Partition, Offset Offset)
{
    public TopicPartition TopicPartition => new(Topic, Partition);

    public override string ToString() => $"{Topic} {Partition} @{Offset}";
}

public readonly record struct Timestamp(DateTime UtcDateTime, int Type)
{
    public long UnixTimestampMs => new DateTimeOffset(UtcDateTime).ToUnixTimeMilliseconds();
}

public interface IHeader
{
    string Key { get; }

    byte[] GetValueBytes();
}

public sealed class Header(string key, byte[] value) : IHeader
{
    public string Key { get; } = key;

    public byte[] GetValueBytes() => value;
}

public sealed class Headers : IEnumerable<IHeader>
{
    private readonly List<IHeader> _headers = new();

    public int Count => _headers.Count;

    public void Add(string key, byte[] val) => _headers.Add(new Header(key, val));

    public void Remove(string key) => _headers.RemoveAll(h => h.Key == key);

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

    public byte[] GetLastBytes(string key) =>
        TryGetLastBytes(key, out var bytes) ? bytes : throw new KeyNotFoundException($"The key {key} was not present in the headers collection.");

    public IEnumerator<IHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public class MessageMetadata
{
    public Timestamp Timestamp { get; set; }

    public Headers Headers { get; set; } = new();
}

public class Message<TKey, TValue> : MessageMetadata
{
    public TKey Key { get; set; } = default!;

    public TValue Value { get; set; } = default!;
}

public class ConsumeResult<TKey, TValue>
{
    public string Topic { get; set; } = string.Empty;

    public Partition Partition { get; set; }

    public Offset Offset { get; set; }

    public TopicPartitionOffset TopicPartitionOffset => new(Topic, Partition, Offset);

    public Message<TKey, TValue> Message { get; set; } = new();

    public bool IsPartitionEOF { get; set; }
}

public enum ErrorCode
{
    NoError = 0,
    Local_KeyDeserialization = -160,
    Local_ValueDeserialization = -159,
    Local_MsgTimedOut = -192,
    Local_QueueFull = -184,
    Local_Fatal = -150,
    MsgSizeTooLarge = 10,
    UnknownTopicOrPart = 3,
    TopicAuthorizationFailed = 29,
}

public class Error(ErrorCode code, string reason, bool isFatal = false)
{
    public ErrorCode Code { get; } = code;

    public string Reason { get; } = reason;

    public bool IsFatal { get; } = isFatal;

    public bool IsError => Code != ErrorCode.NoError;

    public bool IsLocalError => (int)Code < 0;

    public override string ToString() => Reason;
}

public class KafkaException(Error error, Exception? innerException = null) : Exception(error.Reason, innerException)
{
    public Error Error { get; } = error;
}

public class ConsumeException(ConsumeResult<byte[], byte[]> consumerRecord, Error error, Exception? innerException = null)
    : KafkaException(error, innerException)
{
    public ConsumeResult<byte[], byte[]> ConsumerRecord { get; } = consumerRecord;
}

public enum PersistenceStatus
{
    NotPersisted = 0,
    PossiblyPersisted = 1,
    Persisted = 2,
}

public class DeliveryResult<TKey, TValue>
{
    public string Topic { get; set; } = string.Empty;

    public Partition Partition { get; set; }

    public Offset Offset { get; set; }

    public TopicPartitionOffset TopicPartitionOffset => new(Topic, Partition, Offset);

    public PersistenceStatus Status { get; set; }

    public Message<TKey, TValue> Message { get; set; } = new();

    public TKey Key => Message.Key;

    public TValue Value => Message.Value;

    public Timestamp Timestamp => Message.Timestamp;
}

public sealed class DeliveryReport<TKey, TValue> : DeliveryResult<TKey, TValue>
{
    public Error Error { get; set; } = new(ErrorCode.NoError, "Success");
}

public class ProduceException<TKey, TValue>(Error error, DeliveryResult<TKey, TValue> deliveryResult, Exception? innerException = null)
    : KafkaException(error, innerException)
{
    public DeliveryResult<TKey, TValue> DeliveryResult { get; } = deliveryResult;
}

public readonly record struct WatermarkOffsets(Offset Low, Offset High);

public interface IClient : IDisposable
{
    string Name { get; }
}

public interface IConsumer<TKey, TValue> : IClient
{
    string MemberId { get; }

    List<TopicPartition> Assignment { get; }

    void Subscribe(string topic);

    void Subscribe(IEnumerable<string> topics);

    ConsumeResult<TKey, TValue> Consume(CancellationToken cancellationToken = default);

    ConsumeResult<TKey, TValue>? Consume(TimeSpan timeout);

    void Commit(ConsumeResult<TKey, TValue> result);

    void StoreOffset(ConsumeResult<TKey, TValue> result);

    Offset Position(TopicPartition partition);

    WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition);

    WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout);

    void Close();
}

public interface IProducer<TKey, TValue> : IClient
{
    Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default);

    void Produce(string topic, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null);

    int Flush(TimeSpan timeout);
}

public readonly record struct SerializationContext(MessageComponentType Component, string Topic, Headers? Headers = null);

public enum MessageComponentType
{
    Key = 1,
    Value = 2,
}

public interface IDeserializer<T>
{
    T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context);
}

public interface IAsyncSerializer<T>
{
    Task<byte[]> SerializeAsync(T data, SerializationContext context);
}

public static class Deserializers
{
    public static readonly IDeserializer<string> Utf8 = new Utf8Deserializer();

    private sealed class Utf8Deserializer : IDeserializer<string>
    {
        public string Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
            isNull ? null! : Encoding.UTF8.GetString(data);
    }
}
