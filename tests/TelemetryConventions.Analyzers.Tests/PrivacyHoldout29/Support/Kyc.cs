using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Kyc;

// A small stand-in for an Onfido-style identity verification API: applicants, checks, document and
// facial-similarity reports, and the webhook that says a check completed.

public sealed class Applicant
{
    public required string Id { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public DateOnly? Dob { get; init; }

    public string? Email { get; init; }

    public string? Postcode { get; init; }

    public string? Country { get; init; }
}

public sealed class Check
{
    public required string Id { get; init; }

    public required string ApplicantId { get; init; }

    public string Status { get; init; } = "in_progress";

    public string? Result { get; init; }

    public string? ResultsUri { get; init; }

    public List<string> ReportIds { get; init; } = new();

    public List<string> Tags { get; init; } = new();
}

public sealed class DocumentProperties
{
    public string DocumentType { get; init; } = "passport";

    public string IssuingCountry { get; init; } = "GBR";

    public string? DocumentNumber { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public DateOnly? DateOfExpiry { get; init; }

    public string? MrzLine1 { get; init; }

    public string? MrzLine2 { get; init; }

    public string? Nationality { get; init; }
}

public sealed class Report
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Status { get; init; } = "complete";

    public string? Result { get; init; }

    public string? SubResult { get; init; }

    public Dictionary<string, string> Breakdown { get; init; } = new();

    public DocumentProperties? Properties { get; init; }
}

public sealed record WebhookResource(string ResourceType, string Action, string ObjectId, string Status, string Href);

public sealed record KycWebhook(WebhookResource Payload);

/// <summary>
/// An error answered by the verification API: <c>Type</c> is a fixed code (validation_error,
/// resource_not_found), the message is the API's text. A validation_error's message names the
/// fields and quotes the submitted values ("dob: 2031-02-30 is not a valid date; email: jo@ is invalid").
/// </summary>
public sealed class KycApiException(int responseCode, string type, string message, IReadOnlyDictionary<string, string[]> fields)
    : Exception(message)
{
    public int ResponseCode { get; } = responseCode;

    public string Type { get; } = type;

    public IReadOnlyDictionary<string, string[]> Fields { get; } = fields;
}

public interface IKycClient
{
    Task<Applicant> CreateApplicantAsync(string firstName, string lastName, DateOnly? dob, string? email, CancellationToken cancellationToken);

    Task<Check> CreateCheckAsync(string applicantId, IReadOnlyList<string> reportNames, CancellationToken cancellationToken);

    Task<Check> GetCheckAsync(string checkId, CancellationToken cancellationToken);

    Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken);

    Task DeleteApplicantAsync(string applicantId, CancellationToken cancellationToken);
}
