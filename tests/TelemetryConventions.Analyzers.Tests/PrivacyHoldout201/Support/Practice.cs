namespace PrivacyHoldout201.Support;

// The practice group's records. These are domain types, not telemetry.

/// <summary>A client of the practice: the person who owns and pays for the animal.</summary>
public sealed record PetOwner(string ClientNumber, string FullName, string Email, string Mobile, string Postcode);

/// <summary>An animal as the practice lists it (no owner on it).</summary>
public sealed record Animal(string PetId, string Name, string Species, string Breed, int AgeYears, double WeightKg, bool Neutered);

/// <summary>An animal with its microchip and its owner's client number.</summary>
public sealed record ChippedAnimal(string PetId, string Name, string MicrochipNumber, string OwnerClientNumber);

/// <summary>A consultation with the vet's clinical notes (history given by the owner, findings, plan).</summary>
public sealed record Consultation(string ConsultationId, string PetId, string ClientNumber, string VetStaffId, string ClinicalNotes, DateTimeOffset StartedAt);

/// <summary>What the rota screen shows of a consultation.</summary>
public sealed record ConsultationSummary(string ConsultationId, string PetId, string Room, int DurationMinutes, string ConditionCode);

/// <summary>One line of a prescription.</summary>
public sealed record PrescriptionLine(string PrescriptionId, string PetId, string Drug, string Dose, int Quantity, bool Controlled);

/// <summary>A pet insurance claim as sent to the insurer.</summary>
public sealed record PetClaim(string ClaimId, string PolicyNumber, string PetId, decimal Amount, string ConditionCode, string ClinicalHistory);

/// <summary>The insurer's answer.</summary>
public sealed record ClaimDecision(string ClaimId, string Outcome, decimal Paid, decimal Excess);

/// <summary>A signed euthanasia consent.</summary>
public sealed record EuthanasiaConsent(string ConsentId, string PetId, string ClientNumber, string SignedByName, string CremationChoice, DateTimeOffset SignedAt);

/// <summary>A cremation booked with the crematorium.</summary>
public sealed record CremationOrder(string OrderId, string PetId, string CremationType, string CasketCode, bool AshesReturned);

/// <summary>Where the ashes go back to.</summary>
public sealed record AshesReturn(string OrderId, string RecipientName, string DeliveryAddress, string Postcode);

/// <summary>A vet or nurse of the practice.</summary>
public sealed record Vet(string StaffId, string Name, string RcvsNumber, string Practice);

/// <summary>The chip database's answer to a lookup.</summary>
public sealed record ChipLookup(string Database, bool Found, bool KeeperContactable, DateOnly LastUpdated);

/// <summary>An animal as the profile screen holds it; no ToString of its own.</summary>
public sealed class PetProfile
{
    public required string PetId { get; init; }

    public required string Name { get; init; }

    public required string MicrochipNumber { get; init; }

    public required string OwnerEmail { get; init; }
}

// Systems of record and sinks (not telemetry).

public interface IPracticeRecords
{
    Task<PetOwner?> FindOwnerAsync(string clientNumber, CancellationToken cancellationToken);

    Task<Animal?> FindAnimalAsync(string petId, CancellationToken cancellationToken);

    Task<ChippedAnimal?> FindChippedAnimalAsync(string petId, CancellationToken cancellationToken);

    Task SaveConsultationAsync(Consultation consultation, CancellationToken cancellationToken);

    Task SaveConsentAsync(EuthanasiaConsent consent, CancellationToken cancellationToken);
}

public interface IChipDatabase
{
    Task<ChipLookup> LookupAsync(string microchipNumber, CancellationToken cancellationToken);
}

public interface IInsurerGateway
{
    string Insurer { get; }

    Task<ClaimDecision> SubmitAsync(PetClaim claim, CancellationToken cancellationToken);
}

public interface IVetPharmacy
{
    Task<int> DispenseAsync(PrescriptionLine line, string clientNumber, CancellationToken cancellationToken);
}

public interface ICrematorium
{
    string Name { get; }

    Task<CremationOrder> BookAsync(string petId, string cremationType, AshesReturn? ashes, CancellationToken cancellationToken);
}

public interface IOwnerMessenger
{
    Task SendTextAsync(string mobile, string text, CancellationToken cancellationToken);

    Task SendEmailAsync(string email, string subject, string body, CancellationToken cancellationToken);
}

// Exceptions.

/// <summary>Quotes the client number.</summary>
public sealed class OwnerNotFoundException(string clientNumber)
    : Exception($"No client {clientNumber} on the practice system");

/// <summary>Quotes the microchip number.</summary>
public sealed class ChipNotRegisteredException(string microchipNumber)
    : Exception($"Microchip {microchipNumber} is not registered on any database");

/// <summary>Quotes the policy number.</summary>
public sealed class PolicyNotFoundException(string policyNumber)
    : Exception($"Insurer has no live policy {policyNumber}");

/// <summary>Quotes the name the consent was signed in.</summary>
public sealed class ConsentSignatureMismatchException(string signedByName)
    : Exception($"Consent signed by '{signedByName}' who is not the registered owner");

/// <summary>Quotes a claim and a condition code.</summary>
public sealed class PreExistingConditionException(string claimId, string conditionCode)
    : Exception($"Claim {claimId} excluded: condition {conditionCode} pre-existing");

/// <summary>Quotes an insurer and a status code.</summary>
public sealed class InsurerUnavailableException(string insurer, int statusCode)
    : Exception($"Insurer {insurer} answered {statusCode}");

/// <summary>Quotes a prescription and a drug.</summary>
public sealed class ControlledDrugLimitException(string prescriptionId, string drug)
    : Exception($"Prescription {prescriptionId} exceeds the limit for {drug}");

/// <summary>Quotes a crematorium and a date.</summary>
public sealed class CrematoriumFullException(string crematorium, DateOnly date)
    : Exception($"{crematorium} has no individual cremation slot on {date:yyyy-MM-dd}");
