namespace PayKit;

/// <summary>An event the provider posts to the webhook endpoint; <c>Data</c> is the object as JSON.</summary>
public sealed record WebhookEvent(string Id, string Type, string ApiVersion, DateTimeOffset Created, bool Livemode, JsonElement Data, string? RequestId);

public sealed class SignatureVerificationException(string message, string? sigHeader) : Exception(message)
{
    /// <summary>The signature header as received.</summary>
    public string? SigHeader { get; } = sigHeader;
}

public static class EventUtility
{
    /// <summary>Verifies the signature header with the endpoint's secret and parses the event.</summary>
    public static WebhookEvent ConstructEvent(string json, string signatureHeader, string endpointSecret, long tolerance = 300) =>
        throw new SignatureVerificationException("No signatures found matching the expected signature for payload", signatureHeader);

    public static T As<T>(this WebhookEvent webhookEvent) => webhookEvent.Data.Deserialize<T>()!;
}

/// <summary>The raw request as the webhook endpoint reads it.</summary>
public sealed class WebhookRequest
{
    public required string Body { get; init; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? RemoteIp { get; init; }

    public string Path { get; init; } = "/webhooks/payments";
}
