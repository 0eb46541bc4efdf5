using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EventStore.Client;

// Stand-ins for the EventStoreDB gRPC client, reduced to appending, reading and the two
// exceptions the services catch. Messages are the client's own wording.

public readonly record struct Uuid(Guid Value)
{
    public static Uuid NewUuid() => new(Guid.NewGuid());

    public static Uuid FromGuid(Guid value) => new(value);

    public Guid ToGuid() => Value;

    public override string ToString() => Value.ToString();
}

public readonly record struct StreamRevision(ulong Value)
{
    public static readonly StreamRevision None = new(ulong.MaxValue);

    public static StreamRevision FromInt64(long value) => value < 0 ? None : new StreamRevision((ulong)value);

    public long ToInt64() => this == None ? -1 : (long)Value;

    public override string ToString() => this == None ? "None" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public readonly record struct StreamPosition(ulong Value)
{
    public static readonly StreamPosition Start = new(0);

    public static StreamPosition FromInt64(long value) => new((ulong)value);

    public long ToInt64() => (long)Value;
}

public enum StreamState
{
    Any,
    NoStream,
    StreamExists,
}

public enum Direction
{
    Forwards,
    Backwards,
}

public sealed class EventData(Uuid eventId, string type, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte>? metadata = null, string contentType = "application/json")
{
    public Uuid EventId { get; } = eventId;

    public string Type { get; } = type;

    public ReadOnlyMemory<byte> Data { get; } = data;

    public ReadOnlyMemory<byte> Metadata { get; } = metadata ?? ReadOnlyMemory<byte>.Empty;

    public string ContentType { get; } = contentType;
}

public sealed class EventRecord
{
    public required string EventStreamId { get; init; }

    public Uuid EventId { get; init; }

    public StreamPosition EventNumber { get; init; }

    public required string EventType { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    public ReadOnlyMemory<byte> Metadata { get; init; }

    public DateTime Created { get; init; }
}

public readonly record struct ResolvedEvent(EventRecord Event, EventRecord? Link)
{
    public EventRecord OriginalEvent => Link ?? Event;

    public string OriginalStreamId => OriginalEvent.EventStreamId;

    public StreamPosition OriginalEventNumber => OriginalEvent.EventNumber;
}

public interface IWriteResult
{
    StreamRevision NextExpectedStreamRevision { get; }

    ulong LogPosition { get; }
}

public class WrongExpectedVersionException(string streamName, StreamRevision expectedStreamRevision, StreamRevision actualStreamRevision)
    : Exception($"Append failed due to WrongExpectedVersion. Stream: {streamName}, Expected version: {expectedStreamRevision}, Actual version: {actualStreamRevision}")
{
    public string StreamName { get; } = streamName;

    public StreamRevision ExpectedStreamRevision { get; } = expectedStreamRevision;

    public StreamRevision ActualStreamRevision { get; } = actualStreamRevision;
}

public class StreamNotFoundException(string stream) : Exception($"Event stream '{stream}' was not found.")
{
    public string Stream { get; } = stream;
}

public class EventStoreClient
{
    public virtual Task<IWriteResult> AppendToStreamAsync(string streamName, StreamRevision expectedRevision, IEnumerable<EventData> eventData, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<IWriteResult> AppendToStreamAsync(string streamName, StreamState expectedState, IEnumerable<EventData> eventData, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual IAsyncEnumerable<ResolvedEvent> ReadStreamAsync(Direction direction, string streamName, StreamPosition revision, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
