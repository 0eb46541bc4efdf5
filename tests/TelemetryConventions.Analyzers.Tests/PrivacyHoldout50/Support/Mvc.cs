// Stand-ins for ASP.NET Core MVC: problem details, controllers, filters and model state. Only the shapes matter.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Mvc
{
    /// <summary>RFC 9457 problem details, serialised to the response body.</summary>
    public class ProblemDetails
    {
        public string? Type { get; set; }

        public string? Title { get; set; }

        public int? Status { get; set; }

        public string? Detail { get; set; }

        public string? Instance { get; set; }

        /// <summary>Members serialised beside the standard ones.</summary>
        public IDictionary<string, object?> Extensions { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public class ValidationProblemDetails : ProblemDetails
    {
        public ValidationProblemDetails()
        {
        }

        public ValidationProblemDetails(ModelStateDictionary modelState)
        {
            foreach (var (key, entry) in modelState)
            {
                Errors[key] = entry.Errors.ConvertAll(e => e.ErrorMessage).ToArray();
            }
        }

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

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromBodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromRouteAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromQueryAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ServiceFilterAttribute(Type type) : Attribute
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

    public sealed class BadRequestObjectResult(object? value) : ObjectResult(value);

    public sealed class ConflictObjectResult(object? value) : ObjectResult(value);

    public sealed class UnprocessableEntityObjectResult(object? value) : ObjectResult(value);

    public sealed class StatusCodeResult(int statusCode) : IActionResult
    {
        public int StatusCode { get; } = statusCode;

        public Task ExecuteResultAsync(ActionContext context) => Task.CompletedTask;
    }

    public class ActionContext
    {
        public HttpContext HttpContext { get; set; } = null!;

        public RouteData RouteData { get; set; } = new();

        public ActionDescriptor ActionDescriptor { get; set; } = new();

        public ModelStateDictionary ModelState { get; } = new();
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; } = null!;

        public HttpRequest Request => HttpContext.Request;

        public ClaimsPrincipal User => HttpContext.User;

        public ModelStateDictionary ModelState { get; } = new();

        public RouteData RouteData { get; } = new();

        public OkObjectResult Ok(object? value = null) => new(value);

        public BadRequestObjectResult BadRequest(object? error = null) => new(error);

        public ConflictObjectResult Conflict(object? error = null) => new(error);

        public StatusCodeResult NotFound() => new(404);

        public ObjectResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null) =>
            new(new ProblemDetails { Detail = detail, Instance = instance, Status = statusCode, Title = title, Type = type }) { StatusCode = statusCode };

        public ObjectResult ValidationProblem(ModelStateDictionary modelStateDictionary) => new BadRequestObjectResult(new ValidationProblemDetails(modelStateDictionary));
    }

    public sealed class ApiBehaviorOptions
    {
        /// <summary>Builds the response for a request whose model state is invalid, before the action runs.</summary>
        public Func<ActionContext, IActionResult> InvalidModelStateResponseFactory { get; set; } = _ => new StatusCodeResult(400);

        public bool SuppressModelStateInvalidFilter { get; set; }
    }
}

namespace Microsoft.AspNetCore.Mvc.Abstractions
{
    public class ActionDescriptor
    {
        public string Id { get; } = Guid.NewGuid().ToString();

        /// <summary>The action's name as MVC prints it, e.g. <c>Shop.Api.OrdersController.Place (Shop.Api)</c>.</summary>
        public virtual string? DisplayName { get; set; }

        public IDictionary<string, string?> RouteValues { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        public Routing.AttributeRouteInfo? AttributeRouteInfo { get; set; }
    }
}

namespace Microsoft.AspNetCore.Mvc.Routing
{
    public sealed class AttributeRouteInfo
    {
        /// <summary>The route template, e.g. <c>students/{studentNumber}/grades</c>.</summary>
        public string? Template { get; set; }

        public string? Name { get; set; }
    }
}

namespace Microsoft.AspNetCore.Mvc.ModelBinding
{
    public enum ModelValidationState
    {
        Unvalidated,
        Invalid,
        Valid,
        Skipped,
    }

    public sealed class ModelError
    {
        public ModelError(string errorMessage) => ErrorMessage = errorMessage;

        public ModelError(Exception exception) => (Exception, ErrorMessage) = (exception, string.Empty);

        public string ErrorMessage { get; }

        public Exception? Exception { get; }
    }

    public sealed class ModelErrorCollection : List<ModelError>;

    public sealed class ModelStateEntry
    {
        /// <summary>The raw value the binder read, as it was sent.</summary>
        public object? RawValue { get; set; }

        /// <summary>The value the binder read, as a string: what the client sent for the field.</summary>
        public string? AttemptedValue { get; set; }

        public ModelErrorCollection Errors { get; } = new();

        public ModelValidationState ValidationState { get; set; }
    }

    public sealed class ModelStateDictionary : IEnumerable<KeyValuePair<string, ModelStateEntry>>
    {
        private readonly Dictionary<string, ModelStateEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

        public bool IsValid => ErrorCount == 0;

        public int ErrorCount { get; private set; }

        public int Count => _entries.Count;

        public IEnumerable<string> Keys => _entries.Keys;

        public IEnumerable<ModelStateEntry> Values => _entries.Values;

        public ModelStateEntry? this[string key] => _entries.TryGetValue(key, out var entry) ? entry : null;

        public void AddModelError(string key, string errorMessage)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = entry = new ModelStateEntry();
            }

            entry.Errors.Add(new ModelError(errorMessage));
            entry.ValidationState = ModelValidationState.Invalid;
            ErrorCount++;
        }

        public IEnumerator<KeyValuePair<string, ModelStateEntry>> GetEnumerator() => _entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace Microsoft.AspNetCore.Mvc.Filters
{
    public abstract class FilterContext : ActionContext;

    public sealed class ActionExecutingContext : FilterContext
    {
        /// <summary>The action's arguments after model binding, by parameter name.</summary>
        public IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        public object Controller { get; init; } = null!;

        public IActionResult? Result { get; set; }
    }

    public sealed class ActionExecutedContext : FilterContext
    {
        public Exception? Exception { get; set; }

        public bool ExceptionHandled { get; set; }

        public bool Canceled { get; set; }

        public IActionResult? Result { get; set; }

        public object Controller { get; init; } = null!;
    }

    public sealed class ExceptionContext : FilterContext
    {
        public Exception Exception { get; set; } = null!;

        public bool ExceptionHandled { get; set; }

        public IActionResult? Result { get; set; }
    }

    public delegate Task<ActionExecutedContext> ActionExecutionDelegate();

    public interface IFilterMetadata;

    public interface IActionFilter : IFilterMetadata
    {
        void OnActionExecuting(ActionExecutingContext context);

        void OnActionExecuted(ActionExecutedContext context);
    }

    public interface IAsyncActionFilter : IFilterMetadata
    {
        Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next);
    }

    public interface IExceptionFilter : IFilterMetadata
    {
        void OnException(ExceptionContext context);
    }
}
