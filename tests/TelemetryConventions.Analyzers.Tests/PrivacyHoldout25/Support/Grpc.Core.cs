using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Grpc.Core.Api (the types Grpc.AspNetCore and Grpc.Net.Client share), with the real
// names, namespaces and shapes, reduced to what the services use. The corpus does not reference gRPC.
namespace Grpc.Core;

public enum StatusCode
{
    OK = 0,
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
}

/// <summary>The status of a call: a code and a detail text that travels to the client as <c>grpc-message</c>.</summary>
public readonly struct Status
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        Detail = detail;
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    public string Detail { get; }

    public Exception? DebugException { get; }

    public override string ToString() =>
        DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
}

/// <summary>Thrown by a service to end a call with a status, and raised on the client when a call fails.</summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, Metadata.Empty, status.ToString())
    {
    }

    public RpcException(Status status, string message)
        : this(status, Metadata.Empty, message)
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.ToString())
    {
    }

    public RpcException(Status status, Metadata trailers, string message)
        : base(message)
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }
}

/// <summary>Request headers, response headers or trailers of a call. Keys ending in <c>-bin</c> carry bytes.</summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    public const string BinaryHeaderSuffix = "-bin";

    public static readonly Metadata Empty = new();

    private readonly List<Entry> _entries = new();

    public int Count => _entries.Count;

    public bool IsReadOnly => false;

    public Entry this[int index]
    {
        get => _entries[index];
        set => _entries[index] = value;
    }

    public Entry? Get(string key) => _entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerable<Entry> GetAll(string key) => _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public void Add(string key, string value) => _entries.Add(new Entry(key, value));

    public void Add(string key, byte[] valueBytes) => _entries.Add(new Entry(key, valueBytes));

    public void Add(Entry item) => _entries.Add(item);

    public void Clear() => _entries.Clear();

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public void Insert(int index, Entry item) => _entries.Insert(index, item);

    public bool Remove(Entry item) => _entries.Remove(item);

    public void RemoveAt(int index) => _entries.RemoveAt(index);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            Key = key.ToLowerInvariant();
            _value = value;
        }

        public Entry(string key, byte[] valueBytes)
        {
            Key = key.ToLowerInvariant();
            _valueBytes = valueBytes;
        }

        public string Key { get; }

        public bool IsBinary => Key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        public string Value => _value ?? throw new InvalidOperationException("Entry is binary: use ValueBytes.");

        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        public override string ToString() =>
            IsBinary
                ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(ValueBytes)}]"
                : $"[Entry: key={Key}, value={Value}]";
    }
}

public sealed class WriteOptions(WriteFlags flags = default)
{
    public WriteFlags Flags { get; } = flags;
}

[Flags]
public enum WriteFlags
{
    BufferHint = 0x1,
    NoCompress = 0x2,
}

public sealed class AuthProperty(string name, string value)
{
    public string Name { get; } = name;

    public string Value { get; } = value;
}

public sealed class AuthContext(string? peerIdentityPropertyName, IReadOnlyList<AuthProperty> properties)
{
    public string? PeerIdentityPropertyName { get; } = peerIdentityPropertyName;

    public bool IsPeerAuthenticated => PeerIdentityPropertyName is not null;

    public IEnumerable<AuthProperty> PeerIdentity => Properties.Where(p => p.Name == PeerIdentityPropertyName);

    public IEnumerable<AuthProperty> Properties { get; } = properties;

    public IEnumerable<AuthProperty> FindPropertiesByName(string propertyName) => Properties.Where(p => p.Name == propertyName);
}

/// <summary>The server side of one call.</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    public string Method => MethodCore;

    public string Host => HostCore;

    /// <summary>The client's address, as <c>ipv4:203.0.113.7:51544</c> or <c>ipv6:[2001:db8::1]:443</c>.</summary>
    public string Peer => PeerCore;

    public DateTime Deadline => DeadlineCore;

    public Metadata RequestHeaders => RequestHeadersCore;

    public CancellationToken CancellationToken => CancellationTokenCore;

    public Metadata ResponseTrailers => ResponseTrailersCore;

    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    public AuthContext AuthContext => AuthContextCore;

    public IDictionary<object, object> UserState => _userState ??= new Dictionary<object, object>();

    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    protected abstract string MethodCore { get; }

    protected abstract string HostCore { get; }

    protected abstract string PeerCore { get; }

    protected abstract DateTime DeadlineCore { get; }

    protected abstract Metadata RequestHeadersCore { get; }

    protected abstract CancellationToken CancellationTokenCore { get; }

    protected abstract Metadata ResponseTrailersCore { get; }

    protected abstract Status StatusCore { get; set; }

    protected abstract WriteOptions? WriteOptionsCore { get; set; }

    protected abstract AuthContext AuthContextCore { get; }

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}

public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken);
}

public interface IAsyncStreamWriter<in T>
{
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message);
}

public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}

public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    Task CompleteAsync();
}

public static class AsyncStreamReaderExtensions
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }
}

public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
    where TRequest : class
    where TResponse : class;

public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;

public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;

public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;

public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    string FullName { get; }
}

public sealed class Method<TRequest, TResponse>(MethodType type, string serviceName, string name) : IMethod
{
    public MethodType Type { get; } = type;

    public string ServiceName { get; } = serviceName;

    public string Name { get; } = name;

    public string FullName => "/" + ServiceName + "/" + Name;
}

public readonly struct CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
{
    public Metadata? Headers { get; } = headers;

    public DateTime? Deadline { get; } = deadline;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken);

    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken);
}

public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly Func<Status> _getStatus;
    private readonly Func<Metadata> _getTrailers;
    private readonly Action _dispose;

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseAsync = responseAsync;
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
    }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public Status GetStatus() => _getStatus();

    public Metadata GetTrailers() => _getTrailers();

    public void Dispose() => _dispose();
}

public sealed class AsyncServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction) : IDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    public Status GetStatus() => getStatusFunc();

    public Metadata GetTrailers() => getTrailersFunc();

    public void Dispose() => disposeAction();
}

public sealed class AsyncClientStreamingCall<TRequest, TResponse>(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction) : IDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    public Status GetStatus() => getStatusFunc();

    public Metadata GetTrailers() => getTrailersFunc();

    public void Dispose() => disposeAction();
}

public sealed class AsyncDuplexStreamingCall<TRequest, TResponse>(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction) : IDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;

    public Status GetStatus() => getStatusFunc();

    public Metadata GetTrailers() => getTrailersFunc();

    public void Dispose() => disposeAction();
}

/// <summary>What a generated client calls; a channel provides one, interceptors wrap it.</summary>
public abstract class CallInvoker
{
    public abstract TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    public abstract AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;

    public abstract AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;
}

public abstract class ChannelBase(string target)
{
    public string Target { get; } = target;

    public abstract CallInvoker CreateCallInvoker();
}

public abstract class ClientBase
{
    protected ClientBase(CallInvoker callInvoker) => CallInvoker = callInvoker;

    protected ClientBase(ChannelBase channel)
        : this(channel.CreateCallInvoker())
    {
    }

    protected CallInvoker CallInvoker { get; }
}

public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    protected ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    protected ClientBase(ChannelBase channel)
        : base(channel)
    {
    }
}
