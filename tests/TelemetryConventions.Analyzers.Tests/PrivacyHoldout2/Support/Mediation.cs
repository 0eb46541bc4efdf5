using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout2.Support;

// Stand-ins for a mediator library and the options pattern, so that the corpus compiles without
// them. Only the shapes matter.

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

/// <summary>Options bound from configuration, as <c>Microsoft.Extensions.Options</c> hands them over.</summary>
public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}
