namespace TenantKit;

// A multi-tenancy library in the shape of Finbuckle.MultiTenant: tenant infos, resolution strategies
// (host, header, claim, route), a tenant store and the context a request carries once resolved.

/// <summary>A tenant as the store keeps it. A class without <c>ToString</c>, as Finbuckle's <c>TenantInfo</c>.</summary>
public class TenantInfo
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The identifier the strategies resolve: a subdomain, a header value, a claim's value.</summary>
    public string Identifier { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Plan { get; set; } = "starter";

    public string Region { get; set; } = "eu-west";

    public string? ConnectionString { get; set; }
}

public sealed class StrategyInfo
{
    public required string StrategyType { get; init; }
}

public sealed class MultiTenantContext<T>
    where T : TenantInfo
{
    public T? TenantInfo { get; init; }

    public StrategyInfo? StrategyInfo { get; init; }

    public bool IsResolved => TenantInfo is not null;
}

public interface IMultiTenantContextAccessor<T>
    where T : TenantInfo
{
    MultiTenantContext<T> MultiTenantContext { get; }
}

/// <summary>The incoming request as the strategies see it.</summary>
public sealed class TenantRequest
{
    public string Host { get; init; } = string.Empty;

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> RouteValues { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public ClaimsPrincipal User { get; init; } = new(new ClaimsIdentity());

    public string? RemoteIpAddress { get; init; }
}

public interface IMultiTenantStrategy
{
    string Name { get; }

    Task<string?> GetIdentifierAsync(TenantRequest request);
}

/// <summary><c>__tenant__.clinicdesk.app</c>: the tenant is the host's first label.</summary>
public sealed class HostStrategy(string template) : IMultiTenantStrategy
{
    public string Template { get; } = template;

    public string Name => "host";

    public Task<string?> GetIdentifierAsync(TenantRequest request) =>
        Task.FromResult<string?>(request.Host.Split('.')[0]);
}

public sealed class HeaderStrategy(string headerName) : IMultiTenantStrategy
{
    public string HeaderName { get; } = headerName;

    public string Name => "header";

    public Task<string?> GetIdentifierAsync(TenantRequest request) =>
        Task.FromResult(request.Headers.TryGetValue(HeaderName, out var value) ? value : null);
}

public sealed class ClaimStrategy(string claimType = "tid") : IMultiTenantStrategy
{
    public string ClaimType { get; } = claimType;

    public string Name => "token";

    public Task<string?> GetIdentifierAsync(TenantRequest request) =>
        Task.FromResult(request.User.FindFirst(ClaimType)?.Value);
}

public sealed class RouteStrategy(string parameterName = "__tenant__") : IMultiTenantStrategy
{
    public string ParameterName { get; } = parameterName;

    public string Name => "route";

    public Task<string?> GetIdentifierAsync(TenantRequest request) =>
        Task.FromResult(request.RouteValues.TryGetValue(ParameterName, out var value) ? value : null);
}

public interface IMultiTenantStore<T>
    where T : TenantInfo
{
    Task<T?> TryGetByIdentifierAsync(string identifier);

    Task<T?> TryGetAsync(string id);

    Task<IReadOnlyList<T>> GetAllAsync();
}

/// <summary>Thrown when no tenant matches: quotes the identifier the strategy read.</summary>
public sealed class TenantNotFoundException(string identifier, string strategy)
    : Exception($"No tenant matches identifier '{identifier}' (strategy {strategy}).")
{
    public string Identifier { get; } = identifier;

    public string Strategy { get; } = strategy;
}

/// <summary>Thrown when a token's tenant claim and the host's tenant differ: quotes both tenants.</summary>
public sealed class TenantMismatchException(string hostTenant, string tokenTenant)
    : Exception($"Token issued for tenant '{tokenTenant}' used on tenant '{hostTenant}'.")
{
    public string HostTenant { get; } = hostTenant;

    public string TokenTenant { get; } = tokenTenant;
}

/// <summary>Thrown when a user is not a member of the resolved tenant: quotes the user's email.</summary>
public sealed class NotATenantMemberException(string email, string tenantId)
    : Exception($"User {email} is not a member of tenant {tenantId}.")
{
    public string TenantId { get; } = tenantId;
}

/// <summary>A member of a tenant: a record, printed with all its members.</summary>
public sealed record TenantMember(string UserId, string TenantId, string Email, string DisplayName, string Role, DateTimeOffset JoinedAt);

public interface ITenantMembers
{
    Task<TenantMember?> FindAsync(string tenantId, string userId);

    Task<IReadOnlyList<TenantMember>> ListAsync(string tenantId);

    Task<IReadOnlyList<TenantMember>> AdminsAsync(string tenantId);
}
