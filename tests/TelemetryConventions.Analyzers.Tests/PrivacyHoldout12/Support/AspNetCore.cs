using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

// Stand-ins for the ASP.NET Core types of the error path (HttpContext, ProblemDetails,
// IExceptionHandler, minimal-API results), with the real names and shapes.

namespace Microsoft.AspNetCore.Http
{
    public readonly struct PathString
    {
        public PathString(string? value)
        {
            Value = value;
        }

        public string? Value { get; }

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public bool StartsWithSegments(PathString other) => Value?.StartsWith(other.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase) == true;

        public override string ToString() => Value ?? string.Empty;

        public static implicit operator PathString(string? value) => new(value);
    }

    public sealed class HttpRequest
    {
        public string Method { get; set; } = "GET";

        public PathString Path { get; set; }

        public string QueryString { get; set; } = string.Empty;

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public bool HasStarted { get; set; }

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public class HttpContext
    {
        public HttpRequest Request { get; } = new();

        public HttpResponse Response { get; } = new();

        public ClaimsPrincipal User { get; set; } = new();

        public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

        public CancellationToken RequestAborted { get; set; }

        public IServiceProvider RequestServices { get; set; } = null!;
    }

    public delegate Task RequestDelegate(HttpContext context);

    public static class HttpResponseJsonExtensions
    {
        public static Task WriteAsJsonAsync<TValue>(this HttpResponse response, TValue value, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public static class StatusCodes
    {
        public const int Status400BadRequest = 400;
        public const int Status404NotFound = 404;
        public const int Status409Conflict = 409;
        public const int Status422UnprocessableEntity = 422;
        public const int Status500InternalServerError = 500;
        public const int Status503ServiceUnavailable = 503;
    }

    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

    public static class Results
    {
        public static IResult Ok<TValue>(TValue? value) => new JsonResult(200, value);

        public static IResult Created<TValue>(string? uri, TValue? value) => new JsonResult(201, value);

        public static IResult NoContent() => new JsonResult(204, null);

        public static IResult NotFound() => new JsonResult(404, null);

        public static IResult Conflict<TValue>(TValue? error) => new JsonResult(409, error);

        public static IResult Problem(ProblemDetails problemDetails) => new JsonResult(problemDetails.Status ?? 500, problemDetails);

        public static IResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null, IDictionary<string, object?>? extensions = null) =>
            new JsonResult(statusCode ?? 500, new ProblemDetails { Detail = detail, Instance = instance, Status = statusCode, Title = title, Type = type });

        public static IResult ValidationProblem(IDictionary<string, string[]> errors, string? detail = null, string? title = null) =>
            new JsonResult(400, new ValidationProblemDetails(errors) { Detail = detail, Title = title });

        private sealed class JsonResult(int statusCode, object? value) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext)
            {
                httpContext.Response.StatusCode = statusCode;
                return httpContext.Response.WriteAsJsonAsync(value);
            }
        }
    }

    public sealed class ProblemDetailsContext
    {
        public required HttpContext HttpContext { get; init; }

        public ProblemDetails ProblemDetails { get; init; } = new();

        public Exception? Exception { get; init; }
    }

    public interface IProblemDetailsService
    {
        ValueTask WriteAsync(ProblemDetailsContext context);

        ValueTask<bool> TryWriteAsync(ProblemDetailsContext context);
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    public class ProblemDetails
    {
        public string? Type { get; set; }

        public string? Title { get; set; }

        public int? Status { get; set; }

        public string? Detail { get; set; }

        public string? Instance { get; set; }

        public IDictionary<string, object?> Extensions { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public class ValidationProblemDetails : ProblemDetails
    {
        public ValidationProblemDetails()
        {
        }

        public ValidationProblemDetails(IDictionary<string, string[]> errors)
        {
            Errors = new Dictionary<string, string[]>(errors, StringComparer.Ordinal);
        }

        public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>(StringComparer.Ordinal);
    }
}

namespace Microsoft.AspNetCore.Diagnostics
{
    using Microsoft.AspNetCore.Http;

    public interface IExceptionHandler
    {
        ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
    }
}
