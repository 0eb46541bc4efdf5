namespace Ridewise.Drivers;

// Driver onboarding and documents: applications, licences, private hire badges, DBS checks and
// vehicles, as the licensing side of a ride platform and a council's licensing office hold them.

/// <summary>A driver's application. Prints its members: name, email, mobile, licence and badge numbers among them.</summary>
public sealed record DriverApplication(
    string ApplicationId,
    string FullName,
    string Email,
    string Mobile,
    string DrivingLicenceNumber,
    string? PrivateHireBadgeNumber,
    string VehicleRegistration,
    string LicensingAuthority);

/// <summary>An uploaded document. Prints the document id, the application, the kind, the expiry and the status.</summary>
public sealed record DriverDocument(string DocumentId, string ApplicationId, string Kind, DateOnly Expiry, string Status);

/// <summary>A background check. Prints the check id, the DBS certificate number and the status.</summary>
public sealed record BackgroundCheck(string CheckId, string DbsCertificateNumber, string Status, DateOnly IssuedOn);

/// <summary>The result of a document review. Prints the document, the verdict and the reviewer's queue.</summary>
public sealed record DocumentVerdict(string DocumentId, string Verdict, string Queue, double Confidence);

/// <summary>A licensed driver on the platform. A class: printed, it shows its type's name.</summary>
public sealed class DriverProfile
{
    public required string DriverId { get; init; }

    public required string DisplayName { get; init; }

    public required string Mobile { get; init; }

    public required string BadgeNumber { get; init; }

    public string LicensingAuthority { get; init; } = "TfL";

    public double Rating { get; init; }

    public int CompletedTrips { get; init; }
}

public interface IDriverOnboardingClient
{
    Task<DriverApplication?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DriverDocument>> GetDocumentsAsync(string applicationId, CancellationToken cancellationToken = default);

    Task<DocumentVerdict> ReviewAsync(DriverDocument document, CancellationToken cancellationToken = default);

    Task<BackgroundCheck> CheckDbsAsync(string certificateNumber, string surname, CancellationToken cancellationToken = default);

    Task ActivateAsync(string applicationId, CancellationToken cancellationToken = default);
}

/// <summary>The licensing authority refused a licence; the message quotes the licence number.</summary>
public sealed class LicenceRejectedException(string licenceNumber, string reasonCode)
    : Exception($"Licence {licenceNumber} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A document has expired; the message quotes the document, its kind and the date.</summary>
public sealed class DocumentExpiredException(string documentId, string kind, DateOnly expiry)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Document {documentId} ({kind}) expired on {expiry:yyyy-MM-dd}"))
{
    public string Kind { get; } = kind;
}

/// <summary>The badge is already linked to another account; the message quotes the badge number.</summary>
public sealed class BadgeAlreadyLinkedException(string badgeNumber) : Exception($"Badge {badgeNumber} is linked to another account");
