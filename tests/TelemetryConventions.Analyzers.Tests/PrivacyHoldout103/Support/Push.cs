namespace PushKit;

// Push stand-ins in the shape of FirebaseAdmin.Messaging (FCM HTTP v1) and an HTTP/2 APNs client,
// reduced to what the services use.

public sealed class Notification
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? ImageUrl { get; init; }
}

public enum Priority
{
    Normal,
    High,
}

public sealed class AndroidConfig
{
    public string? CollapseKey { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    public Priority Priority { get; init; }
}

/// <summary>An FCM message for one registration token, a topic or a condition. A class without <c>ToString</c>.</summary>
public sealed class Message
{
    public string? Token { get; init; }

    public string? Topic { get; init; }

    public string? Condition { get; init; }

    public Notification? Notification { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public AndroidConfig? Android { get; init; }
}

public sealed class MulticastMessage
{
    public required IReadOnlyList<string> Tokens { get; init; }

    public Notification? Notification { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }
}

public enum MessagingErrorCode
{
    Internal,
    InvalidArgument,
    QuotaExceeded,
    SenderIdMismatch,
    ThirdPartyAuthError,
    Unavailable,
    Unregistered,
}

/// <summary>FCM's error: the message is the service's description of the request's failure.</summary>
public sealed class FirebaseMessagingException(MessagingErrorCode? code, string message) : Exception(message)
{
    public MessagingErrorCode? MessagingErrorCode { get; } = code;

    public int HttpStatus { get; init; }
}

public sealed class SendResponse
{
    public string? MessageId { get; init; }

    public bool IsSuccess => Exception is null;

    public FirebaseMessagingException? Exception { get; init; }
}

public sealed class BatchResponse
{
    public required IReadOnlyList<SendResponse> Responses { get; init; }

    public int SuccessCount => Responses.Count(r => r.IsSuccess);

    public int FailureCount => Responses.Count(r => !r.IsSuccess);
}

public interface IFirebaseMessaging
{
    /// <summary>Returns the message name, <c>projects/{project}/messages/{id}</c>.</summary>
    Task<string> SendAsync(Message message, CancellationToken cancellationToken = default);

    Task<BatchResponse> SendEachForMulticastAsync(MulticastMessage message, CancellationToken cancellationToken = default);
}

public enum ApnsPushType
{
    Alert,
    Background,
    Voip,
}

/// <summary>A notification for APNs' <c>/3/device/{token}</c>.</summary>
public sealed class ApnsNotification
{
    public required string DeviceToken { get; init; }

    public Guid ApnsId { get; init; } = Guid.NewGuid();

    public required string Topic { get; init; }

    public ApnsPushType PushType { get; init; } = ApnsPushType.Alert;

    public required string PayloadJson { get; init; }

    public string? CollapseId { get; init; }

    public DateTimeOffset? Expiration { get; init; }
}

/// <summary>APNs' answer: the status, the <c>apns-id</c>, the reason (<c>BadDeviceToken</c>, <c>Unregistered</c>, …) and, for 410, when the token stopped being valid.</summary>
public sealed class ApnsResponse
{
    public int StatusCode { get; init; }

    public string? ApnsId { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public bool IsSuccess => StatusCode == 200;
}

public interface IApnsClient
{
    Task<ApnsResponse> SendAsync(ApnsNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>The receipt the app posts back when a push arrives or is opened.</summary>
public sealed record DeliveryReceipt(string MessageId, string InstallationId, string Platform, DateTimeOffset DeliveredAt, bool Opened, string? Action);
