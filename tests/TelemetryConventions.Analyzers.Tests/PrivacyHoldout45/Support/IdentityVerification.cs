using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout45.Support.Kyc;

// An identity verification provider's client (document and facial similarity checks), reduced to
// what the services call.

public sealed record ApplicantRequest(string FirstName, string LastName, string Email, DateOnly DateOfBirth, string? Postcode);

/// <summary>The provider's record of a person; <see cref="Id"/> is the provider's id of that person.</summary>
public sealed record Applicant(string Id, DateTimeOffset CreatedAt);

public sealed record DocumentUpload(string ApplicantId, string DocumentType, string IssuingCountry, string FileName, Stream Content);

public sealed record UploadedDocument(string DocumentId, string DocumentType, long Size);

/// <summary>
/// A completed check. <see cref="CheckId"/> names the check; the extracted fields are what the
/// provider read from the document.
/// </summary>
public sealed record DocumentCheck(
    string CheckId,
    string Result,
    string SubResult,
    string DocumentType,
    string IssuingCountry,
    string? DocumentNumber,
    string? FullName,
    DateOnly? DateOfBirth,
    DateOnly? ExpiryDate,
    IReadOnlyList<string> BreakdownFailures);

public interface IIdentityVerificationClient
{
    Task<Applicant> CreateApplicantAsync(ApplicantRequest request, CancellationToken cancellationToken = default);

    Task<UploadedDocument> UploadDocumentAsync(DocumentUpload upload, CancellationToken cancellationToken = default);

    Task<DocumentCheck> RunDocumentCheckAsync(string applicantId, string documentId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The provider's API error. For <c>validation_error</c> the message quotes the rejected values
/// ("last_name 'O''Brien-Smith' contains invalid characters; email 'jo@@example.org' is invalid");
/// for <c>rate_limit</c> and <c>internal_error</c> it is a fixed text.
/// </summary>
public sealed class VerificationApiException(string type, int statusCode, string message) : Exception(message)
{
    public string Type { get; } = type;

    public int StatusCode { get; } = statusCode;

    public IReadOnlyList<string> InvalidFields { get; init; } = [];
}
