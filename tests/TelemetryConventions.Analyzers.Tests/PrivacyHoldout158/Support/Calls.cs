namespace Helplines.Calls;

// Telephony and text platform of a helpline: callers, calls, queues and counsellors.

/// <summary>A caller known to the line. Prints caller id, number, first name, email and postcode.</summary>
public sealed record Caller(Guid CallerId, string CallerNumber, string FirstName, string? Email, string Postcode);

/// <summary>A call in progress. Prints call id, line, the caller's number, the counsellor's staff id, start and risk level.</summary>
public sealed record CrisisCall(string CallId, string LineCode, string CallerNumber, string CounsellorStaffId, DateTimeOffset StartedAt, string RiskLevel);

/// <summary>A finished call's summary. Prints call id, line, duration and outcome code.</summary>
public sealed record CallSummary(string CallId, string LineCode, TimeSpan Duration, string Outcome);

/// <summary>A counsellor on shift. Prints staff id, name and line.</summary>
public sealed record CounsellorShift(string StaffId, string Name, string LineCode);

/// <summary>A line's queue. Prints line, callers waiting, counsellors online and the longest wait.</summary>
public sealed record LineStatus(string LineCode, int Waiting, int CounsellorsOnline, TimeSpan LongestWait);

/// <summary>A text conversation message. Prints conversation id, the texter's number, the body and when.</summary>
public sealed record InboundText(string ConversationId, string FromNumber, string Body, DateTimeOffset ReceivedAt);

/// <summary>A booked call-back. Prints call-back id, line, the number to ring and the slot.</summary>
public sealed record Callback(string CallbackId, string LineCode, string Number, DateTimeOffset Slot);

/// <summary>The telephony platform and SMS gateway; not telemetry.</summary>
public interface ICallPlatform
{
    Task<LineStatus> StatusAsync(string lineCode, CancellationToken cancellationToken = default);

    Task<string> ConnectAsync(string callerNumber, string staffId, CancellationToken cancellationToken = default);

    Task<string> TextAsync(string number, string body, CancellationToken cancellationToken = default);

    Task<Caller?> FindCallerAsync(string callerNumber, CancellationToken cancellationToken = default);
}

/// <summary>No such caller; quotes the number.</summary>
public sealed class CallerNotFoundException(string callerNumber) : Exception($"No caller record for {callerNumber}");

/// <summary>The line is busy; quotes the line and callers waiting.</summary>
public sealed class LineBusyException(string lineCode, int waiting) : Exception($"Line {lineCode} busy, {waiting} waiting")
{
    public string LineCode { get; } = lineCode;
}

/// <summary>The SMS gateway refused a text; quotes the recipient.</summary>
public sealed class TextRejectedException(string recipient, int code) : Exception($"Text to {recipient} rejected with code {code}")
{
    public int Code { get; } = code;
}

/// <summary>The gateway timed out; quotes the gateway and the wait.</summary>
public sealed class GatewayTimeoutException(string gateway, TimeSpan waited) : Exception($"Gateway {gateway} timed out after {waited.TotalSeconds:0}s");
