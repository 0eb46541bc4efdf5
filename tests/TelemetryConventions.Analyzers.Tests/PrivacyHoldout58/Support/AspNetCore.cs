using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

// Stand-ins for the ASP.NET Core types of the error path (HttpContext, ProblemDetails and its
// service, IExceptionHandler, middleware), with the real names and shapes. Writing a response is not
// telemetry.

namespace Microsoft.AspNetCore.Http
{
    public sealed class HttpRequest
    {
        public string Method { get; set; } = "GET";

        public string Path { get; set; } = "/";

        public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public bool HasStarted { get; set; }
    }

    public class HttpContext
    {
        public HttpRequest Request { get; } = new();

        public HttpResponse Response { get; } = new();

        public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public CancellationToken RequestAborted { get; set; }
    }

    public delegate Task RequestDelegate(HttpContext context);

    public interface IMiddleware
    {
        Task InvokeAsync(HttpContext context, RequestDelegate next);
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

    public static class HttpResponseJsonExtensions
    {
        public static Task WriteAsJsonAsync<TValue>(this HttpResponse response, TValue value, CancellationToken cancellationToken = default) => Task.CompletedTask;
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
}

namespace Microsoft.AspNetCore.Diagnostics
{
    using Microsoft.AspNetCore.Http;

    public interface IExceptionHandler
    {
        ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
    }
}
