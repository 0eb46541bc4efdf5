using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support.Firebase;

// Stand-ins shaped like the Firebase Admin SDK's messaging API. Only the shapes matter.

public sealed class Notification
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? ImageUrl { get; init; }
}

public sealed class AndroidConfig
{
    public string? CollapseKey { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    public string Priority { get; init; } = "normal";
}

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
    ThirdPartyAuthError,
    InvalidArgument,
    Internal,
    QuotaExceeded,
    SenderIdMismatch,
    Unavailable,
    Unregistered,
}

public sealed class FirebaseMessagingException(string message, MessagingErrorCode? errorCode) : Exception(message)
{
    public MessagingErrorCode? MessagingErrorCode { get; } = errorCode;
}

public sealed class SendResponse
{
    public bool IsSuccess => Exception is null;

    public string? MessageId { get; init; }

    public FirebaseMessagingException? Exception { get; init; }
}

public sealed class BatchResponse
{
    public required IReadOnlyList<SendResponse> Responses { get; init; }

    public int SuccessCount { get; init; }

    public int FailureCount { get; init; }
}

public sealed class FirebaseMessaging
{
    public static FirebaseMessaging DefaultInstance { get; } = new();

    public Task<string> SendAsync(Message message, CancellationToken cancellationToken = default) =>
        Task.FromResult("projects/app/messages/0:1");

    public Task<BatchResponse> SendEachForMulticastAsync(MulticastMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(new BatchResponse { Responses = Array.Empty<SendResponse>() });

    public Task<TopicManagementResponse> SubscribeToTopicAsync(IReadOnlyList<string> registrationTokens, string topic) =>
        Task.FromResult(new TopicManagementResponse());
}

public sealed class TopicManagementResponse
{
    public int SuccessCount { get; init; }

    public int FailureCount { get; init; }

    public IReadOnlyList<ErrorInfo> Errors { get; init; } = Array.Empty<ErrorInfo>();
}

public sealed class ErrorInfo
{
    public int Index { get; init; }

    public string Reason { get; init; } = "";
}
