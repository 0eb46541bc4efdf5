namespace PrivacyHoldout86.Support;

// The services' own access-logging helpers: request log entries, edge and proxy log lines, IP
// truncation, user-agent families, route-template normalisation, header redaction and sampling.

/// <summary>One request as the hand-written middleware records it (positional: prints every member).</summary>
public sealed record RequestLogEntry(
    string Method,
    string Path,
    string Query,
    int StatusCode,
    double DurationMs,
    string UserAgent,
    string Referer,
    string RemoteIp,
    string CorrelationId);

/// <summary>The same request with the path reduced to its route template and the address truncated.</summary>
public sealed record AccessSummary(
    string Method,
    string RouteTemplate,
    int StatusCode,
    double DurationMs,
    string UserAgentFamily,
    string ClientNetwork,
    string CorrelationId);

/// <summary>A line of an Apache/nginx "combined" access log, as the reverse proxy writes it.</summary>
public sealed record CombinedLogLine(
    string RemoteHost,
    string Ident,
    string AuthUser,
    DateTimeOffset Timestamp,
    string Method,
    string Target,
    string Protocol,
    int Status,
    long Bytes,
    string Referer,
    string UserAgent)
{
    private static readonly Regex Pattern = new(
        "^(?<host>\\S+) (?<ident>\\S+) (?<user>\\S+) \\[(?<time>[^\\]]+)\\] \"(?<method>\\S+) (?<target>\\S+) (?<proto>[^\"]+)\" (?<status>\\d{3}) (?<bytes>\\d+|-) \"(?<referer>[^\"]*)\" \"(?<ua>[^\"]*)\"$",
        RegexOptions.Compiled);

    public string PathOnly => Target.Split('?')[0];

    public static CombinedLogLine Parse(string line)
    {
        var m = Pattern.Match(line);
        if (!m.Success)
        {
            throw new AccessLogFormatException(line);
        }

        return new CombinedLogLine(
            m.Groups["host"].Value,
            m.Groups["ident"].Value,
            m.Groups["user"].Value,
            DateTimeOffset.ParseExact(m.Groups["time"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture),
            m.Groups["method"].Value,
            m.Groups["target"].Value,
            m.Groups["proto"].Value,
            int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture),
            m.Groups["bytes"].Value == "-" ? 0 : long.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture),
            m.Groups["referer"].Value,
            m.Groups["ua"].Value);
    }
}

/// <summary>One JSON line of the CDN's edge log (real-time log delivery).</summary>
public sealed record EdgeLogRecord
{
    public string ClientIp { get; init; } = string.Empty;

    public string EdgeLocation { get; init; } = string.Empty;

    public string Method { get; init; } = "GET";

    public string Host { get; init; } = string.Empty;

    public string Uri { get; init; } = string.Empty;

    public string QueryString { get; init; } = string.Empty;

    public int Status { get; init; }

    public long Bytes { get; init; }

    public double TimeTakenSeconds { get; init; }

    public string Referer { get; init; } = string.Empty;

    public string UserAgent { get; init; } = string.Empty;

    public string CacheStatus { get; init; } = string.Empty;

    public string RayId { get; init; } = string.Empty;

    public string Country { get; init; } = string.Empty;

    public string? Cookie { get; init; }
}

/// <summary>Thrown when an access-log line does not parse; quotes the line.</summary>
public sealed class AccessLogFormatException(string line)
    : FormatException($"Unparseable access log line: {line}")
{
    public string Line { get; } = line;
}

/// <summary>Thrown by the body capture when a body is over its limit; quotes only sizes.</summary>
public sealed class BodyCaptureLimitException(long length, int limit)
    : InvalidOperationException($"Body of {length} bytes is over the capture limit of {limit} bytes")
{
    public long Length { get; } = length;

    public int Limit { get; } = limit;
}

/// <summary>An error response body captured for the error log.</summary>
public sealed record CapturedResponse(int StatusCode, string ContentType, string Body, bool Truncated);

public static class IpMask
{
    /// <summary>Zeroes the last octet of an IPv4 address and the last 80 bits of an IPv6 address.</summary>
    public static string Truncate(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        var bytes = address.GetAddressBytes();
        var keep = bytes.Length == 4 ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }

        return new IPAddress(bytes).ToString();
    }

    public static string Truncate(string address) =>
        IPAddress.TryParse(address, out var parsed) ? Truncate(parsed) : "unknown";
}

public static class ForwardedFor
{
    /// <summary>The addresses of an X-Forwarded-For chain, client first.</summary>
    public static IReadOnlyList<string> Parse(string? header) =>
        string.IsNullOrWhiteSpace(header)
            ? Array.Empty<string>()
            : header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The client's address: the first entry of the chain, or the connection's peer.</summary>
    public static string ClientAddress(HttpContext context)
    {
        var chain = Parse(context.Request.Headers.GetValueOrDefault("X-Forwarded-For"));
        return chain.Count > 0 ? chain[0] : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}

public static class UserAgentFamily
{
    public static string Of(string? userAgent) => userAgent switch
    {
        null or "" => "none",
        var ua when ua.Contains("Edg/", StringComparison.Ordinal) => "Edge",
        var ua when ua.Contains("Chrome/", StringComparison.Ordinal) => "Chrome",
        var ua when ua.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
        var ua when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
        var ua when ua.Contains("okhttp", StringComparison.OrdinalIgnoreCase) => "Android app",
        var ua when ua.Contains("CFNetwork", StringComparison.Ordinal) => "iOS app",
        var ua when ua.Contains("bot", StringComparison.OrdinalIgnoreCase) => "bot",
        _ => "other",
    };
}

public static class PathNormalizer
{
    private static readonly Regex Guids = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.Compiled);
    private static readonly Regex Numbers = new("/\\d+(?=/|$)", RegexOptions.Compiled);

    /// <summary>The endpoint's route template, else the path with ids replaced by placeholders.</summary>
    public static string Template(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint route ? route.RoutePattern.RawText : Normalize(context.Request.Path.Value);

    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var withoutGuids = Guids.Replace(path, "{id}");
        return Numbers.Replace(withoutGuids, "/{n}");
    }
}

public sealed class HeaderRedactor(IEnumerable<string> allowed)
{
    private readonly HashSet<string> _allowed = new(allowed, StringComparer.OrdinalIgnoreCase);

    public const string Redacted = "[Redacted]";

    /// <summary>The headers with every value not on the allow list replaced by a marker.</summary>
    public IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => _allowed.Contains(h.Key) ? h.Value : Redacted, StringComparer.OrdinalIgnoreCase);

    public bool IsAllowed(string headerName) => _allowed.Contains(headerName);
}

public static class Correlation
{
    public const string HeaderName = "X-Correlation-Id";

    public static string IdOf(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var value) && value.Length <= 64
            ? value
            : Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
}

/// <summary>Keeps one request in N, decided from the trace id so every service keeps the same ones.</summary>
public sealed class RequestSampler(int oneIn)
{
    public int OneIn { get; } = oneIn;

    public bool ShouldLog(ActivityTraceId traceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        traceId.CopyTo(bytes);
        return BitConverter.ToUInt32(bytes[..4]) % (uint)OneIn == 0;
    }
}

public static class Shard
{
    public static int Of(byte[] key, string value, int buckets)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}
