using System.Collections.ObjectModel;
using System.Text.Json;

// Stand-ins in the shape of Google.Protobuf and of the rich error model (google.rpc). A generated message's
// ToString() prints the JSON of its set fields, as JsonFormatter.ToDiagnosticString does.
namespace Google.Protobuf
{
    public interface IMessage
    {
    }

    public interface IMessage<T> : IMessage
        where T : IMessage<T>
    {
        T Clone();
    }

    public sealed class JsonFormatter
    {
        public static JsonFormatter Default { get; } = new();

        public string Format(IMessage message) => JsonSerializer.Serialize(message, message.GetType());

        public static string ToDiagnosticString(IMessage message) => Default.Format(message);
    }

    public sealed class JsonParser
    {
        public static JsonParser Default { get; } = new();

        public T Parse<T>(string json)
            where T : IMessage<T>, new() => JsonSerializer.Deserialize<T>(json) ?? new T();
    }

    public sealed class ByteString
    {
        private readonly byte[] _bytes;

        private ByteString(byte[] bytes) => _bytes = bytes;

        public static ByteString Empty { get; } = new(Array.Empty<byte>());

        public int Length => _bytes.Length;

        public static ByteString CopyFrom(byte[] bytes) => new((byte[])bytes.Clone());

        public static ByteString CopyFromUtf8(string text) => new(Encoding.UTF8.GetBytes(text));

        public string ToStringUtf8() => Encoding.UTF8.GetString(_bytes);

        public string ToBase64() => Convert.ToBase64String(_bytes);

        public byte[] ToByteArray() => (byte[])_bytes.Clone();
    }

    public sealed class InvalidProtocolBufferException(string message) : Exception(message);
}

namespace Google.Protobuf.Collections
{
    /// <summary>A repeated field. Formatted by its items.</summary>
    public sealed class RepeatedField<T> : Collection<T>
    {
        public void Add(IEnumerable<T> values)
        {
            foreach (var value in values)
            {
                Add(value);
            }
        }

        public override string ToString() => JsonSerializer.Serialize(this.ToList());
    }

    /// <summary>A map field. Formatted by its pairs.</summary>
    public sealed class MapField<TKey, TValue> : Dictionary<TKey, TValue>
        where TKey : notnull
    {
        public override string ToString() => JsonSerializer.Serialize(this);
    }
}

namespace Google.Protobuf.WellKnownTypes
{
    public sealed class Timestamp : IMessage<Timestamp>
    {
        public long Seconds { get; set; }

        public int Nanos { get; set; }

        public static Timestamp FromDateTime(DateTime dateTime) => new() { Seconds = new DateTimeOffset(dateTime).ToUnixTimeSeconds() };

        public DateTime ToDateTime() => DateTimeOffset.FromUnixTimeSeconds(Seconds).UtcDateTime;

        public Timestamp Clone() => new() { Seconds = Seconds, Nanos = Nanos };

        public override string ToString() => ToDateTime().ToString("O", CultureInfo.InvariantCulture);
    }

    public sealed class Duration : IMessage<Duration>
    {
        public long Seconds { get; set; }

        public int Nanos { get; set; }

        public static Duration FromTimeSpan(TimeSpan span) => new() { Seconds = (long)span.TotalSeconds };

        public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Seconds);

        public Duration Clone() => new() { Seconds = Seconds, Nanos = Nanos };
    }

    /// <summary>The fields a read or an update touches, by their proto names.</summary>
    public sealed class FieldMask : IMessage<FieldMask>
    {
        public RepeatedField<string> Paths { get; } = new();

        public FieldMask Clone()
        {
            var clone = new FieldMask();
            clone.Paths.Add(Paths);
            return clone;
        }

        public override string ToString() => string.Join(",", Paths);
    }

    /// <summary>A packed message with its type URL.</summary>
    public sealed class Any : IMessage<Any>
    {
        private IMessage? _message;

        public string TypeUrl { get; set; } = string.Empty;

        public ByteString Value { get; set; } = ByteString.Empty;

        public static Any Pack(IMessage message) => new() { _message = message, TypeUrl = "type.googleapis.com/" + message.GetType().FullName };

        public T? Unpack<T>()
            where T : class, IMessage<T>, new() => _message as T;

        public Any Clone() => new() { _message = _message, TypeUrl = TypeUrl, Value = Value };
    }
}

namespace Google.Rpc
{
    using Google.Protobuf.WellKnownTypes;

    /// <summary>google.rpc.Status: a code, a developer-facing message and typed details.</summary>
    public sealed class Status : IMessage<Status>
    {
        public int Code { get; set; }

        public string Message { get; set; } = string.Empty;

        public RepeatedField<Any> Details { get; } = new();

        public Status Clone() => this;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class BadRequest : IMessage<BadRequest>
    {
        public RepeatedField<Types.FieldViolation> FieldViolations { get; } = new();

        public BadRequest Clone() => this;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);

        public static class Types
        {
            public sealed class FieldViolation : IMessage<FieldViolation>
            {
                /// <summary>The path of the field, e.g. <c>meter_serial</c>.</summary>
                public string Field { get; set; } = string.Empty;

                /// <summary>Why the value was refused, written by the service.</summary>
                public string Description { get; set; } = string.Empty;

                public string Reason { get; set; } = string.Empty;

                public FieldViolation Clone() => this;

                public override string ToString() => JsonFormatter.ToDiagnosticString(this);
            }
        }
    }

    public sealed class ErrorInfo : IMessage<ErrorInfo>
    {
        public string Reason { get; set; } = string.Empty;

        public string Domain { get; set; } = string.Empty;

        public MapField<string, string> Metadata { get; } = new();

        public ErrorInfo Clone() => this;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class RetryInfo : IMessage<RetryInfo>
    {
        public Duration? RetryDelay { get; set; }

        public RetryInfo Clone() => this;
    }

    public sealed class ResourceInfo : IMessage<ResourceInfo>
    {
        public string ResourceType { get; set; } = string.Empty;

        public string ResourceName { get; set; } = string.Empty;

        public string Owner { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public ResourceInfo Clone() => this;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);
    }

    public sealed class PreconditionFailure : IMessage<PreconditionFailure>
    {
        public RepeatedField<Types.Violation> Violations { get; } = new();

        public PreconditionFailure Clone() => this;

        public override string ToString() => JsonFormatter.ToDiagnosticString(this);

        public static class Types
        {
            public sealed class Violation : IMessage<Violation>
            {
                public string Type { get; set; } = string.Empty;

                public string Subject { get; set; } = string.Empty;

                public string Description { get; set; } = string.Empty;

                public Violation Clone() => this;
            }
        }
    }

    public enum Code
    {
        Ok = 0,
        InvalidArgument = 3,
        NotFound = 5,
        PermissionDenied = 7,
        FailedPrecondition = 9,
    }
}
