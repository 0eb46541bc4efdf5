namespace ClickKit.Collector
{
    /// <summary>
    /// A tracker's request as the collector endpoint receives it (the shape of a Snowplow collector's
    /// <c>/com.snowplowanalytics.snowplow/tp2</c> or a pixel's <c>/i?…</c> GET).
    /// </summary>
    public sealed class CollectorRequest
    {
        public string Path { get; init; } = "/tp2";

        public string QueryString { get; init; } = string.Empty;

        public string? Body { get; init; }

        public string RemoteIp { get; init; } = "0.0.0.0";

        public string UserAgent { get; init; } = string.Empty;

        public string? Referer { get; init; }

        public IDictionary<string, string> Cookies { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An event after enrichment, with the canonical fields of the Snowplow enriched event. <c>DomainUserid</c> is
    /// the tracker's first-party cookie id, <c>NetworkUserid</c> the collector's cookie id, <c>DomainSessionid</c>
    /// the session and <c>DomainSessionidx</c> the visitor's session count. Does not override <c>ToString</c>.
    /// </summary>
    public sealed class EnrichedEvent
    {
        public string AppId { get; set; } = string.Empty;

        public string Platform { get; set; } = "web";

        public Guid EventId { get; set; } = Guid.NewGuid();

        public string Event { get; set; } = "unstruct";

        public string EventName { get; set; } = string.Empty;

        public string? DomainUserid { get; set; }

        public string? NetworkUserid { get; set; }

        public string? DomainSessionid { get; set; }

        public int DomainSessionidx { get; set; }

        public string? UserId { get; set; }

        public string? UserIpaddress { get; set; }

        public string? Useragent { get; set; }

        public string? PageUrl { get; set; }

        public string? PageUrlpath { get; set; }

        public string? PageUrlquery { get; set; }

        public string? PageReferrer { get; set; }

        public string? RefrUrlhost { get; set; }

        public string? MktSource { get; set; }

        public string? MktCampaign { get; set; }

        public SchemaKey? Schema { get; set; }

        public string? UnstructEvent { get; set; }

        public DateTimeOffset CollectorTstamp { get; set; }

        public DateTimeOffset? DvceCreatedTstamp { get; set; }
    }

    /// <summary>An Iglu schema key; prints as <c>iglu:vendor/name/format/version</c>.</summary>
    public sealed record SchemaKey(string Vendor, string Name, string Format, string Version)
    {
        public override string ToString() => $"iglu:{Vendor}/{Name}/{Format}/{Version}";

        public static SchemaKey Parse(string uri)
        {
            var parts = uri["iglu:".Length..].Split('/');
            return new SchemaKey(parts[0], parts[1], parts[2], parts[3]);
        }
    }

    /// <summary>
    /// One failure of JSON Schema validation: the JSON path, the keyword and the validator's message, which
    /// names the path and the rule (<c>$.nhs_number: does not match the regex pattern ^[0-9]{10}$</c>), not the
    /// value. Prints its members.
    /// </summary>
    public sealed record SchemaViolation(string Path, string Keyword, string Message);

    public sealed class ValidationResult
    {
        public bool IsValid => Violations.Count == 0;

        public List<SchemaViolation> Violations { get; } = new();
    }

    public interface ISchemaValidator
    {
        ValidationResult Validate(SchemaKey schema, string json);
    }

    /// <summary>Thrown when a schema is not in the registry; quotes the schema key.</summary>
    public sealed class SchemaNotFoundException(SchemaKey key) : Exception($"Schema {key} was not found in any repository")
    {
        public SchemaKey Key { get; } = key;
    }

    /// <summary>Thrown when an event's payload is not JSON; quotes the position, as System.Text.Json does, not the text.</summary>
    public sealed class PayloadFormatException(long bytePosition) : FormatException($"Payload is not valid JSON at byte {bytePosition}")
    {
        public long BytePosition { get; } = bytePosition;
    }

    /// <summary>
    /// An event that failed validation or enrichment, as written to the bad-rows stream: the raw payload it
    /// arrived with and the failure. Does not override <c>ToString</c>.
    /// </summary>
    public sealed class BadRow
    {
        public required string Processor { get; init; }

        public required string Payload { get; init; }

        public required IReadOnlyList<SchemaViolation> Failure { get; init; }

        public DateTimeOffset FailedAt { get; init; }
    }

    /// <summary>The enriched and bad streams (Kinesis or Kafka); writing to them is not telemetry.</summary>
    public interface IEventStream
    {
        Task PutAsync(string stream, string partitionKey, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default);
    }

    /// <summary>Looks up a campaign or referrer; parses URLs into parts.</summary>
    public static class UrlParts
    {
        public static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url.Split('?')[0];

        public static string Query(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Query.TrimStart('?') : (url.Split('?').ElementAtOrDefault(1) ?? string.Empty);

        public static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : string.Empty;

        public static IReadOnlyDictionary<string, string> ParseQuery(string query) =>
            query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
    }
}
