namespace Settle.Disputes;

// A card dispute (chargeback) API in the shape of the payment providers' dispute objects.

/// <summary>A chargeback raised by the cardholder's bank. Its printed form carries the cardholder's name.</summary>
public sealed record Chargeback(
    string DisputeId,
    string PaymentId,
    string ReasonCode,
    string Network,
    decimal Amount,
    string Currency,
    string CardholderName,
    string CardLast4,
    DateTimeOffset EvidenceDueBy);

/// <summary>Evidence sent to the provider for a dispute: who the customer is and what they received.</summary>
public sealed record DisputeEvidence(string DisputeId)
{
    public string? CustomerName { get; init; }

    public string? CustomerEmail { get; init; }

    public string? CustomerIpAddress { get; init; }

    public string? BillingAddress { get; init; }

    public string? ShippingAddress { get; init; }

    public string? ShippingTrackingNumber { get; init; }

    public string? AccessActivityLog { get; init; }

    public string? UncategorizedText { get; init; }

    public DateOnly? ServiceDate { get; init; }

    public IReadOnlyList<string> FileIds { get; init; } = [];
}

public sealed record EvidenceSubmission(string DisputeId, int FileCount, bool Submitted, DateTimeOffset SubmittedAt);

/// <summary>A dispute webhook as received: the raw body echoes the dispute with its cardholder.</summary>
public sealed record DisputeWebhook(string EventId, string Type, string DisputeId, string PaymentId, string Status, string RawBody);

public interface IDisputeClient
{
    Task<Chargeback> GetAsync(string disputeId, CancellationToken cancellationToken);

    Task<EvidenceSubmission> SubmitEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken);

    Task AcceptAsync(string disputeId, CancellationToken cancellationToken);
}

public sealed class EvidenceDeadlinePassedException(string disputeId, DateTimeOffset dueBy)
    : Exception($"Evidence for dispute {disputeId} was due by {dueBy:O}.")
{
    public string DisputeId { get; } = disputeId;
}

public sealed class DisputeApiException(string code, int statusCode)
    : Exception($"Dispute API returned {statusCode}: {code}.")
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}
