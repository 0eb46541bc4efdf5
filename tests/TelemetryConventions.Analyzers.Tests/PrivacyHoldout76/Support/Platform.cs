namespace PrivacyHoldout76.Support;

/// <summary>The platform's secret shard key, injected from the key vault.</summary>
public sealed record ShardKey(byte[] Key);

/// <summary>Reads a secret (a probe's password, a client secret) from the key vault.</summary>
public interface ISecretReader
{
    Task<string> ReadAsync(string name, CancellationToken cancellationToken);
}

/// <summary>
/// A request as the services' middleware sees it: the route template it matched, the route values
/// bound from the path, the raw path and query, the headers and the body text. Not telemetry by itself.
/// </summary>
public sealed class IncomingRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public string Query { get; init; } = string.Empty;

    public required string RouteTemplate { get; init; }

    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    public string? UserEmail { get; init; }

    public string Url => Path + Query;
}

/// <summary>Reads one parameter of a query string ("?a=1&amp;b=2").</summary>
public static class QueryString
{
    public static string? Get(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }
        return null;
    }
}
