// Stand-ins for Azure Notification Hubs and the Firebase Admin messaging client.

namespace Microsoft.Azure.NotificationHubs
{
    public enum NotificationPlatform
    {
        Wns,
        Apns,
        Mpns,
        Fcm,
        Adm,
        Baidu,
        FcmV1,
    }

    /// <summary>An app installation: the id the app generated at install, the push service's channel (the device token) and tags.</summary>
    public sealed class Installation
    {
        public string InstallationId { get; set; } = string.Empty;

        public string? UserId { get; set; }

        public NotificationPlatform Platform { get; set; }

        public string PushChannel { get; set; } = string.Empty;

        public bool PushChannelExpired { get; set; }

        public IList<string> Tags { get; set; } = new List<string>();

        public IDictionary<string, InstallationTemplate> Templates { get; set; } = new Dictionary<string, InstallationTemplate>();

        public DateTime? ExpirationTime { get; set; }
    }

    public sealed class InstallationTemplate
    {
        public string Body { get; set; } = string.Empty;

        public IList<string> Tags { get; set; } = new List<string>();
    }

    public enum NotificationOutcomeState
    {
        Enqueued,
        Processing,
        Completed,
        Abandoned,
        Unknown,
    }

    public sealed class NotificationOutcome
    {
        public string? NotificationId { get; init; }

        public string? TrackingId { get; init; }

        public NotificationOutcomeState State { get; init; }

        public long Success { get; init; }

        public long Failure { get; init; }
    }

    /// <summary>Raised by the client; its message gives the HTTP status, the hub's tracking id and a timestamp.</summary>
    public class MessagingException : Exception
    {
        public MessagingException(string message, bool isTransient)
            : base(message) => IsTransient = isTransient;

        public bool IsTransient { get; }
    }

    public interface INotificationHubClient
    {
        Task CreateOrUpdateInstallationAsync(Installation installation, CancellationToken cancellationToken = default);

        Task<bool> InstallationExistsAsync(string installationId, CancellationToken cancellationToken = default);

        Task DeleteInstallationAsync(string installationId, CancellationToken cancellationToken = default);

        Task<NotificationOutcome> SendTemplateNotificationAsync(IDictionary<string, string> properties, string tagExpression, CancellationToken cancellationToken = default);
    }
}

namespace FirebaseAdmin.Messaging
{
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

    public sealed class Notification
    {
        public string? Title { get; init; }

        public string? Body { get; init; }
    }

    public sealed class Message
    {
        public string? Token { get; init; }

        public string? Topic { get; init; }

        public string? Condition { get; init; }

        public Notification? Notification { get; init; }

        public IReadOnlyDictionary<string, string>? Data { get; init; }
    }

    /// <summary>Raised by the FCM client; its message describes the request's failure.</summary>
    public sealed class FirebaseMessagingException : Exception
    {
        public FirebaseMessagingException(string message, MessagingErrorCode? code)
            : base(message) => MessagingErrorCode = code;

        public MessagingErrorCode? MessagingErrorCode { get; }
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

        public IReadOnlyList<ErrorInfo> Errors { get; init; } = [];
    }

    public interface IFirebaseMessaging
    {
        Task<string> SendAsync(Message message, CancellationToken cancellationToken = default);

        Task<TopicManagementResponse> SubscribeToTopicAsync(IReadOnlyList<string> registrationTokens, string topic);

        Task<TopicManagementResponse> UnsubscribeFromTopicAsync(IReadOnlyList<string> registrationTokens, string topic);
    }
}
