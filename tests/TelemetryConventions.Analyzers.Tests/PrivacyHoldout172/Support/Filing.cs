namespace Legal.Filing;

// Court e-filing: the firm files claims and documents through the court's e-filing portal.

/// <summary>A filing. Prints the submission id, case number, court, claimant's and defendant's names, the defendant's address and the number of documents.</summary>
public sealed record FilingSubmission(string SubmissionId, string CaseNumber, string Court, string ClaimantName, string DefendantName, string DefendantAddress, int DocumentCount);

/// <summary>The portal's receipt: submission id, case number, court, status and fee; names no one.</summary>
public sealed record FilingReceipt(string SubmissionId, string CaseNumber, string Court, string Status, decimal FeePaid);

/// <summary>The e-filing portal (not telemetry).</summary>
public interface IEfilingPortal
{
    Task<FilingReceipt> SubmitAsync(FilingSubmission submission, CancellationToken cancellationToken = default);
}

/// <summary>The court rejected a filing; the message quotes the case number and the court's reason code.</summary>
public sealed class FilingRejectedException(string caseNumber, string reasonCode) : Exception($"Filing on case {caseNumber} rejected: {reasonCode}");

/// <summary>The party's name does not match the court record; the message quotes the name.</summary>
public sealed class PartyNameMismatchException(string partyName) : Exception($"Party name '{partyName}' does not match the court record");

/// <summary>The portal answered with an error status; a fixed text with the status.</summary>
public sealed class EfilingPortalException(int status) : Exception($"E-filing portal returned {status}")
{
    public int Status { get; } = status;
}
