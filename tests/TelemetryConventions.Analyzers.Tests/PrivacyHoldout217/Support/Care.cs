namespace PrivacyHoldout217.Support;

// The care group's systems of record: residents, care plans, medication, incidents, families, visits, fees, rotas.

public sealed record Resident(string ResidentId, string NhsNumber, string FullName, DateOnly DateOfBirth, string HomeId, string Wing);

public sealed record CarePlan(string PlanId, string ResidentId, string HomeId, int GoalCount, string Summary, DateOnly ReviewDue);

public sealed record CarePlanReview(string PlanId, string HomeId, int GoalsMet, int GoalsOpen, string ReviewerRole);

public sealed record MedicationRound(string RoundId, string HomeId, string Wing, int DosesGiven, int DosesMissed, string Period);

public sealed record MedicationAdministration(string AdministrationId, string ResidentId, string ResidentName, string Drug, string CarerId, DateTimeOffset GivenAt);

public sealed record FallReport(string IncidentId, string ResidentId, string HomeId, string Description, int Severity, bool HospitalTransfer);

public sealed record IncidentSummary(string IncidentId, string HomeId, string Category, int Severity, bool Notifiable);

public sealed record FamilyContact(string ContactId, string ResidentId, string Name, string Email, string Phone, string Relationship);

public sealed record VisitBooking(string BookingId, string HomeId, string ResidentId, string VisitorName, string VisitorPhone, DateTimeOffset Slot);

public sealed record VisitSlot(string SlotId, string HomeId, DateTimeOffset Start, int Capacity, int Booked);

public sealed record VideoCall(string CallId, string ResidentId, string FamilyEmail, string DeviceId, int Minutes);

public sealed record FeeInvoice(string InvoiceId, string ResidentId, string PayerName, string PayerEmail, decimal Amount, string SortCode, string AccountNumber);

public sealed record FundingDecision(string DecisionId, string CouncilCode, string Band, decimal WeeklyRate, bool ContinuingHealthcare);

public sealed record RotaShift(string ShiftId, string HomeId, string CarerId, string CarerName, string Role, DateTimeOffset Start);

public sealed record RotaSummary(string RotaId, string HomeId, int ShiftCount, int Vacancies, int AgencyShifts);

public sealed record TransportBooking(string JourneyId, string ResidentId, string ResidentName, string PickupPostcode, string Destination, bool Wheelchair);

public sealed record MeterReading(string ReadingId, string HomeId, string MeterSerial, decimal Kwh, string RoomBand);

/// <summary>A carer's profile as the rota system holds it (no ToString of its own).</summary>
public sealed class CarerProfile
{
    public required string CarerId { get; init; }

    public required string Name { get; init; }

    public required string Mobile { get; init; }

    public string Grade { get; init; } = "senior-carer";
}

public class CareRecords
{
    public virtual Resident FindResident(string residentId) => new(residentId, "943 476 5919", "Edith Marsh", new DateOnly(1937, 4, 2), "HOME-12", "rose");

    public virtual CarePlan PlanFor(string residentId) => new("PLAN-1", residentId, "HOME-12", 6, "Needs two carers to transfer; likes tea at 4pm", new DateOnly(2026, 3, 1));

    public virtual IReadOnlyList<FamilyContact> FamilyOf(string residentId) => [new("FC-1", residentId, "Joan Marsh", "joan.marsh@example.org", "07700 900123", "daughter")];

    public virtual IReadOnlyList<MedicationAdministration> RoundEntries(string roundId) => [];

    public virtual VisitSlot SlotFor(string slotId) => new(slotId, "HOME-12", DateTimeOffset.UtcNow, 4, 2);

    public virtual CarerProfile Carer(string carerId) => new() { CarerId = carerId, Name = "Priya Shah", Mobile = "07700 900456" };

    public virtual FundingDecision Funding(string residentId) => new("FD-9", "E08000012", "nursing-b", 1150m, false);

    public virtual string CouncilFor(string residentId) => "E08000012";
}

/// <summary>The pharmacy's ordering gateway (a system of record, not telemetry).</summary>
public class PharmacyGateway
{
    public virtual Task<string> OrderAsync(string residentId, string drug, CancellationToken ct) => Task.FromResult("ORD-1");
}

/// <summary>The video calling provider (not telemetry).</summary>
public class CallProvider
{
    public virtual Task<string> StartAsync(string familyEmail, string deviceId, CancellationToken ct) => Task.FromResult("CALL-1");
}

/// <summary>The direct-debit gateway for fees (not telemetry).</summary>
public class FeesGateway
{
    public virtual Task<bool> CollectAsync(string sortCode, string accountNumber, decimal amount, CancellationToken ct) => Task.FromResult(true);
}

public sealed class ResidentNotFoundException(string residentId) : Exception($"No resident {residentId} in the care records");

public sealed class FamilyContactRejectedException(string email) : Exception($"Family contact {email} was rejected by the call provider");

public sealed class DirectDebitFailedException(string accountNumber, string payerName) : Exception($"Direct debit from {payerName} ({accountNumber}) was returned");

public sealed class PharmacyUnavailableException(string pharmacyCode, int status) : Exception($"Pharmacy {pharmacyCode} answered {status}");

public sealed class VisitSlotFullException(string slotId, int capacity) : Exception($"Visit slot {slotId} is full ({capacity} visitors)");

public sealed class RotaConflictException(string shiftId, string homeId) : Exception($"Shift {shiftId} at {homeId} overlaps another shift");
