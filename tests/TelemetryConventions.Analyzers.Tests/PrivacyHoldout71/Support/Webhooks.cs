using System.Security.Cryptography;

// The integration team's shared webhook and event-routing library, as the services reference it.
// Only the shapes matter. What the types print and what their messages say is documented on each,
// because the README's decisions grade the lines that log them by it.

namespace PrivacyHoldout71.Support;

/// <summary>An endpoint a partner registered for a set of event types. Its secret signs the deliveries.</summary>
public sealed record WebhookSubscription(string Id, Uri Endpoint, string Secret, IReadOnlyList<string> EventTypes, string Owner)
{
    /// <summary>Prints the id, the endpoint's host and the owner (a partner or practice code); never the secret.</summary>
    public override string ToString() => $"{Id} -> {Endpoint.Host} ({Owner})";
}

/// <summary>One attempt at delivering an event, as the delivery log stores it. A record: prints its members.</summary>
public sealed record DeliveryAttempt(
    string DeliveryId,
    string SubscriptionId,
    string EventId,
    string EventType,
    int Attempt,
    int? StatusCode,
    TimeSpan Duration,
    string? ResponseBody);

/// <summary>The delivery log (a table the replay tool reads). A store, not telemetry.</summary>
public interface IDeliveryLog
{
    Task AppendAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryAttempt>> FailedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The stored body of the delivery (the structured CloudEvent as sent).</summary>
    Task<string?> BodyOfAsync(string deliveryId, CancellationToken cancellationToken);
}

/// <summary>Keys already processed, with a time to live. A store, not telemetry.</summary>
public interface IIdempotencyStore
{
    /// <summary>True when the key was not seen before and is now claimed.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);
}

/// <summary>An event that could not be delivered or handled, kept for the replay tool.</summary>
public sealed record DeadLetter(string EventId, string EventType, string Reason, string Detail, string Body, DateTimeOffset At);

/// <summary>The dead-letter table. A store, not telemetry.</summary>
public interface IDeadLetterStore
{
    Task PutAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> TakeAsync(int count, CancellationToken cancellationToken);
}

/// <summary>Signs and verifies webhook bodies: HMAC-SHA256 of "{timestamp}.{body}" with the subscription's secret, as "v1=hex".</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "v1=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
    }

    public static bool Verify(string secret, long timestamp, string body, string header) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(header));
}

/// <summary>
/// Thrown when an incoming webhook's signature does not verify. Its message names the header and the
/// reason ("Signature header 'X-Lab-Signature' did not match", "Timestamp outside tolerance"), never
/// the body.
/// </summary>
public sealed class SignatureVerificationException(string header, string reason)
    : Exception($"Signature header '{header}' rejected: {reason}")
{
    public string Header { get; } = header;
}

/// <summary>
/// Thrown by <see cref="WebhookSender"/> when the receiver answers with an error status. The message is
/// "Delivery {deliveryId} to {host} failed with {status}"; the receiver's reply is kept in
/// <see cref="ResponseBody"/>, not in the message.
/// </summary>
public sealed class WebhookDeliveryException(string deliveryId, string host, int statusCode, string? responseBody)
    : Exception($"Delivery {deliveryId} to {host} failed with {statusCode}")
{
    public int StatusCode { get; } = statusCode;

    public string? ResponseBody { get; } = responseBody;
}

/// <summary>An error of the schema validator. Prints "{InstanceLocation}: {Message}".</summary>
/// <remarks>
/// Messages as the validator writes them: <c>pattern</c> "'{value}' does not match '{pattern}'",
/// <c>format</c> "'{value}' is not a valid '{format}'", <c>enum</c> "'{value}' is not one of [..]" and
/// <c>const</c> quote the value; <c>required</c> "'{property}' is a required property", <c>type</c>
/// "expected {type}", <c>maxLength</c> "is longer than {n} characters" and
/// <c>additionalProperties</c> "'{property}' was unexpected" name the property only.
/// </remarks>
public sealed record SchemaError(string InstanceLocation, string Keyword, string Message)
{
    public override string ToString() => $"{InstanceLocation}: {Message}";
}

public sealed record SchemaResult(bool IsValid, IReadOnlyList<SchemaError> Errors);

/// <summary>Validates a payload against the event catalog's JSON schema for its type.</summary>
public interface ISchemaValidator
{
    SchemaResult Validate(string eventType, JsonElement data);
}

/// <summary>
/// Thrown by the catalog when a payload does not validate. Its message joins the errors
/// ("Payload of {type} is invalid: {error}; {error}"), so it quotes what they quote.
/// </summary>
public sealed class SchemaValidationException(string eventType, IReadOnlyList<SchemaError> errors)
    : Exception($"Payload of {eventType} is invalid: {string.Join("; ", errors)}")
{
    public string EventType { get; } = eventType;

    public IReadOnlyList<SchemaError> Errors { get; } = errors;
}

/// <summary>Backoff of the delivery retries: 30 s, 2 min, 10 min, 1 h, 6 h.</summary>
public static class RetrySchedule
{
    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    public static int MaxAttempts => Delays.Length + 1;

    public static TimeSpan? After(int attempt) => attempt <= Delays.Length ? Delays[attempt - 1] : null;
}

/// <summary>Incoming HTTP request as the webhook endpoints see it (a stand-in for HttpRequest).</summary>
public sealed class WebhookRequest
{
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public required string Body { get; init; }

    public string Path { get; init; } = "/";

    public string? RemoteIpAddress { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

public sealed record WebhookResponse(int StatusCode, string? Detail = null)
{
    public static WebhookResponse Accepted() => new(202);

    public static WebhookResponse Duplicate() => new(200, "duplicate");

    public static WebhookResponse Unauthorized() => new(401);

    public static WebhookResponse Invalid(string detail) => new(400, detail);
}

/// <summary>The secret keys the services are given: the telemetry shard key for HMAC buckets.</summary>
public sealed class IntegrationSecrets
{
    public required byte[] ShardKey { get; init; }
}
