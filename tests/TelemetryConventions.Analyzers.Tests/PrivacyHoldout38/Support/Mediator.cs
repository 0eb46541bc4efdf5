namespace PrivacyHoldout38.Support;

// Stand-ins for a mediator, a result type, a distributed cache and a message bus, shaped like the
// libraries the services use. Only the shapes matter.

public interface IRequest<TResponse>;

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public interface INotification;

public interface INotificationHandler<in TNotification>
    where TNotification : INotification
{
    Task Handle(TNotification notification, CancellationToken cancellationToken);
}

public sealed record Error(string Code, string Description);

public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

public interface IDistributedCache
{
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken = default);
}

public sealed record BusMessage<T>(string MessageId, string Subject, T Body)
{
    public Dictionary<string, string> ApplicationProperties { get; init; } = [];

    public int DeliveryCount { get; init; }
}

public interface IMessageBus
{
    Task PublishAsync<T>(string topic, string partitionKey, T message, CancellationToken cancellationToken = default);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
}
