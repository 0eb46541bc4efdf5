using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout6.Support;

// Stand-ins for the ASP.NET Core, OpenTelemetry SDK, health-check and Entity Framework Core types
// the services use, so that the corpus compiles without those packages. Only the shapes matter.

public sealed class WebApplication
{
    public RouteHandlerBuilder MapGet(string pattern, Delegate handler) => new();

    public RouteHandlerBuilder MapPost(string pattern, Delegate handler) => new();

    public RouteHandlerBuilder MapPut(string pattern, Delegate handler) => new();
}

public sealed class RouteHandlerBuilder
{
    public RouteHandlerBuilder WithName(string name) => this;
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FromHeaderAttribute : Attribute
{
    public string? Name { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FromRouteAttribute : Attribute
{
    public string? Name { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FromQueryAttribute : Attribute
{
    public string? Name { get; set; }
}

public interface IResult;

public sealed record JsonResult(int StatusCode, object? Value) : IResult;

public static class Results
{
    public static IResult Ok(object? value = null) => new JsonResult(200, value);

    public static IResult Accepted(string? uri = null, object? value = null) => new JsonResult(202, value);

    public static IResult NotFound(object? value = null) => new JsonResult(404, value);

    public static IResult Problem(ProblemDetails problem) => new JsonResult(problem.Status ?? 500, problem);
}

public class ProblemDetails
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public int? Status { get; set; }

    public string? Detail { get; set; }

    public string? Instance { get; set; }

    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

public sealed class HttpContext
{
    public HttpRequest Request { get; } = new();

    public HttpResponse Response { get; } = new();

    public ClaimsPrincipal User { get; set; } = new();

    public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
}

public sealed class HttpRequest
{
    public string Method { get; set; } = "GET";

    public string Path { get; set; } = "/";

    public string QueryString { get; set; } = string.Empty;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
}

public sealed class HttpResponse
{
    public int StatusCode { get; set; } = 200;
}

/// <summary>The ASP.NET Core instrumentation's options, with its enrichment callbacks.</summary>
public sealed class AspNetCoreTraceInstrumentationOptions
{
    public Action<Activity, HttpRequest>? EnrichWithHttpRequest { get; set; }

    public Action<Activity, HttpResponse>? EnrichWithHttpResponse { get; set; }

    public Action<Activity, Exception>? EnrichWithException { get; set; }

    public Func<HttpContext, bool>? Filter { get; set; }
}

/// <summary>The HttpClient instrumentation's options.</summary>
public sealed class HttpClientTraceInstrumentationOptions
{
    public Action<Activity, HttpRequestMessage>? EnrichWithHttpRequestMessage { get; set; }

    public Action<Activity, HttpResponseMessage>? EnrichWithHttpResponseMessage { get; set; }
}

public sealed class TracerProviderBuilder
{
    public TracerProviderBuilder AddAspNetCoreInstrumentation(Action<AspNetCoreTraceInstrumentationOptions> configure) => this;

    public TracerProviderBuilder AddHttpClientInstrumentation(Action<HttpClientTraceInstrumentationOptions> configure) => this;

    public TracerProviderBuilder AddProcessor(BaseProcessor<Activity> processor) => this;

    public TracerProviderBuilder AddSource(params string[] names) => this;
}

/// <summary>The OpenTelemetry SDK's processor base class.</summary>
public abstract class BaseProcessor<T>
{
    public virtual void OnStart(T data)
    {
    }

    public virtual void OnEnd(T data)
    {
    }
}

public enum HealthStatus
{
    Unhealthy = 0,
    Degraded = 1,
    Healthy = 2,
}

public readonly record struct HealthCheckResult(HealthStatus Status, string? Description = null, Exception? Exception = null, IReadOnlyDictionary<string, object>? Data = null)
{
    public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);

    public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);

    public static HealthCheckResult Unhealthy(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Unhealthy, description, exception, data);
}

public sealed class HealthCheckContext
{
    public string Name { get; init; } = string.Empty;
}

public interface IHealthCheck
{
    Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default);
}

public sealed record HealthReportEntry(HealthStatus Status, string? Description, TimeSpan Duration, Exception? Exception, IReadOnlyDictionary<string, object> Data);

public sealed record HealthReport(IReadOnlyDictionary<string, HealthReportEntry> Entries, HealthStatus Status, TimeSpan TotalDuration);

public interface IHealthCheckPublisher
{
    Task PublishAsync(HealthReport report, CancellationToken cancellationToken);
}

public enum EntityState
{
    Detached,
    Unchanged,
    Deleted,
    Modified,
    Added,
}

public sealed class PropertyEntry
{
    public string Name { get; init; } = string.Empty;

    public object? CurrentValue { get; set; }

    public object? OriginalValue { get; set; }

    public bool IsModified { get; set; }
}

public sealed class EntityEntry
{
    private readonly Dictionary<string, PropertyEntry> _properties = new(StringComparer.Ordinal);

    public required object Entity { get; init; }

    public EntityState State { get; set; }

    public PropertyEntry Property(string propertyName) =>
        _properties.TryGetValue(propertyName, out var property) ? property : _properties[propertyName] = new PropertyEntry { Name = propertyName };

    public IEnumerable<PropertyEntry> Properties => _properties.Values;
}

public sealed class ChangeTracker
{
    private readonly List<EntityEntry> _entries = new();

    public IEnumerable<EntityEntry> Entries() => _entries;
}

public class DbContext
{
    public ChangeTracker ChangeTracker { get; } = new();

    public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
}

public class DbSet<T>
    where T : class
{
    private readonly List<T> _items = new();

    public ValueTask<T?> FindAsync(params object?[] keyValues) => ValueTask.FromResult<T?>(null);

    public void Add(T entity) => _items.Add(entity);

    public IAsyncEnumerable<T> AsAsyncEnumerable() => ToAsync(_items);

    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}

public class DbContextEventData
{
    public DbContext? Context { get; init; }
}

public sealed class DbContextErrorEventData : DbContextEventData
{
    public required Exception Exception { get; init; }
}

public readonly struct InterceptionResult<T>
{
    public bool HasResult { get; init; }

    public T Result { get; init; }
}

public abstract class SaveChangesInterceptor
{
    public virtual ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(result);

    public virtual void SaveChangesFailed(DbContextErrorEventData eventData)
    {
    }
}

public sealed class DbUpdateException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Secrets as the services receive them from their configuration.</summary>
public sealed class HashingKeys
{
    public required byte[] ShardKey { get; init; }
}
