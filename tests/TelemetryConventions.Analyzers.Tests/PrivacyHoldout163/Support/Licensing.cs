namespace Driving.Licensing;

// The licensing agency's driver register, as its partner API exposes it.

/// <summary>A licence holder. Prints licence number, full name, date of birth, postcode, email, mobile and NI number.</summary>
public sealed record LicenceHolder(string LicenceNumber, string FullName, DateOnly DateOfBirth, string Postcode, string Email, string Mobile, string NiNumber);

/// <summary>What a licence entitles its holder to. Prints category, points, expiry and whether provisional; names no one.</summary>
public sealed record LicenceSummary(string Category, int PenaltyPoints, DateOnly ValidTo, bool Provisional);

/// <summary>An endorsement on a licence. Prints licence number, offence code, points and date.</summary>
public sealed record PenaltyEndorsement(string LicenceNumber, string OffenceCode, int Points, DateOnly OffenceDate);

/// <summary>A licence to print. Prints licence number, name, address, photo reference and categories.</summary>
public sealed record LicenceCard(string LicenceNumber, string FullName, string Address, string PhotoReference, string Categories);

public interface ILicenceRegistry
{
    Task<LicenceHolder?> FindAsync(string licenceNumber, CancellationToken cancellationToken = default);

    Task<LicenceSummary> SummaryAsync(string licenceNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PenaltyEndorsement>> EndorsementsAsync(string licenceNumber, CancellationToken cancellationToken = default);
}

/// <summary>The card printer and the agency's letters; not telemetry.</summary>
public interface ILicencePrinter
{
    Task<string> PrintAsync(LicenceCard card, CancellationToken cancellationToken = default);

    Task LetterAsync(string licenceNumber, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No licence on the register; quotes the licence number.</summary>
public sealed class LicenceNotFoundException(string licenceNumber) : Exception($"No licence {licenceNumber} on the register");

/// <summary>A category is revoked; quotes the category and the reason code.</summary>
public sealed class LicenceRevokedException(string category, string reasonCode) : Exception($"Category {category} revoked ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The register did not answer; quotes nothing.</summary>
public sealed class RegistryUnavailableException() : Exception("The driver register is unavailable");
