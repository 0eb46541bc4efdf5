namespace PrivacyHoldout65.Healthcare;

/// <summary>The patient as the PAS returns it. The platform's taxonomy classifies the identifiers.</summary>
public sealed class PatientSummary
{
    [PersonalData]
    public required string HospitalNumber { get; init; }

    [PersonalData]
    public required string NhsNumber { get; init; }

    [SensitiveData]
    public required string FamilyName { get; init; }

    public required int AgeInYears { get; init; }

    public string? Mobile { get; init; }

    public bool HasAlerts { get; init; }
}

/// <summary>What the bed board shows for a bed. The hospital number is kept for the porters' screen, not for logs.</summary>
public sealed class BedStatus
{
    public required string Ward { get; init; }

    public required string Bed { get; init; }

    public required string Specialty { get; init; }

    [LogPropertyIgnore]
    public string? HospitalNumber { get; init; }

    [SensitiveData]
    public string? IsolationReason { get; init; }
}

public enum AdmissionSource
{
    Emergency,
    Elective,
    Transfer,
}

public sealed record AdmissionRequest(string AdmissionId, string Ward, AdmissionSource Source, PatientSummary Patient, string AdmittingStaffNumber, string? PresentingComplaint);

public sealed record BedMove(string AdmissionId, string FromWard, string ToWard, string HospitalNumber, DateTimeOffset MovedAt);

public sealed record BedAllocation(string AdmissionId, string Ward, string Bed, int WaitMinutes);

/// <summary>The admissions service's log messages (event ids 4100–4149).</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(EventId = 4101, EventName = "AdmissionReceived", Level = LogLevel.Information, Message = "Admission {AdmissionId} received for ward {Ward} from {Source}")]
    public static partial void AdmissionReceived(this ILogger logger, string admissionId, string ward, AdmissionSource source);

    [LoggerMessage(EventId = 4102, EventName = "PatientAdmitted", Level = LogLevel.Information, Message = "Patient {HospitalNumber} admitted to {Ward}")]
    public static partial void PatientAdmitted(this ILogger logger, [PersonalData] string hospitalNumber, string ward);

    [LoggerMessage(EventId = 4103, EventName = "NoBedAvailable", Level = LogLevel.Warning, Message = "No bed on {Ward} for patient {HospitalNumber}")]
    public static partial void NoBedAvailable(this ILogger logger, string ward, string hospitalNumber);

    [LoggerMessage(EventId = 4104, EventName = "AdmissionAccepted", Level = LogLevel.Information, Message = "Admission accepted")]
    public static partial void AdmissionAccepted(this ILogger logger, string admissionId, [LogProperties] PatientSummary patient);

    [LoggerMessage(EventId = 4105, EventName = "BedAssigned", Level = LogLevel.Information, Message = "Bed assigned")]
    public static partial void BedAssigned(this ILogger logger, [LogProperties(OmitReferenceName = true)] BedStatus bed);

    [LoggerMessage(EventId = 4106, EventName = "AdmissionFailed", Level = LogLevel.Error, Message = "Admission {AdmissionId} failed")]
    public static partial void AdmissionFailed(this ILogger logger, Exception exception, string admissionId);

    [LoggerMessage(EventId = 4107, EventName = "BedMoved", Level = LogLevel.Information, Message = "Bed move {@Move}")]
    public static partial void BedMoved(this ILogger logger, BedMove move);

    [LoggerMessage(EventId = 4108, EventName = "BedAllocated", Level = LogLevel.Information, Message = "Bed allocated {@Allocation}")]
    public static partial void BedAllocated(this ILogger logger, BedAllocation allocation);

    [LoggerMessage(EventId = 4109, EventName = "ComplaintRecorded", Level = LogLevel.Debug, Message = "Presenting complaint recorded ({Length} characters)")]
    public static partial void ComplaintRecorded(this ILogger logger, int length, [SensitiveData] string complaint);

    [LoggerMessage(EventId = 4110, EventName = "NextOfKinTexted", Level = LogLevel.Information, Message = "Next of kin texted for admission {AdmissionId}")]
    public static partial void NextOfKinTexted(this ILogger logger, string admissionId, string recipient);

    [LoggerMessage(EventId = 4111, EventName = "AdmittedBy", Level = LogLevel.Information, Message = "Admitted by {StaffNumber} on {Ward}")]
    public static partial void AdmittedBy(this ILogger logger, string staffNumber, string ward);

    [LoggerMessage(EventId = 4112, EventName = "WardsOnDivert", Level = LogLevel.Warning, Message = "Wards on divert: {Wards}")]
    public static partial void WardsOnDivert(this ILogger logger, IReadOnlyList<string> wards);
}
