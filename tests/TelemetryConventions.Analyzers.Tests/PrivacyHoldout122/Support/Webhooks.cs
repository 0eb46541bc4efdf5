namespace VeriDoc.Webhooks;

// The vendor's webhooks: a signed JSON body with a resource type, an action and the object.

public sealed class WebhookPayload
{
    public string ResourceType { get; init; } = "check";

    public string Action { get; init; } = "check.completed";

    public WebhookObject Object { get; init; } = new();
}

public sealed class WebhookObject
{
    public string Id { get; init; } = string.Empty;

    public string Status { get; init; } = "complete";

    public DateTimeOffset CompletedAtIso8601 { get; init; }

    /// <summary>The resource's API address, e.g. https://api.veridoc.example/v3/checks/{id}.</summary>
    public string Href { get; init; } = string.Empty;
}

/// <summary>The event as the vendor's newer API version sends it: with the applicant and the decision inline.</summary>
public sealed record DecisionEvent(string EventId, string CheckId, string ApplicantId, string Decision, IReadOnlyList<string> ReasonCodes, string? ExternalUserId)
{
    public DateTimeOffset DecidedAt { get; init; }

    public string? ReviewerEmail { get; init; }
}

/// <summary>The signature in the X-VeriDoc-Signature header did not verify. Its message is fixed.</summary>
public sealed class WebhookSignatureException() : Exception("Webhook signature does not match the payload");

public static class WebhookVerifier
{
    public static WebhookPayload Verify(string body, string signatureHeader, string secret)
    {
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        if (!string.Equals(expected, signatureHeader, StringComparison.OrdinalIgnoreCase))
        {
            throw new WebhookSignatureException();
        }
        return JsonSerializer.Deserialize<WebhookPayload>(body)!;
    }
}
