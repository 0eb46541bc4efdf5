namespace WebState;

// Stand-ins in the shape of ASP.NET Core's session, cookie and request types.

public interface ISession
{
    bool IsAvailable { get; }

    string Id { get; }

    IEnumerable<string> Keys { get; }

    Task LoadAsync(CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);

    bool TryGetValue(string key, out byte[]? value);

    void Set(string key, byte[] value);

    void Remove(string key);

    void Clear();
}

public static class SessionExtensions
{
    public static string? GetString(this ISession session, string key) =>
        session.TryGetValue(key, out var bytes) && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;

    public static void SetString(this ISession session, string key, string value) => session.Set(key, Encoding.UTF8.GetBytes(value));

    public static int? GetInt32(this ISession session, string key) =>
        session.TryGetValue(key, out var bytes) && bytes is { Length: 4 } ? BitConverter.ToInt32(bytes) : null;
}

public enum SameSiteMode
{
    Unspecified = -1,
    None,
    Lax,
    Strict,
}

public sealed class CookieOptions
{
    public string? Domain { get; set; }

    public string? Path { get; set; } = "/";

    public DateTimeOffset? Expires { get; set; }

    public TimeSpan? MaxAge { get; set; }

    public bool Secure { get; set; }

    public bool HttpOnly { get; set; }

    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;

    public bool IsEssential { get; set; }
}

public interface IRequestCookieCollection : IEnumerable<KeyValuePair<string, string>>
{
    int Count { get; }

    ICollection<string> Keys { get; }

    string? this[string key] { get; }

    bool TryGetValue(string key, out string? value);
}

public interface IResponseCookies
{
    void Append(string key, string value, CookieOptions options);

    void Delete(string key);
}

public sealed class RequestState
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public IDictionary<string, string> Query { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public required IRequestCookieCollection Cookies { get; init; }

    public string? RemoteIpAddress { get; init; }
}

public sealed class ResponseState
{
    public int StatusCode { get; set; } = 200;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public required IResponseCookies Cookies { get; init; }
}

public sealed class StateHttpContext
{
    public required RequestState Request { get; init; }

    public required ResponseState Response { get; init; }

    public required ISession Session { get; init; }

    public ClaimsUser User { get; init; } = new();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
}

// Output caching, in the shape of Microsoft.AspNetCore.OutputCaching.

public sealed class CacheVaryByRules
{
    public IDictionary<string, string> VaryByValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ICollection<string> QueryKeys { get; set; } = new List<string>();

    public ICollection<string> HeaderNames { get; set; } = new List<string>();

    public string? CacheKeyPrefix { get; set; }
}

public sealed class OutputCacheContext
{
    public required StateHttpContext HttpContext { get; init; }

    public bool EnableOutputCaching { get; set; }

    public bool AllowCacheLookup { get; set; }

    public bool AllowCacheStorage { get; set; }

    public bool AllowLocking { get; set; } = true;

    public TimeSpan? ResponseExpirationTimeSpan { get; set; }

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public CacheVaryByRules CacheVaryByRules { get; } = new();
}

public interface IOutputCachePolicy
{
    ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation);

    ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation);

    ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation);
}

public interface IOutputCacheStore
{
    ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken);
}
