using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout45.Support;

// A mediator, the options pattern and a clock, as the services take them from their container.

public interface IRequest<TResponse>;

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public interface IOptions<out T>
    where T : class
{
    T Value { get; }
}

public interface IClock
{
    DateOnly Today { get; }

    DateTimeOffset Now { get; }
}

public static class Ages
{
    public static int On(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
    }
}
