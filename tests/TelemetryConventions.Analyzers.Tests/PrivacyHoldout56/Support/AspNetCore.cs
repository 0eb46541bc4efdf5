using System;
using System.Collections.Generic;
using System.Reflection;
using System.Security.Claims;
using System.Threading.Tasks;

// Stand-ins for the parts of ASP.NET Core the services' action filters and endpoint filters use. Only
// the shapes matter; the real types live in the shared framework Microsoft.AspNetCore.App, which the
// corpus does not reference.

namespace Microsoft.AspNetCore.Http
{
    public abstract class HttpRequest
    {
        public abstract string Method { get; set; }

        public abstract string Path { get; set; }

        public abstract string QueryString { get; set; }

        public abstract IDictionary<string, string> Headers { get; }
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }

        public abstract ClaimsPrincipal User { get; set; }

        public abstract string TraceIdentifier { get; set; }

        public abstract IDictionary<object, object?> Items { get; set; }

        public abstract IServiceProvider RequestServices { get; set; }
    }

    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

    public static class Results
    {
        public static IResult Ok(object? value = null) => new Result(200, value);

        public static IResult NotFound(object? value = null) => new Result(404, value);

        public static IResult Problem(string? detail = null, int? statusCode = null) => new Result(statusCode ?? 500, detail);

        public static IResult ValidationProblem(IDictionary<string, string[]> errors) => new Result(400, errors);

        private sealed record Result(int Status, object? Value) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
        }
    }

    public delegate ValueTask<object?> EndpointFilterDelegate(EndpointFilterInvocationContext context);

    public interface IEndpointFilter
    {
        ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next);
    }

    public abstract class EndpointFilterInvocationContext
    {
        public abstract HttpContext HttpContext { get; }

        /// <summary>The handler's arguments, in the order of its parameters.</summary>
        public abstract IList<object?> Arguments { get; }

        public abstract T GetArgument<T>(int index);
    }

    public class RouteHandlerBuilder
    {
        public RouteHandlerBuilder AddEndpointFilter<TFilter>()
            where TFilter : IEndpointFilter => this;

        public RouteHandlerBuilder AddEndpointFilter(Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> filter) => this;

        public RouteHandlerBuilder WithName(string endpointName) => this;
    }

    public sealed class RouteGroupBuilder : RouteHandlerBuilder, Microsoft.AspNetCore.Routing.IEndpointRouteBuilder;
}

namespace Microsoft.AspNetCore.Routing
{
    using Microsoft.AspNetCore.Http;

    public interface IEndpointRouteBuilder;

    public static class EndpointRouteBuilderExtensions
    {
        public static RouteGroupBuilder MapGroup(this IEndpointRouteBuilder endpoints, string prefix) => new();

        public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();

        public static RouteHandlerBuilder MapPost(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();

        public static RouteHandlerBuilder MapPut(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    using Microsoft.AspNetCore.Http;
    using Microsoft.AspNetCore.Mvc.Abstractions;
    using Microsoft.AspNetCore.Mvc.Filters;

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

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromBodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromRouteAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ServiceFilterAttribute(Type type) : Attribute, IFilterMetadata
    {
        public Type ServiceType { get; } = type;
    }

    public interface IActionResult
    {
        Task ExecuteResultAsync(ActionContext context);
    }

    public class ObjectResult(object? value) : IActionResult
    {
        public object? Value { get; set; } = value;

        public int? StatusCode { get; set; }

        public Task ExecuteResultAsync(ActionContext context) => Task.CompletedTask;
    }

    public sealed class OkObjectResult(object? value) : ObjectResult(value);

    public sealed class NotFoundObjectResult(object? value) : ObjectResult(value);

    public sealed class ConflictObjectResult(object? value) : ObjectResult(value);

    public class ActionContext
    {
        public HttpContext HttpContext { get; set; } = null!;

        public ActionDescriptor ActionDescriptor { get; set; } = new();
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; } = null!;

        public ClaimsPrincipal User => HttpContext.User;

        public OkObjectResult Ok(object? value = null) => new(value);

        public NotFoundObjectResult NotFound(object? value = null) => new(value);

        public ConflictObjectResult Conflict(object? value = null) => new(value);
    }
}

namespace Microsoft.AspNetCore.Mvc.Abstractions
{
    public class ParameterDescriptor
    {
        public string Name { get; set; } = string.Empty;

        public Type ParameterType { get; set; } = typeof(object);
    }

    public class ActionDescriptor
    {
        /// <summary>The action's name as MVC prints it, e.g. <c>Campus.Api.GradebookController.RecordMark (Campus.Api)</c>.</summary>
        public virtual string? DisplayName { get; set; }

        public IDictionary<string, string?> RouteValues { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        public IList<ParameterDescriptor> Parameters { get; set; } = new List<ParameterDescriptor>();
    }
}

namespace Microsoft.AspNetCore.Mvc.Controllers
{
    using Microsoft.AspNetCore.Mvc.Abstractions;

    public class ControllerActionDescriptor : ActionDescriptor
    {
        public string ControllerName { get; set; } = string.Empty;

        public string ActionName { get; set; } = string.Empty;

        public MethodInfo MethodInfo { get; set; } = null!;

        public TypeInfo ControllerTypeInfo { get; set; } = null!;
    }
}

namespace Microsoft.AspNetCore.Mvc.Filters
{
    public interface IFilterMetadata;

    public abstract class FilterContext : ActionContext;

    public class ActionExecutingContext : FilterContext
    {
        /// <summary>The action's arguments after model binding, by parameter name.</summary>
        public virtual IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        public virtual object Controller { get; init; } = null!;

        public virtual IActionResult? Result { get; set; }
    }

    public class ActionExecutedContext : FilterContext
    {
        public virtual Exception? Exception { get; set; }

        public virtual bool ExceptionHandled { get; set; }

        public virtual IActionResult? Result { get; set; }
    }

    public delegate Task<ActionExecutedContext> ActionExecutionDelegate();

    public interface IActionFilter : IFilterMetadata
    {
        void OnActionExecuting(ActionExecutingContext context);

        void OnActionExecuted(ActionExecutedContext context);
    }

    public interface IAsyncActionFilter : IFilterMetadata
    {
        Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next);
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public abstract class ActionFilterAttribute : Attribute, IActionFilter, IAsyncActionFilter
    {
        public virtual void OnActionExecuting(ActionExecutingContext context)
        {
        }

        public virtual void OnActionExecuted(ActionExecutedContext context)
        {
        }

        public virtual async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            OnActionExecuting(context);
            if (context.Result is null)
            {
                OnActionExecuted(await next());
            }
        }
    }
}
