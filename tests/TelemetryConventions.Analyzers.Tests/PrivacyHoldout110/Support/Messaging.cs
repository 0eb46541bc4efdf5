// Stand-ins in the shape of Twilio's REST client (messages and its ApiException) and of the mail
// and push senders the services use for confirmations and reminders.
namespace Twilio.Exceptions
{
    /// <summary>Twilio's error: <c>The 'To' number +447700900123 is not a valid phone number.</c> for code 21211.</summary>
    public sealed class ApiException(int code, int status, string message, string? moreInfo = null) : Exception(message)
    {
        public int Code { get; } = code;

        public int Status { get; } = status;

        public string? MoreInfo { get; } = moreInfo;
    }
}

namespace Twilio.Rest.Api.V2010.Account
{
    public sealed class MessageResource
    {
        public string Sid { get; init; } = "SM" + Guid.NewGuid().ToString("N");

        public string? To { get; init; }

        public string? From { get; init; }

        public string? Body { get; init; }

        public string Status { get; init; } = "queued";

        public int? ErrorCode { get; init; }

        public static Task<MessageResource> CreateAsync(string to, string from, string body, Uri? statusCallback = null) =>
            Task.FromResult(new MessageResource { To = to, From = from, Body = body });
    }
}

namespace PrivacyHoldout110.Support
{
    public interface IMailSender
    {
        Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
    }

    public sealed record PushNotification(string DeviceToken, string Title, string Body, IReadOnlyDictionary<string, string> Data);

    public interface IPushSender
    {
        Task<string> SendAsync(PushNotification notification, CancellationToken cancellationToken = default);
    }

    /// <summary>A delivery receipt posted back by the SMS provider's status callback.</summary>
    public sealed record SmsStatusCallback(string MessageSid, string MessageStatus, string To, int? ErrorCode);

    /// <summary>An inbound SMS (a reply to a reminder) posted by the provider's webhook.</summary>
    public sealed record InboundSms(string MessageSid, string From, string Body);

    public sealed class MessagingOptions
    {
        public string SenderNumber { get; init; } = "+447700900000";

        public string SenderId { get; init; } = "BOOKINGS";

        public string FromAddress { get; init; } = "bookings@example.org";

        public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(48);
    }
}
