namespace VeriDoc;

// Stand-ins for a document-and-biometrics verification vendor's .NET SDK, in the shape of the
// Onfido/Veriff/Jumio clients: applicants, checks with reports and a breakdown, and API errors.

/// <summary>The person the vendor verifies. <c>Id</c> is the vendor's applicant id, one per person.</summary>
public sealed class Applicant
{
    public string Id { get; init; } = string.Empty;

    public string FirstName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public DateOnly? Dob { get; init; }

    public ApplicantAddress? Address { get; init; }

    public string? ExternalUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class ApplicantAddress
{
    public string? FlatNumber { get; init; }

    public string? BuildingNumber { get; init; }

    public string Street { get; init; } = string.Empty;

    public string Town { get; init; } = string.Empty;

    public string Postcode { get; init; } = string.Empty;

    public string Country { get; init; } = "GBR";
}

public sealed record ApplicantRequest(string FirstName, string LastName, string? Email, DateOnly? Dob, string? ExternalUserId);

public enum CheckStatus { InProgress, AwaitingApplicant, Complete, Withdrawn, Paused, Reopened }

public enum CheckResult { Clear, Consider, Unidentified }

/// <summary>A check runs reports on an applicant's uploads. <c>Id</c> is the check's id.</summary>
public sealed class Check
{
    public string Id { get; init; } = string.Empty;

    public string ApplicantId { get; init; } = string.Empty;

    public CheckStatus Status { get; init; }

    public CheckResult? Result { get; init; }

    public string Href { get; init; } = string.Empty;

    public string? ResultsUri { get; init; }

    public IReadOnlyList<Report> Reports { get; init; } = Array.Empty<Report>();

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record CheckRequest(string ApplicantId, IReadOnlyList<string> ReportNames)
{
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public bool Asynchronous { get; init; } = true;
}

/// <summary>A report of a check (document, facial_similarity_video, known_faces, proof_of_address, age_estimation).</summary>
public sealed class Report
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Result { get; init; } = "clear";

    public string? SubResult { get; init; }

    public IReadOnlyDictionary<string, BreakdownItem> Breakdown { get; init; } = new Dictionary<string, BreakdownItem>();

    /// <summary>What the report extracted: document number, names, date of birth, address.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}

public sealed record BreakdownItem(string Result, IReadOnlyDictionary<string, string>? SubBreakdown = null);

/// <summary>An error of the vendor's API: its type, the HTTP status and the vendor's message. For a validation_error (422) the message quotes the values it refused.</summary>
public sealed class VeriDocApiException(int statusCode, string type, string message, IReadOnlyDictionary<string, string[]>? fields = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Type { get; } = type;

    /// <summary>For validation_error: the invalid fields and, per field, the vendor's messages.</summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; } = fields ?? new Dictionary<string, string[]>();
}

/// <summary>The vendor's client.</summary>
public interface IVeriDocClient
{
    Task<Applicant> CreateApplicantAsync(ApplicantRequest request, CancellationToken cancellationToken = default);

    Task<Applicant> FindApplicantAsync(string applicantId, CancellationToken cancellationToken = default);

    Task<Check> CreateCheckAsync(CheckRequest request, CancellationToken cancellationToken = default);

    Task<Check> FindCheckAsync(string checkId, CancellationToken cancellationToken = default);

    Task<string> CreateSdkTokenAsync(string applicantId, string referrer, CancellationToken cancellationToken = default);

    Task<DocumentUpload> UploadDocumentAsync(string applicantId, string type, string side, byte[] content, CancellationToken cancellationToken = default);
}
