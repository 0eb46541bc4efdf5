namespace Goodwork.Checks;

// Disclosure and Barring Service checks through an umbrella body, and the DBS Update Service.

/// <summary>A DBS application. Prints its members: reference, applicant's name, date of birth, workforce and level.</summary>
public sealed record DbsApplication(string ApplicationRef, string ApplicantName, DateOnly DateOfBirth, string Workforce, string Level);

/// <summary>The Update Service's answer for a certificate. Prints its members: certificate number, status and when checked.</summary>
public sealed record CertificateStatus(string CertificateNumber, string Status, DateTimeOffset CheckedAt)
{
    public bool IsCurrent => Status == "CURRENT";
}

/// <summary>A completed check as the umbrella body returns it. Prints its reference, level, outcome and issue date.</summary>
public sealed record CheckOutcome(string ApplicationRef, string Level, string Outcome, DateOnly IssuedOn);

public interface IUmbrellaBodyClient
{
    Task<string> SubmitAsync(DbsApplication application, CancellationToken cancellationToken = default);

    Task<CheckOutcome?> OutcomeAsync(string applicationRef, CancellationToken cancellationToken = default);
}

public interface IDbsUpdateService
{
    Task<CertificateStatus> StatusAsync(string certificateNumber, string surname, DateOnly dateOfBirth, CancellationToken cancellationToken = default);
}

/// <summary>The Update Service could not match the certificate; quotes the certificate number and surname.</summary>
public sealed class CertificateMismatchException(string certificateNumber, string surname)
    : Exception($"No match for certificate {certificateNumber} with surname {surname}")
{
    public string Code { get; } = "DBS-404";
}

/// <summary>The umbrella body is down or throttling; quotes the retry delay.</summary>
public sealed class UmbrellaUnavailableException(TimeSpan retryAfter)
    : Exception($"Umbrella body unavailable, retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
