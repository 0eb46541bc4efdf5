using System;
using System.Collections.Generic;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout32.Support.Notifications;

// Stand-ins for the SMS, email and push providers the booking services send confirmations and
// reminders through. Sending is not telemetry; what the services log about it is.

public sealed record SmsMessage(string To, string From, string Body);

public sealed record SmsReceipt(string Sid, string Status, int Segments);

public interface ISmsClient
{
    Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The SMS provider's API error. Like Twilio's, its message quotes the 'To' number for the
/// recipient errors (21211 "The 'To' number +44… is not a valid phone number", 21614, 21610).
/// </summary>
public sealed class SmsApiException(int code, string message, string moreInfo) : Exception(message)
{
    public int Code { get; } = code;

    public string MoreInfo { get; } = moreInfo;
}

public interface IEmailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

public sealed record PushNotification(string DeviceToken, string Title, string Body, IReadOnlyDictionary<string, string> Data);

public interface IPushClient
{
    Task<string> SendAsync(PushNotification notification, CancellationToken cancellationToken);
}
