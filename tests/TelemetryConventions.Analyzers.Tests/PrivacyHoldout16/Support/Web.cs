using System;
using System.Collections.Generic;

namespace PrivacyHoldout16.Support.Web;

// A page or API request as the clickstream collector receives it from the browser beacon.

public sealed record PageViewBeacon(
    string AnonymousId,
    string? UserId,
    string SessionId,
    Uri Url,
    Uri? Referrer,
    string UserAgent,
    string? RouteTemplate,
    DateTimeOffset ViewedAt)
{
    public IReadOnlyDictionary<string, string> Utm { get; init; } = new Dictionary<string, string>();

    public int ViewportWidth { get; init; }
}

public sealed class QueryCollection(IReadOnlyDictionary<string, string> values)
{
    public string? this[string key] => values.TryGetValue(key, out var value) ? value : null;

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;
}

public sealed class RequestInfo
{
    public required string Path { get; init; }

    public string QueryString { get; init; } = string.Empty;

    public QueryCollection Query { get; init; } = new(new Dictionary<string, string>());

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? RouteTemplate { get; init; }
}
