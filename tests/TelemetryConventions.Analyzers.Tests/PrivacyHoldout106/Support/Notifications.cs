namespace GatewayKit.Notifications;

// Bounce, complaint and delivery notifications in the shapes of Amazon SES (through an SNS topic) and
// SendGrid's Event Webhook.

/// <summary>An SNS HTTP(S) delivery: the envelope around a notification. A record: prints its members.</summary>
public sealed record SnsMessage(string Type, string MessageId, string TopicArn, string Message, string Timestamp, string SignatureVersion, string Signature, string SigningCertUrl)
{
    /// <summary>On a <c>SubscriptionConfirmation</c>: the URL that confirms the topic's subscription.</summary>
    public string? SubscribeUrl { get; init; }
}

/// <summary>One recipient of a bounce: the address, the action, the DSN status and the remote server's reply.</summary>
public sealed record BouncedRecipient(string EmailAddress, string? Action, string? Status, string? DiagnosticCode);

/// <summary>SES' bounce object: type (<c>Permanent</c>, <c>Transient</c>, <c>Undetermined</c>), subtype, recipients, feedback id.</summary>
public sealed record SesBounce(string BounceType, string BounceSubType, IReadOnlyList<BouncedRecipient> BouncedRecipients, string FeedbackId, DateTimeOffset Timestamp)
{
    public string? ReportingMta { get; init; }

    public string? RemoteMtaIp { get; init; }
}

public sealed record ComplainedRecipient(string EmailAddress);

/// <summary>SES' complaint object: recipients, the feedback loop's user agent (<c>Yahoo!-Mail-Feedback/2.0</c>), its type (<c>abuse</c>) and id.</summary>
public sealed record SesComplaint(IReadOnlyList<ComplainedRecipient> ComplainedRecipients, string FeedbackId, string? UserAgent, string? ComplaintFeedbackType, DateTimeOffset Timestamp);

/// <summary>The original message's headers SES copies (<c>from</c>, <c>to</c>, <c>subject</c>).</summary>
public sealed record CommonHeaders(IReadOnlyList<string> From, IReadOnlyList<string> To, string Subject);

/// <summary>SES' mail object: the original message's id, source (the sending address), destination and common headers.</summary>
public sealed record SesMail(string MessageId, string Source, IReadOnlyList<string> Destination, DateTimeOffset Timestamp, CommonHeaders CommonHeaders)
{
    /// <summary>Message tags set at send time (<c>template</c>, <c>campaign</c>, …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>An SES notification: <c>Bounce</c>, <c>Complaint</c> or <c>Delivery</c>.</summary>
public sealed record SesNotification(string NotificationType, SesMail Mail)
{
    public SesBounce? Bounce { get; init; }

    public SesComplaint? Complaint { get; init; }
}

/// <summary>
/// One event of SendGrid's Event Webhook (<c>processed</c>, <c>delivered</c>, <c>bounce</c>, <c>dropped</c>,
/// <c>spamreport</c>, <c>unsubscribe</c>, <c>open</c>, <c>click</c>). A record: prints its members.
/// </summary>
public sealed record MailEvent(string Email, long Timestamp, string Event, string SgEventId, string SgMessageId)
{
    /// <summary>On bounces and drops: the receiving server's reply or SendGrid's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>On bounces: the SMTP status (<c>5.1.1</c>).</summary>
    public string? Status { get; init; }

    /// <summary>On bounces: <c>bounce</c> or <c>blocked</c>.</summary>
    public string? Type { get; init; }

    public string? Url { get; init; }

    public string? Ip { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Custom arguments set at send time.</summary>
    public IReadOnlyDictionary<string, string> UniqueArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Category { get; init; } = [];
}

/// <summary>Verifies SNS and Event Webhook signatures.</summary>
public interface IWebhookVerifier
{
    bool Verify(SnsMessage message);

    bool Verify(string payload, string signature, string timestamp);
}

/// <summary>The verifier's refusal: names the header or the certificate host, never the payload.</summary>
public sealed class WebhookSignatureException(string reason) : Exception($"Webhook signature rejected: {reason}");
