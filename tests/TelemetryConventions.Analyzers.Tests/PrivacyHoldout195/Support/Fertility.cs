namespace PrivacyHoldout195.Support;

// The fertility platform's records and systems of record. None of these is telemetry.

public sealed record FertilityPatient(
    string PatientNumber, string NhsNumber, string FullName, string Email, string MobileNumber, DateOnly DateOfBirth, string? PartnerName, string? PartnerNumber);

public sealed record TreatmentCycle(string CycleId, string PatientNumber, string ClinicCode, string Protocol, int CycleNumber, string FundingRoute);

public sealed record ScanAppointment(string AppointmentId, string CycleId, string PatientNumber, string PatientName, DateTime StartsAt, string ScanType, string RoomCode);

public sealed record EggCollection(string CollectionId, string CycleId, string PatientNumber, int OocytesRetrieved, string TheatreCode, string? SedationNotes);

public sealed record DonorProfile(
    string DonorCode, string FullName, string Email, DateOnly DateOfBirth, string DonorType, string Ethnicity, int FamiliesCreated, bool IdentityReleaseConsented);

public sealed record DonorMatch(string MatchId, string DonorCode, string RecipientPatientNumber, string DonorType, double Score);

/// <summary>A match as the clinic reports it: no donor and no recipient.</summary>
public sealed record DonorMatchSummary(string MatchId, string DonorType, string ClinicCode, double Score);

public sealed record EmbryoStorageRecord(string StrawId, string TankId, string PatientNumber, string? PartnerNumber, DateOnly ConsentExpires, int EmbryoCount);

public sealed record ConsentRenewal(string RenewalId, string PatientNumber, string PatientEmail, DateOnly ConsentExpires, int YearsRequested);

public sealed record CounsellingSession(string SessionId, string PatientNumber, string CounsellorName, string SessionNotes, string SessionType, int Minutes);

public sealed record FundingApplication(string ApplicationId, string NhsNumber, string IcbCode, int PatientAge, double Bmi, bool Eligible, string DecisionReason);

/// <summary>A storage tank's reading: a thing.</summary>
public sealed record TankReading(string TankId, string SiteCode, double NitrogenLevelPercent, double TemperatureC);

/// <summary>An embryologist's worksheet entry, a class without ToString.</summary>
public sealed class EmbryologyWorksheet
{
    public required string WorksheetId { get; init; }

    public required string PatientNumber { get; init; }

    public required string EmbryologistName { get; init; }

    public int EmbryosGraded { get; init; }
}

public interface IPatientRegistry
{
    FertilityPatient? Find(string patientNumber);

    Task<FertilityPatient?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken);
}

public interface ICycleStore
{
    TreatmentCycle? Find(string cycleId);

    Task SaveAsync(TreatmentCycle cycle, CancellationToken cancellationToken);

    IReadOnlyList<ScanAppointment> ScansFor(string cycleId);
}

public interface IScanDiary
{
    ScanAppointment Book(string cycleId, string patientNumber, string scanType, DateTime at);

    EggCollection RecordCollection(string cycleId, int oocytes, string theatreCode);
}

public interface IDonorRegister
{
    DonorProfile? Find(string donorCode);

    IReadOnlyList<DonorMatch> Matches(string recipientPatientNumber);

    void RecordFamily(string donorCode, string recipientPatientNumber);
}

public interface IStorageLedger
{
    IReadOnlyList<EmbryoStorageRecord> ExpiringWithin(int days);

    void Extend(string strawId, DateOnly until);
}

public interface ICounsellingDiary
{
    CounsellingSession Book(string patientNumber, string sessionType, DateTime at);
}

public interface IFundingPortal
{
    Task<FundingApplication> AssessAsync(string nhsNumber, string icbCode, CancellationToken cancellationToken);
}

public interface IReminderMailer
{
    Task SendAsync(string email, string subject, string body, CancellationToken cancellationToken);
}

// Exceptions. The first four quote a person; the others quote only things.

public sealed class PatientNotFoundException(string patientNumber)
    : Exception($"No fertility patient with number {patientNumber}");

public sealed class DonorLimitReachedException(string donorCode, int families)
    : Exception($"Donor {donorCode} has already created {families} families");

public sealed class ConsentExpiredException(string patientName, DateOnly expiry)
    : Exception($"Storage consent for {patientName} expired on {expiry:yyyy-MM-dd}");

public sealed class FundingDeclinedException(string nhsNumber, string reason)
    : Exception($"Funding declined for NHS number {nhsNumber}: {reason}");

public sealed class TankAlarmException(string tankId, double level)
    : Exception($"Tank {tankId} nitrogen level at {level:F1}%");

public sealed class ClinicSystemUnavailableException(string system, int statusCode)
    : Exception($"{system} answered {statusCode}");

public sealed class SlotUnavailableException(string roomCode, DateTime at)
    : Exception($"Room {roomCode} has no free slot at {at:HH:mm}");
