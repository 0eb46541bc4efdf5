namespace PetCare.WardDogs;

// The shapes of a hospital trust's assistance dog register and therapy dog visits. Records print their members.

/// <summary>An assistance dog registered for the wards. Prints the handler's hospital number and name, the dog's name, its chip number, its type and the ward.</summary>
public sealed record AssistanceDogRegistration(string HospitalNumber, string HandlerName, string DogName, string ChipNumber, string DogType, string Ward);

/// <summary>A ward pass for a registered dog. Prints pass id (the register's record), ward, expiry and the dog's name; the QR token printed on the dog's pass card is not part of it.</summary>
public sealed record WardDogPass(string PassId, string Ward, DateOnly ValidUntil, string DogName);

/// <summary>A therapy dog volunteer. Prints volunteer id, name, phone and the dog's name.</summary>
public sealed record TherapyVolunteer(string VolunteerId, string Name, string Phone, string DogName);

/// <summary>A therapy dog's ward visit. Prints visit id, ward, time and the number of patients seen.</summary>
public sealed record TherapyVisit(string VisitId, string Ward, DateTimeOffset At, int PatientsSeen);

/// <summary>A ward's allergy alert about dogs. Prints ward, bay, the patient's hospital number and the allergen.</summary>
public sealed record WardAllergyAlert(string Ward, string Bay, string HospitalNumber, string Allergen);

/// <summary>A door reader's answer for a ward pass. Prints the door, whether allowed and a reason code.</summary>
public sealed record WardDoorDecision(string DoorId, bool Allowed, string ReasonCode);

public interface IAssistanceDogRegister
{
    Task<AssistanceDogRegistration?> FindByPassAsync(string passId, CancellationToken cancellationToken = default);

    Task<AssistanceDogRegistration?> FindByPassTokenAsync(string token, CancellationToken cancellationToken = default);

    Task<WardDogPass> RegisterAsync(AssistanceDogRegistration registration, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WardAllergyAlert>> AllergyAlertsAsync(string ward, CancellationToken cancellationToken = default);
}

public interface IVolunteerRoster
{
    Task<TherapyVolunteer?> FindAsync(string volunteerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ConsentingPatientsAsync(string ward, CancellationToken cancellationToken = default);
}

/// <summary>The dog is not approved for the ward; quotes the dog's name and the ward.</summary>
public sealed class DogNotApprovedException(string dogName, string ward) : Exception($"{dogName} is not approved for {ward}")
{
    public string Ward { get; } = ward;
}

/// <summary>The pass was revoked; quotes the handler's hospital number.</summary>
public sealed class WardPassRevokedException(string hospitalNumber) : Exception($"Ward dog pass of {hospitalNumber} was revoked");
