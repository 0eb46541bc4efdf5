using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout62.Support;

namespace PrivacyHoldout62.Healthcare;

// Registered for every request of the referrals API:
//   services.AddMediatR(cfg => cfg.AddOpenBehavior(typeof(RequestLoggingBehaviour<,>)).AddOpenBehavior(typeof(RequestTimingBehaviour<,>)));
//   services.AddExceptionHandler<ReferralExceptionHandler>();
// The API's requests are CreateReferralCommand (NHS number, names, date of birth, contact email) and
// TriageReferralCommand (a referral id, an outcome, a specialty and the consultant's advice to the GP).

public sealed class RequestLoggingBehaviour<TRequest, TResponse>(ILogger<RequestLoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var requestName = typeof(TRequest).Name;
        Activity.Current?.SetTag("mediatr.request", requestName); // clean precision-names
        logger.LogInformation("Handling {RequestName}: {Request}", requestName, request); // leak TC1001 logging-objects

        var response = await next(cancellationToken);
        if (response is Result<ReferralCreated> { IsInvalid: true } invalid)
        {
            logger.LogInformation("{RequestName} returned {ErrorCount} validation errors", requestName, invalid.ValidationErrors.Count);
        }
        return response;
    }
}

public sealed class RequestTimingBehaviour<TRequest, TResponse>(IOptions<ReferralIntakeOptions> options, ILogger<RequestTimingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await next(cancellationToken);
        stopwatch.Stop();

        ReferralsTelemetry.RequestDuration.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("request", typeof(TRequest).Name)); // clean precision-names
        if (stopwatch.ElapsedMilliseconds > options.Value.SlowRequestMilliseconds)
        {
            logger.LogWarning("Slow request {RequestName} took {ElapsedMs} ms", typeof(TRequest).Name, stopwatch.ElapsedMilliseconds);
        }
        return response;
    }
}

/// <summary>
/// Turns the exceptions the referral endpoints let escape into problem details:
/// <see cref="DuplicateReferralException"/> (names the NHS number), <see cref="ReferralNotFoundException"/>
/// (a referral id) and the <see cref="ValidationException"/> of the triage validator, whose rules use
/// the default messages. Anything else is unexpected.
/// </summary>
public sealed partial class ReferralExceptionHandler(ILogger<ReferralExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = new ProblemDetails { Instance = httpContext.Request.Path.Value };
        switch (exception)
        {
            case DuplicateReferralException duplicate:
                LogDuplicate(logger, duplicate.Message); // leak TC1001 exceptions
                problem.Status = StatusCodes.Conflict;
                problem.Detail = duplicate.Message; // clean exceptions
                break;
            case ReferralNotFoundException notFound:
                logger.LogInformation(notFound, "Referral lookup failed"); // clean exceptions
                problem.Status = StatusCodes.NotFound;
                break;
            case ValidationException validation:
                logger.LogWarning("Triage request rejected: {Message}", validation.Message); // clean exceptions
                problem.Status = StatusCodes.BadRequest;
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path); // clean exceptions
                problem.Status = StatusCodes.ServerError;
                break;
        }

        Activity.Current?.SetTag("error.type", exception.GetType().Name); // clean exceptions
        httpContext.Response.StatusCode = problem.Status.Value;
        await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 4090, Level = LogLevel.Warning, Message = "Duplicate referral refused: {Reason}")]
    private static partial void LogDuplicate(ILogger logger, string reason);

    private static class StatusCodes
    {
        public const int BadRequest = 400;
        public const int NotFound = 404;
        public const int Conflict = 409;
        public const int ServerError = 500;
    }
}
