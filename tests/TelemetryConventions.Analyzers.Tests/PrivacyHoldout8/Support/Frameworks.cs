using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout8.Support;

// Stand-ins for the MVC, Blazor, SignalR, EF Core and feature-management shapes the services use,
// so that the corpus compiles without those packages. Only the shapes matter.

public sealed class ActionExecutingContext
{
    public IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public string ActionName { get; init; } = string.Empty;

    public object? Result { get; set; }
}

public sealed class ActionExecutedContext
{
    public Exception? Exception { get; set; }

    public bool ExceptionHandled { get; set; }
}

public interface IActionFilter
{
    void OnActionExecuting(ActionExecutingContext context);

    void OnActionExecuted(ActionExecutedContext context);
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute;

[AttributeUsage(AttributeTargets.Property)]
public sealed class InjectAttribute : Attribute;

public abstract class ComponentBase
{
    protected virtual Task OnInitializedAsync() => Task.CompletedTask;

    protected virtual Task OnParametersSetAsync() => Task.CompletedTask;
}

/// <summary>A SignalR client connection, reduced to handler registration.</summary>
public sealed class HubConnection
{
    public IDisposable On<T1>(string methodName, Action<T1> handler) => new Registration();

    public IDisposable On<T1, T2>(string methodName, Action<T1, T2> handler) => new Registration();

    public IDisposable On<T1, T2>(string methodName, Func<T1, T2, Task> handler) => new Registration();

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private sealed class Registration : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>An EF Core style set; queries run in memory here.</summary>
public sealed class DbSet<T>(IEnumerable<T> rows) : IQueryable<T>
{
    private readonly IQueryable<T> _rows = rows.AsQueryable();

    public Type ElementType => _rows.ElementType;

    public Expression Expression => _rows.Expression;

    public IQueryProvider Provider => _rows.Provider;

    public IEnumerator<T> GetEnumerator() => _rows.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(T row)
    {
    }
}

public static class QueryableAsyncExtensions
{
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.FirstOrDefault(predicate));

    public static Task<int> CountAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Count(predicate));

    public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.ToList());
}

public abstract class DbContext
{
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
}

/// <summary>Feature management: a flag evaluated for a targeting context.</summary>
public sealed class TargetingContext
{
    public string UserId { get; set; } = string.Empty;

    public IEnumerable<string> Groups { get; set; } = Array.Empty<string>();
}

public interface IFeatureManager
{
    Task<bool> IsEnabledAsync(string feature);

    Task<bool> IsEnabledAsync<TContext>(string feature, TContext context);
}

/// <summary>A multi-tenant host's view of the current tenant.</summary>
public sealed record TenantInfo(string Identifier, string Name, string Region);

public interface ITenantResolver
{
    Task<TenantInfo?> ResolveAsync(string host);
}
