using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Healthcare;

/// <summary>Logs every request of the clinical records API and the error of a failed result.</summary>
public sealed class RequestLoggingBehavior<TRequest, TResponse>(ILogger<RequestLoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
    where TResponse : Result
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var requestName = typeof(TRequest).Name;
        logger.LogInformation("Handling {RequestName} {@Request}", requestName, request); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        var response = await next(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (response.IsFailure)
        {
            logger.LogWarning("{RequestName} failed: {ErrorCode} {ErrorDescription}", requestName, response.Error.Code, response.Error.Description); // leak TC1001 cross-member
        }
        else
        {
            logger.LogInformation("{RequestName} succeeded in {ElapsedMs} ms", requestName, elapsed.TotalMilliseconds); // clean precision-names
        }

        return response;
    }
}

/// <summary>Logs what escapes a handler, then lets the host's exception middleware answer.</summary>
public sealed class UnhandledExceptionBehavior<TRequest, TResponse>(ILogger<UnhandledExceptionBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled exception in {RequestName}", typeof(TRequest).Name); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            throw;
        }
    }
}
