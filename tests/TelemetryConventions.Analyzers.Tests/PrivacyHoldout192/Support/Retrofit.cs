namespace PrivacyHoldout192.Support;

/// <summary>A person applying for a grant for their home.</summary>
public sealed record Applicant(string ApplicantId, string FullName, string Email, string Phone, string Postcode, string Uprn, string NiNumber, DateOnly DateOfBirth);

/// <summary>The outcome of an eligibility check (no person in it).</summary>
public sealed record EligibilityCheck(string ApplicationRef, string Route, string Benefit, bool InPayment, int HouseholdSize, string IncomeBand);

/// <summary>An EPC survey of a dwelling.</summary>
public sealed record EpcSurvey(string SurveyId, string Uprn, string Postcode, string CurrentRating, int SapScore, string AssessorName, string AssessorNumber);

/// <summary>A booked install (a thing).</summary>
public sealed record InstallJob(string JobId, string Measure, string InstallerCompany, DateOnly Date, int Minutes, string Region);

/// <summary>An installer's visit to a home.</summary>
public sealed record InstallerVisit(string VisitId, string JobId, string EngineerStaffNumber, string EngineerName, string AddressLine, string NoAccessNote);

/// <summary>A photo an installer or a householder takes of the home.</summary>
public sealed record HomePhoto(string PhotoId, string BlobPath, double Latitude, double Longitude, string Room, string? ExifArtist);

/// <summary>A complaint about a grant or an install.</summary>
public sealed record Complaint(string ComplaintId, string ApplicantId, string Category, string Details, string ContactEmail);

/// <summary>What the scheme tells the householder (no person in it).</summary>
public sealed record GrantSummary(string ApplicationRef, string Scheme, string Measure, decimal Amount, string EpcBandBefore, string EpcBandAfter);

/// <summary>A property as the survey tool keeps it; no ToString.</summary>
public sealed class PropertyProfile
{
    public required string Uprn { get; init; }

    public required string Postcode { get; init; }

    public required string Rating { get; init; }

    public int FloorArea { get; init; }
}

public interface IApplicantStore
{
    Task<Applicant?> FindAsync(string applicantId, CancellationToken ct);

    Task<IReadOnlyList<HomePhoto>> PhotosAsync(string jobId, CancellationToken ct);

    Task SaveComplaintAsync(Complaint complaint, CancellationToken ct);
}

/// <summary>The benefits department's eligibility service (a system of record, not telemetry).</summary>
public interface IBenefitsGateway
{
    Task<EligibilityCheck> CheckAsync(string niNumber, DateOnly dateOfBirth, string postcode, CancellationToken ct);
}

/// <summary>The EPC register (a system of record).</summary>
public interface IEpcRegister
{
    Task<EpcSurvey?> LatestAsync(string uprn, CancellationToken ct);

    Task LodgeAsync(EpcSurvey survey, CancellationToken ct);
}

/// <summary>The installers' scheduling platform (a system of record).</summary>
public interface IInstallerPlatform
{
    Task<InstallJob> BookAsync(string uprn, string measure, CancellationToken ct);

    Task<InstallerVisit?> VisitAsync(string jobId, CancellationToken ct);
}

public sealed class ApplicantNotFoundException(string applicantId)
    : Exception($"Applicant {applicantId} was not found");

public sealed class EligibilityRejectedException(string niNumber, string reason)
    : Exception($"Benefits check rejected NI number {niNumber}: {reason}");

public sealed class PropertyNotSurveyedException(string uprn, string postcode)
    : Exception($"No EPC lodged for UPRN {uprn} ({postcode})");

public sealed class InstallerUnavailableException(string installer, string region, int waitDays)
    : Exception($"Installer {installer} has no slots in {region} for {waitDays} days");

public sealed class SurveyNotFoundException(string surveyId)
    : Exception($"Survey {surveyId} was not found");

public sealed class SchemeClosedException(string scheme, int statusCode)
    : Exception($"Scheme {scheme} is closed (status {statusCode})");
