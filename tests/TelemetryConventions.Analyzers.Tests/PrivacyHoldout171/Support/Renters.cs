namespace Rental.Renters;

// Renters and members as the rental platform holds them.

/// <summary>A renter or car club member. Prints the renter id, full name, email, mobile, licence number, date of birth and postcode.</summary>
public sealed record Renter(string RenterId, string FullName, string Email, string Mobile, string LicenceNumber, DateOnly DateOfBirth, string Postcode);

/// <summary>A renter as the booking screens show it; a class without <c>ToString</c>.</summary>
public sealed class RenterProfile
{
    public required string RenterId { get; init; }

    public required string Email { get; init; }

    public int Rentals { get; init; }

    public string Tier { get; init; } = "standard";
}

public interface IRenterStore
{
    Task<Renter?> FindAsync(string renterId, CancellationToken cancellationToken = default);

    Task<Renter?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}

/// <summary>A DVLA licence check. Prints the licence number, penalty points, endorsement codes and categories.</summary>
public sealed record LicenceCheck(string LicenceNumber, int PenaltyPoints, string[] EndorsementCodes, string Categories, bool Valid);

public interface ILicenceCheckService
{
    Task<LicenceCheck> CheckAsync(string licenceNumber, string checkCode, CancellationToken cancellationToken = default);
}

/// <summary>The renter's licence is not valid; the message quotes the licence number.</summary>
public sealed class LicenceInvalidException(string licenceNumber) : Exception($"Licence {licenceNumber} is not valid for hire");

/// <summary>The licence check service is down; a fixed text.</summary>
public sealed class LicenceServiceUnavailableException() : Exception("Licence check service unavailable");

/// <summary>No renter with this id; the message quotes it.</summary>
public sealed class RenterNotFoundException(string renterId) : Exception($"Renter {renterId} not found");

/// <summary>A second account with the same email; the message quotes the email.</summary>
public sealed class DuplicateRenterException(string email) : Exception($"A renter with {email} already exists");

public interface IRenterMessenger
{
    Task SendAsync(string email, string subject, string body, CancellationToken cancellationToken = default);

    Task TextAsync(string mobile, string body, CancellationToken cancellationToken = default);
}
