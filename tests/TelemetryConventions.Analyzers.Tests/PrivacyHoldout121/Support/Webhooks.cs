namespace ParcelKit.Webhooks;

/// <summary>A carrier's webhook delivery as the endpoint receives it.</summary>
public sealed class WebhookRequest
{
    public required string RawBody { get; init; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? RemoteAddress { get; init; }
}

/// <summary>A parsed tracker update. Prints its members (the tracker as its text).</summary>
public sealed record TrackerUpdatedEvent(string Id, string Description, DateTimeOffset CreatedAt, Tracker Result)
{
    /// <summary>The recipient block the carrier echoes back (name, address lines, postcode).</summary>
    public Address? Recipient { get; init; }
}

public static class WebhookParser
{
    public static TrackerUpdatedEvent Parse(string body) => JsonSerializer.Deserialize<TrackerUpdatedEvent>(body)!;

    /// <summary>Checks the HMAC signature header against the shared webhook secret.</summary>
    public static bool Verify(WebhookRequest request, byte[] secret) => request.Headers.ContainsKey("X-Hmac-Signature") && secret.Length > 0;
}

/// <summary>The signature header was missing or did not match; the message names the header.</summary>
public sealed class WebhookSignatureException(string header) : Exception($"Webhook signature check failed for header {header}")
{
    public string Header { get; } = header;
}
