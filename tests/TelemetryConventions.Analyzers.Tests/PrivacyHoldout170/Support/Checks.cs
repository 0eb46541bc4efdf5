namespace Recruitment.Checks;

// DBS checks, right-to-work checks, licence checks and the screening provider.

/// <summary>A DBS update service check. Prints the candidate id, certificate number, surname, date of birth and workforce.</summary>
public sealed record DbsCheckRequest(string CandidateId, string CertificateNumber, string Surname, DateOnly DateOfBirth, string Workforce);

/// <summary>The update service's answer: status code, workforce, whether current, when checked; names no one.</summary>
public sealed record DbsUpdateResult(string StatusCode, string Workforce, bool IsCurrent, DateTimeOffset CheckedAt);

public interface IDbsUpdateService
{
    Task<DbsUpdateResult> CheckAsync(string certificateNumber, string surname, DateOnly dateOfBirth, CancellationToken cancellationToken = default);
}

/// <summary>The certificate does not match the surname; the message quotes both.</summary>
public sealed class CertificateMismatchException(string certificateNumber, string surname)
    : Exception($"Certificate {certificateNumber} is not registered to {surname}");

/// <summary>The update service is down; a fixed text.</summary>
public sealed class DbsServiceUnavailableException() : Exception("DBS update service unavailable");

/// <summary>A right-to-work check by share code. Prints the share code, date of birth and candidate id.</summary>
public sealed record ShareCodeCheck(string ShareCode, DateOnly DateOfBirth, string CandidateId);

/// <summary>The Home Office's answer: check reference, outcome, permission expiry and nationality.</summary>
public sealed record RightToWorkOutcome(string CheckReference, string Outcome, DateOnly? PermissionExpires, string Nationality);

public interface IHomeOfficeService
{
    Task<RightToWorkOutcome> VerifyAsync(string shareCode, DateOnly dateOfBirth, CancellationToken cancellationToken = default);
}

/// <summary>The share code was refused; the message quotes it.</summary>
public sealed class ShareCodeRejectedException(string shareCode) : Exception($"Share code {shareCode} was not accepted");

/// <summary>The Home Office service answered an error status; the message quotes the status.</summary>
public sealed class HomeOfficeUnavailableException(int status) : Exception($"View and prove service answered {status}");

/// <summary>A DVLA licence check. Prints the licence number, penalty points, endorsements and whether category D is held.</summary>
public sealed record LicenceCheck(string LicenceNumber, int PenaltyPoints, string[] EndorsementCodes, bool HoldsCategoryD);

public interface ILicenceCheckProvider
{
    Task<LicenceCheck> CheckAsync(string licenceNumber, string surname, CancellationToken cancellationToken = default);
}

/// <summary>The licence does not belong to the surname; the message quotes both.</summary>
public sealed class LicenceMismatchException(string licenceNumber, string surname)
    : Exception($"Licence {licenceNumber} does not match surname {surname}");

/// <summary>A background screening order. Prints the order id, the candidate id and the package.</summary>
public sealed record ScreeningOrder(string OrderId, string CandidateId, string Package);

/// <summary>The screening result: order id, package, status and adjudication; names no one.</summary>
public sealed record ScreeningResult(string OrderId, string Package, string Status, string Adjudication);

public interface IScreeningProvider
{
    Task<ScreeningResult> OrderAsync(ScreeningOrder order, CancellationToken cancellationToken = default);
}

/// <summary>The screening provider's error; its code only.</summary>
public sealed class ScreeningProviderException(string code) : Exception($"Screening provider error {code}")
{
    public string Code { get; } = code;
}
