namespace GatewayKit.Sms;

// An SMS and MMS gateway client in the shape of Twilio's: the inbound webhook's form, status callbacks,
// MessagingResponse (TwiML) replies, advanced opt-out keywords and the REST client's ApiException.

/// <summary>One MMS media item: Twilio's <c>MediaUrl{n}</c> and <c>MediaContentType{n}</c>.</summary>
public sealed record MmsMedia(string Url, string ContentType)
{
    /// <summary>The media's sid, the last segment of its URL (<c>ME…</c>).</summary>
    public string Sid => Url[(Url.LastIndexOf('/') + 1)..];
}

/// <summary>
/// An inbound SMS or MMS as Twilio posts it: <c>MessageSid</c>, <c>From</c> (the sender's number), <c>To</c>
/// (the organisation's number or short code), <c>Body</c>, <c>NumMedia</c> and the media, <c>FromCountry</c>.
/// A class without <c>ToString</c>.
/// </summary>
public sealed class InboundSms
{
    public required string MessageSid { get; init; }

    public required string AccountSid { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public string Body { get; init; } = "";

    public int NumMedia => Media.Count;

    public IReadOnlyList<MmsMedia> Media { get; init; } = [];

    public string? FromCountry { get; init; }

    public string? FromCity { get; init; }

    /// <summary>Set by advanced opt-out: <c>STOP</c>, <c>START</c> or <c>HELP</c> when the body matched one of the account's keywords.</summary>
    public string? OptOutType { get; init; }

    /// <summary>The form as posted, for signature validation.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();
}

/// <summary>A status callback for an outbound message. A record: prints its members.</summary>
public sealed record SmsStatusCallback(string MessageSid, string MessageStatus, string To, string From, int? ErrorCode);

/// <summary>The keywords the gateway answers itself (CTIA's and the carriers' list).</summary>
public static class StandardKeywords
{
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };

    public static readonly IReadOnlySet<string> OptIn = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static readonly IReadOnlySet<string> Help = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    /// <summary>The first word of a body, upper-cased, when it is one of the standard keywords; otherwise null.</summary>
    public static string? Match(string body)
    {
        var first = body.Trim().Split(' ', 2)[0].ToUpperInvariant();
        return OptOut.Contains(first) || OptIn.Contains(first) || Help.Contains(first) ? first : null;
    }
}

/// <summary>TwiML's MessagingResponse: the reply returned to the webhook (not telemetry).</summary>
public sealed class MessagingResponse
{
    private readonly List<string> _messages = [];

    public MessagingResponse Message(string body)
    {
        _messages.Add(body);
        return this;
    }

    public override string ToString() => "<Response>" + string.Concat(_messages.Select(m => $"<Message>{m}</Message>")) + "</Response>";
}

/// <summary>An outbound message resource as the REST client returns it. A class without <c>ToString</c>.</summary>
public sealed class MessageResource
{
    public required string Sid { get; init; }

    public required string To { get; init; }

    public string Status { get; init; } = "queued";

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public int NumSegments { get; init; } = 1;
}

/// <summary>The REST client: sending is not telemetry.</summary>
public interface ISmsClient
{
    Task<MessageResource> SendAsync(string to, string from, string body, IReadOnlyList<Uri>? mediaUrls = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads an MMS media item (not telemetry).</summary>
    Task<byte[]> DownloadMediaAsync(MmsMedia media, CancellationToken cancellationToken = default);
}

/// <summary>
/// Twilio's ApiException: a code, a status and a message. For the recipient errors the message quotes the
/// number (21211 <c>The 'To' number +44… is not a valid phone number.</c>, 21610 <c>Attempt to send to
/// unsubscribed recipient</c> with it, 21614).
/// </summary>
public sealed class SmsApiException(int code, int status, string message) : Exception(message)
{
    public int Code { get; } = code;

    public int Status { get; } = status;

    public string MoreInfo => $"https://www.twilio.com/docs/errors/{Code}";
}

/// <summary>Validates <c>X-Twilio-Signature</c>, an HMAC-SHA1 of the URL and form with the account's auth token.</summary>
public interface IRequestValidator
{
    bool Validate(string url, IReadOnlyDictionary<string, string> form, string signature);
}

/// <summary>The media the gateway refused: names the media sid, its content type and size, never the sender.</summary>
public sealed class MediaRejectedException(string mediaSid, string contentType, long bytes)
    : Exception($"Media {mediaSid} ({contentType}, {bytes} bytes) was refused")
{
    public string ContentType { get; } = contentType;
}
