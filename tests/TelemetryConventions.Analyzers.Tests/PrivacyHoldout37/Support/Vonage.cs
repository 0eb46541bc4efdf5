using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout37.Support.Vonage;

// Stand-ins for a second SMS and voice provider (Vonage-like JSON webhooks and SMS API).

/// <summary>An inbound SMS: <see cref="Msisdn"/> is the sender's number, <see cref="To"/> the virtual number it was sent to.</summary>
public sealed record InboundSms(string Msisdn, string To, string MessageId, string Text, string Type, string? Keyword, DateTimeOffset MessageTimestamp);

/// <summary>A delivery receipt: <see cref="Msisdn"/> is the recipient's number.</summary>
public sealed record DeliveryReceipt(string Msisdn, string To, string NetworkCode, string MessageId, string Status, string ErrCode, decimal Price, DateTimeOffset ScTs);

public sealed record SmsRequest(string To, string From, string Text, string? ClientRef = null);

/// <summary>One part of a send: <see cref="Status"/> "0" is success; <see cref="ErrorText"/> is the provider's fixed text for the status ("Throttled", "Invalid Message", "Partner quota violation").</summary>
public sealed record SmsResponseMessage(string To, string MessageId, string Status, string? ErrorText, string? Network, string? ClientRef);

public sealed record SmsResponse(int MessageCount, IReadOnlyList<SmsResponseMessage> Messages);

public interface ISmsClient
{
    Task<SmsResponse> SendAsync(SmsRequest request, CancellationToken cancellationToken);
}

/// <summary>A voice event webhook: <see cref="From"/> and <see cref="To"/> are the two ends of the leg.</summary>
public sealed record VoiceEvent(string Uuid, string ConversationUuid, string From, string To, string Status, string Direction, int? Duration, DateTimeOffset Timestamp);

/// <summary>The DTMF or speech input event of an NCCO input action.</summary>
public sealed record InputEvent(string Uuid, string ConversationUuid, string From, string To, DtmfInput? Dtmf, SpeechInput? Speech);

public sealed record DtmfInput(string Digits, bool TimedOut);

public sealed record SpeechInput(IReadOnlyList<SpeechCandidate> Results, string? TimeoutReason);

public sealed record SpeechCandidate(string Text, double Confidence);
