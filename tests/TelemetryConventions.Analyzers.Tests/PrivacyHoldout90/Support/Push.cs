namespace PushKit;

// FirebaseAdmin.Messaging, reduced to what the services call (FirebaseMessaging.DefaultInstance behind an interface).

/// <summary>The visible part of a push. A class: prints its type name.</summary>
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

    public Priority? Priority { get; init; }

    public TimeSpan? TimeToLive { get; init; }
}

public sealed class Aps
{
    public int? Badge { get; init; }

    public string? Sound { get; init; }

    public string? ThreadId { get; init; }
}

public sealed class ApnsConfig
{
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public Aps? Aps { get; init; }
}

/// <summary>A message to one token, one topic or a condition. A class: prints its type name.</summary>
public sealed class Message
{
    public string? Token { get; init; }

    public string? Topic { get; init; }

    public string? Condition { get; init; }

    public Notification? Notification { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public AndroidConfig? Android { get; init; }

    public ApnsConfig? Apns { get; init; }
}

public sealed class MulticastMessage
{
    public required IReadOnlyList<string> Tokens { get; init; }

    public Notification? Notification { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public AndroidConfig? Android { get; init; }

    public ApnsConfig? Apns { get; init; }
}

public enum MessagingErrorCode
{
    ThirdPartyAuthError,
    InvalidArgument,
    Internal,
    QuotaExceeded,
    SenderIdMismatch,
    Unavailable,
    Unregistered,
}

/// <summary>FCM's error: the message is the server's description of the request ("Requested entity was not found.").</summary>
public sealed class FirebaseMessagingException(MessagingErrorCode? code, string message) : Exception(message)
{
    public MessagingErrorCode? MessagingErrorCode { get; } = code;
}

public sealed class SendResponse
{
    public string? MessageId { get; init; }

    public FirebaseMessagingException? Exception { get; init; }

    public bool IsSuccess => MessageId is not null;
}

public sealed class BatchResponse
{
    public required IReadOnlyList<SendResponse> Responses { get; init; }

    public int SuccessCount => Responses.Count(r => r.IsSuccess);

    public int FailureCount => Responses.Count - SuccessCount;
}

public sealed class ErrorInfo
{
    public int Index { get; init; }

    public string Reason { get; init; } = string.Empty;
}

public sealed class TopicManagementResponse
{
    public int SuccessCount { get; init; }

    public int FailureCount { get; init; }

    public IReadOnlyList<ErrorInfo> Errors { get; init; } = Array.Empty<ErrorInfo>();
}

public interface IFirebaseMessaging
{
    Task<string> SendAsync(Message message, CancellationToken cancellationToken = default);

    Task<BatchResponse> SendEachAsync(IEnumerable<Message> messages, CancellationToken cancellationToken = default);

    Task<BatchResponse> SendEachForMulticastAsync(MulticastMessage message, CancellationToken cancellationToken = default);

    Task<TopicManagementResponse> SubscribeToTopicAsync(IReadOnlyList<string> registrationTokens, string topic);

    Task<TopicManagementResponse> UnsubscribeFromTopicAsync(IReadOnlyList<string> registrationTokens, string topic);
}

/// <summary>A device the app registered for pushes. Prints its members.</summary>
public sealed record DeviceRegistration(string InstallationId, string Token, string Platform, string AppVersion, string OwnerId, DateTimeOffset LastSeen);

public interface IDeviceRegistry
{
    Task<IReadOnlyList<DeviceRegistration>> ForOwnerAsync(string ownerId, CancellationToken cancellationToken = default);

    Task RemoveTokenAsync(string token, CancellationToken cancellationToken = default);
}
