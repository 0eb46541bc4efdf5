using System;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support.Twilio;

// Stand-ins shaped like the Twilio client's message resource. Only the shapes matter.

public sealed class PhoneNumber(string number)
{
    public override string ToString() => number;

    public static implicit operator PhoneNumber(string number) => new(number);
}

public interface ITwilioRestClient
{
    string AccountSid { get; }
}

public sealed class MessageResource
{
    public sealed class StatusEnum
    {
        private readonly string _value;

        private StatusEnum(string value) => _value = value;

        public static readonly StatusEnum Queued = new("queued");
        public static readonly StatusEnum Sent = new("sent");
        public static readonly StatusEnum Delivered = new("delivered");
        public static readonly StatusEnum Undelivered = new("undelivered");
        public static readonly StatusEnum Failed = new("failed");

        public override string ToString() => _value;
    }

    public string Sid { get; init; } = "";

    public string AccountSid { get; init; } = "";

    public string? MessagingServiceSid { get; init; }

    public string To { get; init; } = "";

    public PhoneNumber From { get; init; } = new("");

    public string Body { get; init; } = "";

    public StatusEnum Status { get; init; } = StatusEnum.Queued;

    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string NumSegments { get; init; } = "1";

    public string? Price { get; init; }

    public DateTime? DateSent { get; init; }

    public static Task<MessageResource> CreateAsync(
        PhoneNumber to,
        PhoneNumber? from = null,
        string? body = null,
        string? messagingServiceSid = null,
        Uri? statusCallback = null,
        ITwilioRestClient? client = null) =>
        Task.FromResult(new MessageResource { To = to.ToString(), From = from ?? new PhoneNumber(""), Body = body ?? "" });

    public static Task<MessageResource> FetchAsync(string pathSid, ITwilioRestClient? client = null) =>
        Task.FromResult(new MessageResource { Sid = pathSid });
}

/// <summary>The error the REST client throws; for error 21211 its message quotes the 'To' number.</summary>
public sealed class ApiException(int code, int status, string message, string moreInfo) : Exception(message)
{
    public int Code { get; } = code;

    public int Status { get; } = status;

    public string MoreInfo { get; } = moreInfo;
}
