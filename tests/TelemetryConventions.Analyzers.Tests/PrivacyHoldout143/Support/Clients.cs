namespace PetCare.Clients;

// The shapes of a veterinary practice management system's client API as the services use it. Records print their members.

/// <summary>A practice's client (the pet's owner). Prints client number, owner id, names, email, mobile, address, postcode and practice.</summary>
public sealed record PetOwner(
    string ClientNumber,
    Guid OwnerId,
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    string AddressLine1,
    string Postcode,
    string PracticeCode);

/// <summary>An animal on a client's record. Prints pet id, name, species, breed, date of birth, whether neutered, microchip number and the owner's client number.</summary>
public sealed record Pet(
    Guid PetId,
    string Name,
    string Species,
    string Breed,
    DateOnly DateOfBirth,
    bool Neutered,
    string? MicrochipNumber,
    string OwnerClientNumber);

/// <summary>A pet without its owner. Prints pet id, species, breed, age in years and weight.</summary>
public sealed record PetSummary(Guid PetId, string Species, string Breed, int AgeYears, decimal WeightKg);

/// <summary>A new client as the registration form sends it. Prints names, email, mobile, postcode, practice and how they heard of the practice (a choice from a fixed list).</summary>
public sealed record ClientRegistration(string FirstName, string LastName, string Email, string Mobile, string Postcode, string PracticeCode, string? HeardFrom);

public interface IClientDirectory
{
    Task<PetOwner?> FindAsync(string clientNumber, CancellationToken cancellationToken = default);

    Task<PetOwner?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Pet>> PetsAsync(string clientNumber, CancellationToken cancellationToken = default);

    Task<Pet?> PetAsync(Guid petId, CancellationToken cancellationToken = default);

    Task<string> RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken = default);
}

/// <summary>Sends emails and texts to owners; not telemetry.</summary>
public interface IOwnerMessenger
{
    Task SendAsync(string templateId, string recipient, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No client with that number; quotes the client number.</summary>
public sealed class ClientNotFoundException(string clientNumber) : Exception($"No client with number {clientNumber}");

/// <summary>A client already exists for the email; quotes the email.</summary>
public sealed class DuplicateClientException(string email) : Exception($"A client already exists for {email}")
{
    public string Field { get; } = "email";
}

/// <summary>The practice is closed that day; quotes the practice and the day.</summary>
public sealed class PracticeClosedException(string practiceCode, DateOnly day) : Exception($"Practice {practiceCode} is closed on {day:yyyy-MM-dd}")
{
    public string PracticeCode { get; } = practiceCode;
}
