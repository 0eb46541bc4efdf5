using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout46.Support.Legal;

// Stand-ins for an e-discovery service (cases, custodians, holds, searches and exports, in the shape of
// Microsoft Purview eDiscovery through Graph), a regulator's notification portal, a whistleblowing
// platform's webhook and a document management system holding matter files.

/// <summary>A custodian added to an e-discovery case.</summary>
public sealed record Custodian(string CustodianId, string UserPrincipalName, string DisplayName, string Status);

/// <summary>The hold the service placed on a case's custodians.</summary>
public sealed record HoldResult(string HoldId, int MailboxesHeld, int SitesHeld, string Status);

/// <summary>An export of a review set.</summary>
public sealed record ExportJob(string ExportId, string Status, long ItemCount, long SizeInBytes, Uri? DownloadUrl);

public interface IEDiscoveryClient
{
    Task<Custodian> AddCustodianAsync(string caseId, string userPrincipalName, CancellationToken cancellationToken = default);

    Task<HoldResult> ApplyHoldAsync(string caseId, IReadOnlyCollection<string> custodianIds, CancellationToken cancellationToken = default);

    Task<string> CreateSearchAsync(string caseId, string contentQuery, CancellationToken cancellationToken = default);

    Task<ExportJob> ExportAsync(string caseId, string searchId, CancellationToken cancellationToken = default);

    Task ReleaseHoldAsync(string caseId, string holdId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The e-discovery service's error, as Graph writes it: a code and a message. For
/// <c>MailboxNotFound</c> and <c>CustodianAlreadyExists</c> the message quotes the user principal name
/// (<c>The mailbox 'j.doe@trust.nhs.uk' was not found.</c>); for <c>TooManyRequests</c> and
/// <c>ExportSizeExceeded</c> it is a fixed text.
/// </summary>
public sealed class EDiscoveryServiceException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>What a regulator's portal is sent.</summary>
public sealed record RegulatorSubmission(string Regulator, string Category, DateTimeOffset DiscoveredAt, int PeopleAffected, string Summary, string ContactName, string ContactEmail);

/// <summary>The portal's receipt: its reference and when it was received.</summary>
public sealed record RegulatorReceipt(string Reference, DateTimeOffset ReceivedAt);

public interface IRegulatorPortalClient
{
    Task<RegulatorReceipt> SubmitAsync(RegulatorSubmission submission, CancellationToken cancellationToken = default);
}

/// <summary>The portal's error: an HTTP status and the portal's fixed text (<c>Submission window closed</c>, <c>Service unavailable</c>).</summary>
public sealed class RegulatorPortalException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// A report received from the whistleblowing platform. <c>AccessCode</c> is the code the platform gave
/// the reporter to come back to the secure mailbox of the report; <c>Narrative</c> is what the reporter
/// wrote; <c>PersonsConcerned</c> are the names the reporter gave.
/// </summary>
public sealed record WhistleblowingReport(
    string ReportId,
    string AccessCode,
    bool Anonymous,
    string Category,
    string Narrative,
    string? ReporterName,
    string? ReporterEmail,
    IReadOnlyList<string> PersonsConcerned,
    string Channel);

/// <summary>A document filed in a matter's workspace.</summary>
public sealed record MatterDocument(string DocumentId, string WorkspaceId, string FileName, string Author, int Version);

public interface IMatterDocumentStore
{
    Task<MatterDocument> FileAsync(string workspaceId, string fileName, byte[] content, string author, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MatterDocument>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);
}
