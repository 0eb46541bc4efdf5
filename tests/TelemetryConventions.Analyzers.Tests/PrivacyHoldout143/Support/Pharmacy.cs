namespace PetCare.Pharmacy;

// The shapes of a veterinary pharmacy: prescriptions, repeat medication and written prescriptions. Records print their members.

/// <summary>A prescription for a pet. Prints prescription id, pet id, drug, dose, quantity, repeats left and expiry.</summary>
public sealed record Prescription(string PrescriptionId, Guid PetId, string Drug, string Dose, int Quantity, int RepeatsLeft, DateOnly ExpiresOn);

/// <summary>A repeat asked for by an owner. Prints request id, the owner's client number, pet id, drug, the owner's note and when.</summary>
public sealed record RepeatRequest(string RequestId, string ClientNumber, Guid PetId, string Drug, string? OwnerNote, DateTimeOffset RequestedAt);

/// <summary>A written prescription sent to an outside pharmacy. Prints prescription id, the owner's name and address, the pet's name, the drug and the prescribing vet's RCVS number.</summary>
public sealed record WrittenPrescription(string PrescriptionId, string OwnerName, string OwnerAddress, string PetName, string Drug, string VetRcvsNumber);

/// <summary>The pharmacy's answer to a dispense. Prints prescription id, whether dispensed, repeats left and the pharmacy.</summary>
public sealed record DispenseResult(string PrescriptionId, bool Dispensed, int RepeatsLeft, string Pharmacy);

public interface IPharmacyService
{
    Task<Prescription?> FindAsync(string prescriptionId, CancellationToken cancellationToken = default);

    Task<DispenseResult> DispenseAsync(string prescriptionId, int quantity, CancellationToken cancellationToken = default);

    Task<bool> VerifyWrittenAsync(WrittenPrescription prescription, CancellationToken cancellationToken = default);
}

/// <summary>No repeats are left; quotes the prescription.</summary>
public sealed class RepeatLimitReachedException(string prescriptionId) : Exception($"Prescription {prescriptionId} has no repeats left")
{
    public string PrescriptionId { get; } = prescriptionId;
}

/// <summary>The prescription has expired; quotes the prescription and the date.</summary>
public sealed class PrescriptionExpiredException(string prescriptionId, DateOnly expiredOn) : Exception($"Prescription {prescriptionId} expired on {expiredOn:yyyy-MM-dd}");

/// <summary>The pet must be seen before more repeats; quotes the client number and the pet's name.</summary>
public sealed class HealthCheckDueException(string clientNumber, string petName) : Exception($"Client {clientNumber}: {petName} needs a health check before more repeats");
