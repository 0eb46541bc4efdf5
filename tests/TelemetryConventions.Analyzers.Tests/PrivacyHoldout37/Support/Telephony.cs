using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout37.Support.Telephony;

// Stand-ins for a voice and messaging provider (Twilio-like webhooks, TwiML and REST resources), so
// that the corpus compiles without the SDK. Only the shapes matter.

/// <summary>The form a voice webhook posts (incoming call, gather, status and recording callbacks).</summary>
public sealed class VoiceWebhookForm
{
    public string CallSid { get; init; } = string.Empty;

    public string AccountSid { get; init; } = string.Empty;

    /// <summary>The calling party in E.164 (or "anonymous" when withheld).</summary>
    public string From { get; init; } = string.Empty;

    /// <summary>The called party in E.164.</summary>
    public string To { get; init; } = string.Empty;

    /// <summary>Same as <see cref="From"/>.</summary>
    public string Caller { get; init; } = string.Empty;

    /// <summary>Same as <see cref="To"/>.</summary>
    public string Called { get; init; } = string.Empty;

    public string CallStatus { get; init; } = string.Empty;

    public string Direction { get; init; } = "inbound";

    public string? ParentCallSid { get; init; }

    /// <summary>DTMF digits collected by the last &lt;Gather&gt;.</summary>
    public string? Digits { get; init; }

    /// <summary>What the speech recogniser heard during the last &lt;Gather input="speech"&gt;.</summary>
    public string? SpeechResult { get; init; }

    public double? Confidence { get; init; }

    public string? FromCountry { get; init; }

    public string? FromCity { get; init; }

    /// <summary>STIR/SHAKEN verification status, e.g. "TN-Validation-Passed-A".</summary>
    public string? StirVerstat { get; init; }

    /// <summary>CNAM caller name when the account has caller name lookup on.</summary>
    public string? CallerName { get; init; }

    public string? RecordingSid { get; init; }

    public string? RecordingUrl { get; init; }

    public int? RecordingDuration { get; init; }

    public string? RecordingStatus { get; init; }

    public int? CallDuration { get; init; }

    public int? QueueTime { get; init; }

    public string? QueueResult { get; init; }

    /// <summary>The raw form body as received (url-encoded).</summary>
    public string RawBody { get; init; } = string.Empty;
}

/// <summary>The form a messaging webhook posts (inbound message and status callbacks).</summary>
public sealed class SmsWebhookForm
{
    public string MessageSid { get; init; } = string.Empty;

    public string From { get; init; } = string.Empty;

    public string To { get; init; } = string.Empty;

    public string Body { get; init; } = string.Empty;

    public int NumSegments { get; init; } = 1;

    public string MessageStatus { get; init; } = string.Empty;

    public int? ErrorCode { get; init; }

    public string RawBody { get; init; } = string.Empty;
}

/// <summary>The form the &lt;Pay&gt; verb posts when a card capture completes.</summary>
public sealed class PayCallbackForm
{
    public string CallSid { get; init; } = string.Empty;

    /// <summary>success, payment-connector-error, too-many-failed-attempts, caller-hung-up…</summary>
    public string Result { get; init; } = string.Empty;

    /// <summary>The card number as the provider returns it: masked to its last four digits (xxxx-xxxx-xxxx-4242).</summary>
    public string PaymentCardNumber { get; init; } = string.Empty;

    public string PaymentCardType { get; init; } = string.Empty;

    public string ExpirationDate { get; init; } = string.Empty;

    public string? PaymentConfirmationCode { get; init; }

    public string? PaymentError { get; init; }

    public string? ConnectorError { get; init; }
}

/// <summary>Builds TwiML. <see cref="ToString"/> returns the XML document.</summary>
public sealed class VoiceResponse
{
    private readonly List<string> _verbs = new();

    public VoiceResponse Say(string text, string voice = "Polly.Amy", string language = "en-GB")
    {
        _verbs.Add($"<Say voice=\"{voice}\" language=\"{language}\">{SecurityElement.Escape(text)}</Say>");
        return this;
    }

    public VoiceResponse Play(Uri url)
    {
        _verbs.Add($"<Play>{SecurityElement.Escape(url.ToString())}</Play>");
        return this;
    }

    public VoiceResponse Gather(string action, string input = "dtmf", int? numDigits = null, string? hints = null, string? prompt = null)
    {
        var inner = prompt is null ? string.Empty : $"<Say>{SecurityElement.Escape(prompt)}</Say>";
        var digits = numDigits is null ? string.Empty : $" numDigits=\"{numDigits.Value.ToString(CultureInfo.InvariantCulture)}\"";
        _verbs.Add($"<Gather action=\"{action}\" input=\"{input}\"{digits} hints=\"{hints}\">{inner}</Gather>");
        return this;
    }

    public VoiceResponse DialNumber(string number, string? callerId = null, bool record = false)
    {
        _verbs.Add($"<Dial callerId=\"{callerId}\" record=\"{(record ? "record-from-answer" : "do-not-record")}\"><Number>{number}</Number></Dial>");
        return this;
    }

    public VoiceResponse DialClient(string identity)
    {
        _verbs.Add($"<Dial><Client>{identity}</Client></Dial>");
        return this;
    }

    public VoiceResponse Enqueue(string queueName, string? workflowSid = null, string? taskAttributesJson = null)
    {
        _verbs.Add($"<Enqueue workflowSid=\"{workflowSid}\"><Task>{SecurityElement.Escape(taskAttributesJson ?? "{}")}</Task>{queueName}</Enqueue>");
        return this;
    }

    public VoiceResponse Record(string action, int maxLength = 120, bool transcribe = false)
    {
        _verbs.Add($"<Record action=\"{action}\" maxLength=\"{maxLength.ToString(CultureInfo.InvariantCulture)}\" transcribe=\"{(transcribe ? "true" : "false")}\"/>");
        return this;
    }

    public VoiceResponse Pay(string action, string chargeAmount, string currency = "gbp", string paymentConnector = "default")
    {
        _verbs.Add($"<Pay action=\"{action}\" chargeAmount=\"{chargeAmount}\" currency=\"{currency}\" paymentConnector=\"{paymentConnector}\"/>");
        return this;
    }

    public VoiceResponse Redirect(string url)
    {
        _verbs.Add($"<Redirect>{url}</Redirect>");
        return this;
    }

    public VoiceResponse Hangup()
    {
        _verbs.Add("<Hangup/>");
        return this;
    }

    public int VerbCount => _verbs.Count;

    public override string ToString() => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + string.Concat(_verbs) + "</Response>";
}

public sealed record CallResource(string Sid, string Status, string To, string From, string Direction, DateTimeOffset? StartTime);

public sealed record RecordingResource(string Sid, string CallSid, int DurationSeconds, string Channels, string Status, Uri MediaUrl);

public sealed record MessageResource(string Sid, string Status, string To, string From, int? ErrorCode, string? ErrorMessage, int NumSegments);

/// <summary>
/// The provider's REST error. Its message is the provider's text, which quotes the number for the
/// recipient errors, e.g. 21211 "The 'To' number +447700900123 is not a valid phone number." and
/// 21610 "Attempt to send to unsubscribed recipient +447700900123", and for the call errors 21215
/// "Account not authorized to call +447700900123." and 13224 "Dial: Invalid phone number +44770090012",
/// and the masking error 80103 "Participant +447700900123 is already in an active session".
/// </summary>
public sealed class ApiException(int code, int status, string message, string moreInfo) : Exception(message)
{
    public int Code { get; } = code;

    public int Status { get; } = status;

    public string MoreInfo { get; } = moreInfo;
}

public interface IVoiceApi
{
    Task<CallResource> CreateCallAsync(string to, string from, Uri twimlUrl, Uri? statusCallback, CancellationToken cancellationToken);

    Task UpdateCallAsync(string callSid, string twiml, CancellationToken cancellationToken);

    Task<RecordingResource> GetRecordingAsync(string recordingSid, CancellationToken cancellationToken);

    Task<Stream> DownloadRecordingAsync(string recordingSid, CancellationToken cancellationToken);

    Task DeleteRecordingAsync(string recordingSid, CancellationToken cancellationToken);

    /// <summary>Pauses or resumes the call's recording (for card capture).</summary>
    Task UpdateRecordingAsync(string callSid, string recordingSid, string status, CancellationToken cancellationToken);
}

public interface IMessagingApi
{
    Task<MessageResource> SendAsync(string to, string from, string body, Uri? statusCallback, CancellationToken cancellationToken);
}

public sealed record PhoneNumberLookup(string PhoneNumber, string CountryCode, string NationalFormat, string? LineType, string? CarrierName, string? CallerName, string? CallerType);

public interface ILookupApi
{
    Task<PhoneNumberLookup> LookupAsync(string phoneNumber, bool includeCallerName, CancellationToken cancellationToken);
}

public sealed record Verification(string Sid, string To, string Channel, string Status, bool Valid, DateTimeOffset DateCreated);

public interface IVerifyApi
{
    Task<Verification> StartAsync(string serviceSid, string to, string channel, CancellationToken cancellationToken);

    Task<Verification> CheckAsync(string serviceSid, string to, string code, CancellationToken cancellationToken);
}

public sealed record ProxySession(string Sid, string UniqueName, string Status, DateTimeOffset ExpiresAt);

/// <summary>A participant of a masked-number session: <see cref="Identifier"/> is the real number, <see cref="ProxyIdentifier"/> the pool number it is given.</summary>
public sealed record ProxyParticipant(string Sid, string Identifier, string ProxyIdentifier, string FriendlyName);

public interface IProxyApi
{
    Task<ProxySession> CreateSessionAsync(string uniqueName, TimeSpan ttl, CancellationToken cancellationToken);

    Task<ProxyParticipant> AddParticipantAsync(string sessionSid, string identifier, string friendlyName, CancellationToken cancellationToken);

    Task CloseSessionAsync(string sessionSid, CancellationToken cancellationToken);
}

/// <summary>Validates X-Twilio-Signature: an HMAC-SHA1 of the URL and the sorted form with the account's auth token.</summary>
public sealed class RequestValidator(string authToken)
{
    private readonly string _authToken = authToken;

    public bool Validate(string url, IReadOnlyDictionary<string, string> form, string signature)
    {
        var data = new StringBuilder(url);
        foreach (var pair in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(pair.Key).Append(pair.Value);
        }
        using var hmac = new System.Security.Cryptography.HMACSHA1(Encoding.UTF8.GetBytes(_authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString()))) == signature;
    }
}
