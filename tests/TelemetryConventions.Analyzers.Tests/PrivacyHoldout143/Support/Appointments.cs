namespace PetCare.Appointments;

// The shapes of a practice's appointment book and vaccination records. Records print their members.

/// <summary>An appointment. Prints appointment id, pet id, the owner's client number, the vet's staff id, start, type and room.</summary>
public sealed record Appointment(string AppointmentId, Guid PetId, string ClientNumber, string VetStaffId, DateTimeOffset Start, string Type, string Room);

/// <summary>A free slot. Prints slot id, room, start, length in minutes and type.</summary>
public sealed record AppointmentSlot(string SlotId, string Room, DateTimeOffset Start, int Minutes, string Type);

/// <summary>A vaccination given to a pet. Prints pet id, vaccine, batch number, date given and date due again.</summary>
public sealed record Vaccination(Guid PetId, string Vaccine, string BatchNumber, DateOnly GivenOn, DateOnly DueOn);

/// <summary>A booster reminder. Prints the owner's client number and email, the pet's name, the vaccine and the due date.</summary>
public sealed record VaccinationReminder(string ClientNumber, string OwnerEmail, string PetName, string Vaccine, DateOnly DueOn);

/// <summary>A veterinary surgeon. Prints staff id, name, RCVS registration number and practice.</summary>
public sealed record Vet(string StaffId, string Name, string RcvsNumber, string Practice);

public interface IAppointmentBook
{
    Task<AppointmentSlot?> FreeSlotAsync(string practice, string type, DateOnly day, CancellationToken cancellationToken = default);

    Task<Appointment> BookAsync(string slotId, Guid petId, string clientNumber, CancellationToken cancellationToken = default);

    Task CancelAsync(string appointmentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Vaccination>> VaccinationsAsync(Guid petId, CancellationToken cancellationToken = default);

    Task<Vet> VetAsync(string staffId, CancellationToken cancellationToken = default);
}

/// <summary>The slot was taken meanwhile; quotes the slot.</summary>
public sealed class SlotTakenException(string slotId) : Exception($"Slot {slotId} was taken")
{
    public string SlotId { get; } = slotId;
}

/// <summary>The client may not book online; quotes the client number.</summary>
public sealed class OwnerBarredException(string clientNumber) : Exception($"Client {clientNumber} is barred from online booking");

/// <summary>A required vaccination is overdue; quotes the pet's name, the vaccine and the due date.</summary>
public sealed class VaccinationOverdueException(string petName, string vaccine, DateOnly dueOn) : Exception($"{petName} is overdue for {vaccine} since {dueOn:yyyy-MM-dd}")
{
    public string Vaccine { get; } = vaccine;
}
