using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout36.Support;

// Stand-ins for the fraud and abuse tooling the services use (a Redis-backed velocity store, a
// device fingerprinting service, a captcha verifier, block lists, a review queue). Only the shapes
// matter.

/// <summary>Sliding-window counters, as a Redis <c>INCR</c> + <c>EXPIRE</c> or <c>PFADD</c> + <c>PFCOUNT</c> wrapper.</summary>
public interface IVelocityStore
{
    /// <summary>Adds one to the counter at <paramref name="key"/> and returns the count inside the window.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="member"/> to the set at <paramref name="key"/> and returns the number of distinct members.</summary>
    Task<long> AddDistinctAsync(string key, string member, TimeSpan window, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> MembersAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>The result of a browser or app fingerprint lookup (a FingerprintJS-style identification).</summary>
public sealed record FingerprintResult(
    string RequestId,
    string VisitorId,
    double Confidence,
    string BrowserName,
    string Os,
    bool Incognito,
    double BotProbability,
    DateTimeOffset FirstSeenAt,
    int AccountsSeen);

public interface IDeviceFingerprintClient
{
    Task<FingerprintResult> IdentifyAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>The verification answer of a captcha provider (reCAPTCHA / Turnstile shaped).</summary>
public sealed record CaptchaResult(bool Success, double Score, string Action, string Hostname, IReadOnlyList<string> ErrorCodes);

public interface ICaptchaVerifier
{
    Task<CaptchaResult> VerifyAsync(string responseToken, string? remoteIp, CancellationToken cancellationToken = default);
}

/// <summary>An entry of a block or allow list that matched a value.</summary>
public sealed record ListEntry(string EntryId, string ListName, string Kind, string Value, string AddedBy, string Reason, DateTimeOffset AddedAt);

public interface IListStore
{
    Task<ListEntry?> MatchAsync(string listName, string kind, string value, CancellationToken cancellationToken = default);

    Task AddAsync(ListEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>An item put in a manual review queue (a case management tool's API).</summary>
public sealed record ReviewItem(string Queue, string SubjectKey, string Summary, double Score, IReadOnlyDictionary<string, string> Evidence);

public sealed record ReviewCase(string CaseId, string Queue, string SubjectKey, string State, string? AssignedTo, string? AnalystNote, DateTimeOffset OpenedAt);

public interface IReviewQueue
{
    Task<string> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken = default);

    Task<ReviewCase?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    Task CloseAsync(string caseId, string resolution, CancellationToken cancellationToken = default);
}

/// <summary>What the edge tells the service about an incoming request.</summary>
public sealed class IncomingRequest
{
    public string Path { get; init; } = "/";

    public string Method { get; init; } = "GET";

    public IPAddress RemoteIpAddress { get; init; } = IPAddress.Loopback;

    public string UserAgent { get; init; } = string.Empty;

    public string? Ja3Fingerprint { get; init; }

    public string Country { get; init; } = "GB";

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A dispute notification of the payment provider (Stripe / Adyen shaped).</summary>
public sealed record DisputeNotification(
    string DisputeId,
    string ChargeId,
    string Reason,
    string NetworkReasonCode,
    long Amount,
    string Currency,
    string CardFingerprint,
    string CardLast4,
    string CardBrand,
    string ProviderCustomerId,
    string? BillingEmail,
    DateTimeOffset EvidenceDueBy);

public interface IDisputeEvidenceClient
{
    Task SubmitAsync(string disputeId, IReadOnlyDictionary<string, string> evidence, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by the evidence client; the provider's message names the dispute and the field.</summary>
public sealed class EvidenceRejectedException(string disputeId, string field)
    : Exception($"Evidence for dispute {disputeId} was rejected: field '{field}' is not accepted after submission.")
{
    public string DisputeId { get; } = disputeId;

    public string Field { get; } = field;
}

/// <summary>Filed suspicious-activity reports go to the compliance system through this client.</summary>
public interface IComplianceFilingClient
{
    Task<string> FileAsync(string reportType, string narrative, IReadOnlyDictionary<string, string> subject, CancellationToken cancellationToken = default);
}

/// <summary>The scoring model host (an ONNX or remote model endpoint).</summary>
public interface IScoringModel
{
    string Version { get; }

    Task<double> ScoreAsync(IReadOnlyDictionary<string, double> features, CancellationToken cancellationToken = default);
}

/// <summary>Raised when the scoring model cannot be reached; the message is the client's fixed text.</summary>
public sealed class ScoringUnavailableException() : Exception("The scoring model endpoint did not answer within its deadline.");
