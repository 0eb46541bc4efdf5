using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

// Stand-ins for the parts of ASP.NET Core the services use: controllers, minimal APIs, problem
// details and the exception handler. Writing a response (a result, a ProblemDetails and its
// Extensions) sends it to the caller; it is not logged by the framework.

namespace Microsoft.AspNetCore.Http
{
    public readonly record struct PathString(string? Value)
    {
        public override string ToString() => Value ?? string.Empty;
    }

    public readonly record struct QueryString(string? Value)
    {
        public override string ToString() => Value ?? string.Empty;
    }

    public sealed class HttpRequest
    {
        public string Method { get; init; } = "GET";

        public PathString Path { get; init; }

        public QueryString QueryString { get; init; }

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public Task WriteAsJsonAsync<T>(T value, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public sealed class HttpContext
    {
        public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

        public HttpRequest Request { get; } = new();

        public HttpResponse Response { get; } = new();

        public ClaimsPrincipal User { get; init; } = new();

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
    }

    public interface IHttpContextAccessor
    {
        HttpContext? HttpContext { get; }
    }

    public interface IResult;

    public static class Results
    {
        public static IResult Ok(object? value = null) => new Result(200, value);

        public static IResult Created(string uri, object? value) => new Result(201, value);

        public static IResult NoContent() => new Result(204, null);

        public static IResult NotFound(object? value = null) => new Result(404, value);

        public static IResult Conflict(object? value = null) => new Result(409, value);

        public static IResult Problem(ProblemDetails problem) => new Result(problem.Status ?? 500, problem);

        public static IResult ValidationProblem(IDictionary<string, string[]> errors, string? detail = null) => new Result(400, new ValidationProblemDetails(errors) { Detail = detail });

        private sealed record Result(int StatusCode, object? Value) : IResult;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class AsParametersAttribute : Attribute;
}

namespace Microsoft.AspNetCore.Routing
{
    public interface IEndpointConventionBuilder;

    public sealed class RouteHandlerBuilder : IEndpointConventionBuilder
    {
        public RouteHandlerBuilder WithName(string name) => this;

        public RouteHandlerBuilder WithTags(params string[] tags) => this;
    }

    public interface IEndpointRouteBuilder
    {
        RouteHandlerBuilder MapGet(string pattern, Delegate handler);

        RouteHandlerBuilder MapPost(string pattern, Delegate handler);

        RouteHandlerBuilder MapPut(string pattern, Delegate handler);

        RouteHandlerBuilder MapDelete(string pattern, Delegate handler);

        RouteGroupBuilder MapGroup(string prefix);
    }

    public abstract class RouteGroupBuilder : IEndpointRouteBuilder, IEndpointConventionBuilder
    {
        public abstract RouteHandlerBuilder MapGet(string pattern, Delegate handler);

        public abstract RouteHandlerBuilder MapPost(string pattern, Delegate handler);

        public abstract RouteHandlerBuilder MapPut(string pattern, Delegate handler);

        public abstract RouteHandlerBuilder MapDelete(string pattern, Delegate handler);

        public abstract RouteGroupBuilder MapGroup(string prefix);

        public RouteGroupBuilder WithTags(params string[] tags) => this;
    }
}

namespace Microsoft.AspNetCore.Diagnostics
{
    public interface IExceptionHandler
    {
        ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
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

        public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public class ValidationProblemDetails : ProblemDetails
    {
        public ValidationProblemDetails()
        {
        }

        public ValidationProblemDetails(IDictionary<string, string[]> errors) => Errors = new Dictionary<string, string[]>(errors);

        public IDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal);
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ApiControllerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class RouteAttribute(string template) : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpGetAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPostAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPutAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpDeleteAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromBodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromQueryAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromRouteAttribute : Attribute;

    public interface IActionResult;

    public class ObjectResult(object? value) : IActionResult
    {
        public object? Value { get; } = value;

        public int? StatusCode { get; init; }
    }

    public sealed class ActionResult<TValue> : IActionResult
    {
        private ActionResult(IActionResult? result, TValue? value)
        {
            Result = result;
            Value = value;
        }

        public IActionResult? Result { get; }

        public TValue? Value { get; }

        public static implicit operator ActionResult<TValue>(TValue value) => new(null, value);

        public static implicit operator ActionResult<TValue>(ObjectResult result) => new(result, default);
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; init; } = new();

        public ClaimsPrincipal User => HttpContext.User;

        protected ObjectResult Ok(object? value = null) => new(value) { StatusCode = 200 };

        protected ObjectResult CreatedAtAction(string actionName, object? routeValues, object? value) => new(value) { StatusCode = 201 };

        protected ObjectResult NoContent() => new(null) { StatusCode = 204 };

        protected ObjectResult NotFound(object? value = null) => new(value) { StatusCode = 404 };

        protected ObjectResult Conflict(object? value = null) => new(value) { StatusCode = 409 };

        protected ObjectResult BadRequest(object? value = null) => new(value) { StatusCode = 400 };

        protected ObjectResult Problem(string? detail = null, int? statusCode = null, string? title = null) =>
            new(new ProblemDetails { Detail = detail, Status = statusCode, Title = title }) { StatusCode = statusCode ?? 500 };

        protected ObjectResult ValidationProblem(ValidationProblemDetails details) => new(details) { StatusCode = 400 };
    }
}
