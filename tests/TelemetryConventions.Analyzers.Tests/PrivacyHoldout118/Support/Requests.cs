namespace DsrKit;

// The shape of a data-subject request workflow as privacy platforms expose it (request, verification,
// tracker, requester mailer), written for the services of this corpus.

public enum RequestType
{
    Access,
    Erasure,
    Rectification,
    Portability,
    Restriction,
    Objection,
}

public enum RequestStatus
{
    Received,
    Verifying,
    InProgress,
    Completed,
    Rejected,
    Extended,
}

/// <summary>A request as the workflow stores it. A class: it does not override <c>ToString</c>.</summary>
public sealed class DataSubjectRequest
{
    public Guid RequestId { get; init; } = Guid.NewGuid();

    public string Reference { get; init; } = string.Empty;

    public RequestType Type { get; init; }

    public RequestStatus Status { get; set; }

    /// <summary>The subject's key in the service: a hospital number, a student number, an account number, a player id…</summary>
    public required string SubjectKey { get; init; }

    /// <summary>The email or phone the request came from.</summary>
    public required string ContactEmail { get; init; }

    public string Channel { get; init; } = "web";

    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset DueBy { get; set; }

    /// <summary>What the requester wrote in the form's free-text box.</summary>
    public string? Details { get; init; }

    public string? AssignedTo { get; set; }
}

/// <summary>The receipt sent back when a request is logged.</summary>
public sealed record RequestReceipt(Guid RequestId, string Reference, DateTimeOffset DueBy, RequestStatus Status);

/// <summary>The outcome of identity verification (knowledge-based questions, a document check, a signed-in session).</summary>
public sealed record VerificationResult(Guid RequestId, bool Verified, string Method, string? FailureReason);

/// <summary>A request's step in one system (collect, erase, rectify).</summary>
public sealed record RequestStep(Guid RequestId, string System, string Action, RequestStatus Status, int Records);

public interface IRequestTracker
{
    Task<DataSubjectRequest?> FindAsync(Guid requestId, CancellationToken cancellationToken);

    Task SaveAsync(DataSubjectRequest request, CancellationToken cancellationToken);

    Task AddStepAsync(RequestStep step, CancellationToken cancellationToken);
}

public interface IRequesterMailer
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>Thrown when the requester fails a check; names the request and the check only.</summary>
public sealed class IdentityVerificationException(Guid requestId, string check)
    : Exception($"Identity verification '{check}' failed for request {requestId}.")
{
    public Guid RequestId { get; } = requestId;

    public string Check { get; } = check;
}

/// <summary>Thrown by a collector that holds nothing for the subject; quotes the subject's key.</summary>
public sealed class SubjectNotFoundException(string system, string subjectKey)
    : Exception($"No records for subject '{subjectKey}' in {system}.")
{
    public string System { get; } = system;

    public string SubjectKey { get; } = subjectKey;
}

/// <summary>Thrown when a request passes its statutory deadline.</summary>
public sealed class RequestOverdueException(Guid requestId, int daysOverdue)
    : Exception($"Request {requestId} is {daysOverdue} days past its deadline.")
{
    public Guid RequestId { get; } = requestId;

    public int DaysOverdue { get; } = daysOverdue;
}
