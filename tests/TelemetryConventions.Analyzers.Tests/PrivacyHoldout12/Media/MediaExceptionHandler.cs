using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Media;

/// <summary>
/// The subscriber API's only exception handler (registered with AddExceptionHandler); on .NET 10 the
/// middleware itself no longer logs an exception a handler has handled.
/// </summary>
public sealed partial class MediaExceptionHandler(
    ILogger<MediaExceptionHandler> logger,
    IProblemDetailsService problemDetails,
    Meter meter) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, code) = exception switch
        {
            SubscriberNotFoundException => (StatusCodes.Status404NotFound, "Subscriber not found", "subscriber.not_found"),
            PlanChangeNotAllowedException => (StatusCodes.Status409Conflict, "Plan change refused", "plan.refused"),
            ValidationException => (StatusCodes.Status400BadRequest, "Invalid request", "request.invalid"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Concurrent update", "concurrency"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "unexpected"),
        };

        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = exception.Message,
            Instance = httpContext.Request.Path.Value,
            Type = "https://errors.media.example/" + code,
        };
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        problem.Extensions["code"] = code;

        var activity = Activity.Current;
        activity?.SetTag(RequestAttributes.ErrorCode, code); // clean exceptions
        activity?.SetTag("http.problem.title", problem.Title); // clean exceptions
        activity?.SetTag("http.problem.detail", problem.Detail); // leak TC1001 exceptions
        activity?.AddException(exception); // leak TC1001 exceptions
        activity?.SetTag("url.path", httpContext.Request.Path.Value); // leak TC1001 strings
        logger.LogWarning("Request failed with {ExceptionType} ({Status})", exception.GetType().Name, status); // clean exceptions
        meter.CreateRequestRejectionsCounter().Add(1, code); // clean generated-api
        LogProblem(logger, status, code, httpContext.TraceIdentifier); // clean precision-names

        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled {Method} request", httpContext.Request.Method); // clean exceptions
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }

    [LoggerMessage(EventId = 6190, Level = LogLevel.Information, Message = "Problem {Status} {Code} written for trace {TraceIdentifier}")]
    private static partial void LogProblem(ILogger logger, int status, string code, string traceIdentifier);
}

public static class SubscriberEndpoints
{
    private static readonly ActivitySource Source = new("Media.Subscribers");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/subscribers/by-email/{email}", FindByEmailAsync);
        routes.MapPost("/subscribers/{subscriberId:guid}/email", ChangeEmailAsync);
    }

    public static async Task<IResult> FindByEmailAsync(string email, MediaDbContext db, ILogger<MediaExceptionHandler> logger, CancellationToken cancellationToken)
    {
        logger.LogDebug("Subscriber lookup for {AccountEmail}", email); // leak TC1001 direct
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.AccountEmail == email, cancellationToken)
            ?? throw new SubscriberNotFoundException(email);
        return Results.Ok(new { subscriber.Id, subscriber.PlanCode });
    }

    public static async Task<IResult> ChangeEmailAsync(Guid subscriberId, ChangeEmailRequest request, MediaDbContext db, ILogger<MediaExceptionHandler> logger, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("enduser.id", subscriberId); // leak TC1001 direct
        using var save = Source.StartPersistenceSave(nameof(Subscriber)); // clean generated-api
        save.SetPersistenceChangedProperties(nameof(Subscriber.AccountEmail)); // clean precision-names
        save.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        save.SetPersistenceDetail($"email change requested for {request.NewEmail}"); // leak TC1001 generated-api

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is null)
        {
            return Results.NotFound();
        }

        subscriber.ChangeEmail(request.NewEmail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.Single();
            var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
            logger.LogWarning("Email change lost a race: stored {StoredEmail}, proposed {ProposedEmail}", stored?[nameof(Subscriber.AccountEmail)], entry.CurrentValues[nameof(Subscriber.AccountEmail)]); // leak TC1001 cross-member
            save.AddPersistenceConflictEvent("subscribers.version", "stale version, caller must reload"); // clean generated-api
            throw;
        }

        return Results.NoContent();
    }
}
