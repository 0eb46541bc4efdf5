namespace Apikit;

// The API projects' own plumbing: the request being served, contract versions, OpenAPI examples and
// idempotency. What prints what:
// - ApiCall is a class: it prints its type name. Path is the filled-in path; RouteTemplate is the template.
// - ApiVersion prints "major.minor".
// - IdempotencyConflictException's message quotes the idempotency key.
// - OpenAPI example providers return fixed example objects written into the API description.

public sealed class ApiCall
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string RouteTemplate { get; init; } = "/";

    public string? QueryString { get; init; }

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string?> RouteValues { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    public ApiVersion RequestedVersion { get; init; } = new(1, 0);

    public int StatusCode { get; set; } = 200;
}

public readonly record struct ApiVersion(int Major, int Minor)
{
    public override string ToString() => $"{Major}.{Minor}";

    public static ApiVersion Parse(string text)
    {
        var parts = text.Split('.');
        return new ApiVersion(int.Parse(parts[0]), parts.Length > 1 ? int.Parse(parts[1]) : 0);
    }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiVersionAttribute(string version) : Attribute
{
    public string Version { get; } = version;

    public bool Deprecated { get; init; }
}

/// <summary>Converts a request or response of one contract version into another.</summary>
public interface IContractAdapter<TFrom, TTo>
{
    ApiVersion From { get; }

    ApiVersion To { get; }

    TTo Adapt(TFrom source);
}

public sealed class ContractAdaptationException(ApiVersion from, ApiVersion to, string member, string reason)
    : Exception($"Cannot adapt {member} from contract {from} to {to}: {reason}")
{
    public ApiVersion From { get; } = from;

    public ApiVersion To { get; } = to;

    public string Member { get; } = member;
}

/// <summary>Supplies the example object the OpenAPI document shows for a request or response type.</summary>
public interface IExamplesProvider<out T>
{
    T GetExamples();
}

public interface IIdempotencyStore
{
    Task<bool> TryBeginAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    Task CompleteAsync(string key, int statusCode, CancellationToken cancellationToken);
}

public sealed class IdempotencyConflictException(string key)
    : Exception($"A request with idempotency key '{key}' is already being processed.")
{
    public string Key { get; } = key;
}
