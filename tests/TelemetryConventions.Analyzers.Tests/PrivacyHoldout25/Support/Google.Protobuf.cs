using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

// Stand-ins for the Google.Protobuf runtime the generated message classes use: the message
// interfaces, the JSON formatter behind their ToString(), ByteString, repeated and map fields and
// the well-known types. Real names and shapes, reduced to what the services use.
namespace Google.Protobuf
{
    public interface IMessage
    {
        int CalculateSize();
    }

    public interface IDeepCloneable<T>
    {
        T Clone();
    }

    public interface IMessage<T> : IMessage, IEquatable<T>, IDeepCloneable<T>
        where T : IMessage<T>
    {
        void MergeFrom(T message);
    }

    /// <summary>Formats a message as protobuf JSON: every field that is set, by its JSON name.</summary>
    public sealed class JsonFormatter(JsonFormatter.Settings settings)
    {
        public static JsonFormatter Default { get; } = new(Settings.Default);

        public string Format(IMessage message)
        {
            var fields = new Dictionary<string, object?>();
            foreach (var property in message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name.EndsWith("Case", StringComparison.Ordinal))
                {
                    continue;
                }
                var value = property.GetValue(message);
                if (value is null && !settings.FormatDefaultValues)
                {
                    continue;
                }
                fields[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = value?.ToString();
            }
            return JsonSerializer.Serialize(fields);
        }

        /// <summary>What the generated <c>ToString()</c> of every message returns.</summary>
        public static string ToDiagnosticString(IMessage message) => Default.Format(message);

        public sealed class Settings(bool formatDefaultValues)
        {
            public static Settings Default { get; } = new(false);

            public bool FormatDefaultValues { get; } = formatDefaultValues;
        }
    }

    public sealed class ByteString : IEquatable<ByteString>
    {
        private readonly byte[] _bytes;

        private ByteString(byte[] bytes) => _bytes = bytes;

        public static ByteString Empty { get; } = new(Array.Empty<byte>());

        public int Length => _bytes.Length;

        public bool IsEmpty => _bytes.Length == 0;

        public ReadOnlySpan<byte> Span => _bytes;

        public ReadOnlyMemory<byte> Memory => _bytes;

        public static ByteString CopyFrom(params byte[] bytes) => new((byte[])bytes.Clone());

        public static ByteString CopyFrom(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

        public static ByteString CopyFromUtf8(string text) => new(Encoding.UTF8.GetBytes(text));

        public static ByteString FromBase64(string bytes) => new(Convert.FromBase64String(bytes));

        public byte[] ToByteArray() => (byte[])_bytes.Clone();

        public string ToBase64() => Convert.ToBase64String(_bytes);

        public string ToStringUtf8() => Encoding.UTF8.GetString(_bytes);

        public bool Equals(ByteString? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

        public override bool Equals(object? obj) => Equals(obj as ByteString);

        public override int GetHashCode() => _bytes.Length;
    }
}

namespace Google.Protobuf.Collections
{
    public sealed class RepeatedField<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly List<T> _items = new();

        public int Count => _items.Count;

        public bool IsReadOnly => false;

        public T this[int index]
        {
            get => _items[index];
            set => _items[index] = value;
        }

        public void Add(T item) => _items.Add(item);

        public void Add(IEnumerable<T> values) => _items.AddRange(values);

        public void AddRange(IEnumerable<T> values) => _items.AddRange(values);

        public void Clear() => _items.Clear();

        public bool Contains(T item) => _items.Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

        public int IndexOf(T item) => _items.IndexOf(item);

        public void Insert(int index, T item) => _items.Insert(index, item);

        public bool Remove(T item) => _items.Remove(item);

        public void RemoveAt(int index) => _items.RemoveAt(index);

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The JSON array of the items, as the real type prints it.</summary>
        public override string ToString() => "[ " + string.Join(", ", _items.Select(i => JsonSerializer.Serialize(i?.ToString()))) + " ]";
    }

    public sealed class MapField<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> _map = new();

        public TValue this[TKey key]
        {
            get => _map[key];
            set => _map[key] = value;
        }

        public ICollection<TKey> Keys => _map.Keys;

        public ICollection<TValue> Values => _map.Values;

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => _map.Keys;

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => _map.Values;

        public int Count => _map.Count;

        public bool IsReadOnly => false;

        public void Add(TKey key, TValue value) => _map.Add(key, value);

        public void Add(IDictionary<TKey, TValue> entries)
        {
            foreach (var entry in entries)
            {
                _map.Add(entry.Key, entry.Value);
            }
        }

        public void Add(KeyValuePair<TKey, TValue> item) => _map.Add(item.Key, item.Value);

        public void Clear() => _map.Clear();

        public bool Contains(KeyValuePair<TKey, TValue> item) => _map.Contains(item);

        public bool ContainsKey(TKey key) => _map.ContainsKey(key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ((ICollection<KeyValuePair<TKey, TValue>>)_map).CopyTo(array, arrayIndex);

        public bool Remove(TKey key) => _map.Remove(key);

        public bool Remove(KeyValuePair<TKey, TValue> item) => _map.Remove(item.Key);

        public bool TryGetValue(TKey key, out TValue value) => _map.TryGetValue(key, out value!);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _map.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The JSON object of the entries, as the real type prints it.</summary>
        public override string ToString() => JsonSerializer.Serialize(_map.ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString()));
    }
}

namespace Google.Protobuf.WellKnownTypes
{
    public sealed class Timestamp : IMessage<Timestamp>
    {
        public long Seconds { get; set; }

        public int Nanos { get; set; }

        public static Timestamp FromDateTime(DateTime dateTime) => FromDateTimeOffset(new DateTimeOffset(dateTime.ToUniversalTime()));

        public static Timestamp FromDateTimeOffset(DateTimeOffset dateTimeOffset) =>
            new() { Seconds = dateTimeOffset.ToUnixTimeSeconds(), Nanos = (int)(dateTimeOffset.Ticks % TimeSpan.TicksPerSecond * 100) };

        public DateTime ToDateTime() => ToDateTimeOffset().UtcDateTime;

        public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanos / 100);

        public int CalculateSize() => 12;

        public Timestamp Clone() => new() { Seconds = Seconds, Nanos = Nanos };

        public bool Equals(Timestamp? other) => other is not null && other.Seconds == Seconds && other.Nanos == Nanos;

        public void MergeFrom(Timestamp message) => (Seconds, Nanos) = (message.Seconds, message.Nanos);

        public override string ToString() => ToDateTimeOffset().ToString("O");
    }

    public sealed class Duration : IMessage<Duration>
    {
        public long Seconds { get; set; }

        public int Nanos { get; set; }

        public static Duration FromTimeSpan(TimeSpan timeSpan) => new() { Seconds = (long)timeSpan.TotalSeconds, Nanos = (int)(timeSpan.Ticks % TimeSpan.TicksPerSecond * 100) };

        public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Seconds) + TimeSpan.FromTicks(Nanos / 100);

        public int CalculateSize() => 12;

        public Duration Clone() => new() { Seconds = Seconds, Nanos = Nanos };

        public bool Equals(Duration? other) => other is not null && other.Seconds == Seconds && other.Nanos == Nanos;

        public void MergeFrom(Duration message) => (Seconds, Nanos) = (message.Seconds, message.Nanos);

        public override string ToString() => $"\"{ToTimeSpan().TotalSeconds}s\"";
    }

    public sealed class Empty : IMessage<Empty>
    {
        public int CalculateSize() => 0;

        public Empty Clone() => new();

        public bool Equals(Empty? other) => other is not null;

        public void MergeFrom(Empty message)
        {
        }

        public override string ToString() => "{ }";
    }

    /// <summary>The names of the fields a read or an update touches.</summary>
    public sealed class FieldMask : IMessage<FieldMask>
    {
        public Collections.RepeatedField<string> Paths { get; } = new();

        public static FieldMask FromString(string value)
        {
            var mask = new FieldMask();
            mask.Paths.Add(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return mask;
        }

        public int CalculateSize() => Paths.Sum(p => p.Length);

        public FieldMask Clone()
        {
            var clone = new FieldMask();
            clone.Paths.Add(Paths);
            return clone;
        }

        public bool Equals(FieldMask? other) => other is not null && other.Paths.SequenceEqual(Paths);

        public void MergeFrom(FieldMask message) => Paths.Add(message.Paths);

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    /// <summary>A message of any type, packed with its type URL.</summary>
    public sealed class Any : IMessage<Any>
    {
        private IMessage? _packed;

        public string TypeUrl { get; set; } = string.Empty;

        public ByteString Value { get; set; } = ByteString.Empty;

        public static Any Pack(IMessage message) =>
            new() { TypeUrl = "type.googleapis.com/" + message.GetType().FullName, Value = ByteString.CopyFromUtf8(message.ToString() ?? string.Empty), _packed = message };

        public bool TryUnpack<T>(out T result)
            where T : class, IMessage, new()
        {
            result = (_packed as T)!;
            return result is not null;
        }

        public T Unpack<T>()
            where T : class, IMessage, new()
            => TryUnpack<T>(out var result) ? result : throw new InvalidProtocolBufferException("Full type name for " + typeof(T).Name + " is " + TypeUrl);

        public int CalculateSize() => TypeUrl.Length + Value.Length;

        public Any Clone() => new() { TypeUrl = TypeUrl, Value = Value, _packed = _packed };

        public bool Equals(Any? other) => other is not null && other.TypeUrl == TypeUrl && other.Value.Equals(Value);

        public void MergeFrom(Any message) => (TypeUrl, Value, _packed) = (message.TypeUrl, message.Value, message._packed);

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }
}

namespace Google.Protobuf
{
    public sealed class InvalidProtocolBufferException(string message) : Exception(message);
}
