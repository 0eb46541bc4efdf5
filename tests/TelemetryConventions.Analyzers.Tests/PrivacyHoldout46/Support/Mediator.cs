using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout46.Support;

// A small in-process mediator in the shape of MediatR, enough for the services' request handlers.

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

public interface IPublisher
{
    Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification;
}

/// <summary>The options pattern, reduced to what the services read.</summary>
public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}
