using System.Collections;
using System.Runtime.CompilerServices;

// Stand-ins in the shape of Grpc.Core.Api and Grpc.AspNetCore: status codes and statuses, RpcException with its
// trailers, Metadata and its entries, the server call context, streams, client calls and call options,
// method descriptors and the interceptor base class. Only the shapes matter; the bodies do nothing useful.
namespace Grpc.Core
{
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

    /// <summary>A call's status: a code, a detail (sent to the client as <c>grpc-message</c>) and, on the client, the exception behind it.</summary>
    public readonly struct Status
    {
        public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);
        public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

        public Status(StatusCode statusCode, string detail, Exception? debugException = null)
        {
            StatusCode = statusCode;
            Detail = detail;
            DebugException = debugException;
        }

        public StatusCode StatusCode { get; }

        public string Detail { get; }

        public Exception? DebugException { get; }

        public override string ToString() => DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
    }

    /// <summary>Thrown by a server to end the call with a status, and by a client when a call ends with one. Its message is the status's text.</summary>
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

    /// <summary>Request headers or response trailers: a list of entries. Keys ending in <c>-bin</c> hold bytes.</summary>
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

        public void Add(string key, string value) => _entries.Add(new Entry(key, value));

        public void Add(string key, byte[] valueBytes) => _entries.Add(new Entry(key, valueBytes));

        public void Add(Entry item) => _entries.Add(item);

        public Entry? Get(string key) => _entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

        public string? GetValue(string key) => Get(key)?.Value;

        public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

        public IEnumerable<Entry> GetAll(string key) => _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

        public void Clear() => _entries.Clear();

        public bool Contains(Entry item) => _entries.Contains(item);

        public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

        public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public int IndexOf(Entry item) => _entries.IndexOf(item);

        public void Insert(int index, Entry item) => _entries.Insert(index, item);

        public bool Remove(Entry item) => _entries.Remove(item);

        public void RemoveAt(int index) => _entries.RemoveAt(index);

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

            public string Value => _value ?? throw new InvalidOperationException("A binary entry has no string value.");

            public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

            public bool IsBinary => _valueBytes is not null;

            public override string ToString() => IsBinary
                ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]"
                : $"[Entry: key={Key}, value={_value}]";
        }
    }

    public sealed class AuthProperty
    {
        public AuthProperty(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public string Value { get; }
    }

    /// <summary>What the transport authenticated about the peer (a client certificate's subject names).</summary>
    public sealed class AuthContext
    {
        public string? PeerIdentityPropertyName { get; init; }

        public IEnumerable<AuthProperty> PeerIdentity { get; init; } = Array.Empty<AuthProperty>();

        public bool IsPeerAuthenticated => PeerIdentityPropertyName is not null;

        public IEnumerable<AuthProperty> FindPropertiesByName(string propertyName) => PeerIdentity.Where(p => p.Name == propertyName);
    }

    public abstract class ServerCallContext
    {
        /// <summary>The method's full name, <c>/package.Service/Method</c>.</summary>
        public abstract string Method { get; }

        public abstract string Host { get; }

        /// <summary>The client's address, <c>ipv4:203.0.113.7:51544</c>.</summary>
        public abstract string Peer { get; }

        public abstract DateTime Deadline { get; }

        public abstract Metadata RequestHeaders { get; }

        public abstract Metadata ResponseTrailers { get; }

        public abstract CancellationToken CancellationToken { get; }

        public abstract Status Status { get; set; }

        public abstract AuthContext AuthContext { get; }

        public abstract IDictionary<object, object> UserState { get; }

        public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
    }

    public interface IAsyncStreamReader<out T>
    {
        T Current { get; }

        Task<bool> MoveNext(CancellationToken cancellationToken);
    }

    public interface IAsyncStreamWriter<in T>
    {
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
        public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                yield return reader.Current;
            }
        }
    }

    public enum MethodType
    {
        Unary,
        ClientStreaming,
        ServerStreaming,
        DuplexStreaming,
    }

    public sealed class Method<TRequest, TResponse>
    {
        public Method(MethodType type, string serviceName, string name)
        {
            Type = type;
            ServiceName = serviceName;
            Name = name;
        }

        public MethodType Type { get; }

        public string ServiceName { get; }

        public string Name { get; }

        public string FullName => "/" + ServiceName + "/" + Name;
    }

    public readonly struct CallOptions
    {
        public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
        {
            Headers = headers;
            Deadline = deadline;
            CancellationToken = cancellationToken;
        }

        public Metadata? Headers { get; }

        public DateTime? Deadline { get; }

        public CancellationToken CancellationToken { get; }

        public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken);

        public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken);
    }

    public sealed class AsyncUnaryCall<TResponse> : IDisposable
    {
        public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
        {
            ResponseAsync = responseAsync;
            ResponseHeadersAsync = responseHeadersAsync;
            _getStatus = getStatus;
            _getTrailers = getTrailers;
            _dispose = dispose;
        }

        private readonly Func<Status> _getStatus;
        private readonly Func<Metadata> _getTrailers;
        private readonly Action _dispose;

        public Task<TResponse> ResponseAsync { get; }

        public Task<Metadata> ResponseHeadersAsync { get; }

        public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

        public Status GetStatus() => _getStatus();

        public Metadata GetTrailers() => _getTrailers();

        public void Dispose() => _dispose();
    }

    public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
    {
        public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Func<Status> getStatus, Func<Metadata> getTrailers)
        {
            ResponseStream = responseStream;
            _getStatus = getStatus;
            _getTrailers = getTrailers;
        }

        private readonly Func<Status> _getStatus;
        private readonly Func<Metadata> _getTrailers;

        public IAsyncStreamReader<TResponse> ResponseStream { get; }

        public Status GetStatus() => _getStatus();

        public Metadata GetTrailers() => _getTrailers();

        public void Dispose()
        {
        }
    }

    public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
    {
        public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream)
        {
            RequestStream = requestStream;
            ResponseStream = responseStream;
        }

        public IClientStreamWriter<TRequest> RequestStream { get; }

        public IAsyncStreamReader<TResponse> ResponseStream { get; }

        public void Dispose()
        {
        }
    }

    public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
        where TRequest : class
        where TResponse : class;

    public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
        where TRequest : class
        where TResponse : class;

    public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
        where TRequest : class
        where TResponse : class;

    public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
        where TRequest : class
        where TResponse : class;

    /// <summary>Grpc.AspNetCore: the HTTP request behind a call (gRPC, gRPC-Web or a JSON-transcoded call).</summary>
    public static class ServerCallContextExtensions
    {
        public static Microsoft.AspNetCore.Http.HttpContext GetHttpContext(this ServerCallContext context) =>
            throw new InvalidOperationException("Only inside Grpc.AspNetCore.");
    }

    /// <summary>Grpc.StatusProto: the rich error model carried in the <c>grpc-status-details-bin</c> trailer.</summary>
    public static class RpcStatusExtensions
    {
        public static RpcException ToRpcException(this Google.Rpc.Status status) =>
            new(new Status((StatusCode)status.Code, status.Message), new Metadata { { "grpc-status-details-bin", Array.Empty<byte>() } });

        public static Google.Rpc.Status? GetRpcStatus(this RpcException exception) =>
            exception.Trailers.GetValueBytes("grpc-status-details-bin") is null ? null : new Google.Rpc.Status();

        public static T? GetDetail<T>(this Google.Rpc.Status status)
            where T : class, IMessage<T>, new() =>
            status.Details.Select(d => d.Unpack<T>()).FirstOrDefault(d => d is not null);
    }
}

namespace Grpc.Core.Interceptors
{
    public readonly struct ClientInterceptorContext<TRequest, TResponse>
        where TRequest : class
        where TResponse : class
    {
        public ClientInterceptorContext(Method<TRequest, TResponse> method, string? host, CallOptions options)
        {
            Method = method;
            Host = host;
            Options = options;
        }

        public Method<TRequest, TResponse> Method { get; }

        public string? Host { get; }

        public CallOptions Options { get; }
    }

    public delegate AsyncUnaryCall<TResponse> AsyncUnaryCallContinuation<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class;

    public delegate AsyncServerStreamingCall<TResponse> AsyncServerStreamingCallContinuation<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class;

    /// <summary>Server and client interceptors override the handlers they need; each calls its continuation.</summary>
    public abstract class Interceptor
    {
        public virtual Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(request, context);

        public virtual Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(request, responseStream, context);

        public virtual Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(requestStream, context);

        public virtual Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(requestStream, responseStream, context);

        public virtual AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(request, context);

        public virtual AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class => continuation(request, context);
    }
}
