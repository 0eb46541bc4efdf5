namespace Driving.Medical;

// Fitness to drive: GP and optician reports to the licensing agency.

/// <summary>A GP's fitness-to-drive report. Prints report id, NHS number, licence number, condition code, GP's name and verdict.</summary>
public sealed record FitnessReport(string ReportId, string NhsNumber, string LicenceNumber, string ConditionCode, string GpName, string Verdict);

/// <summary>An optician's eyesight check. Prints check id, patient's name, licence number, acuity and whether the standard is met.</summary>
public sealed record EyesightCheck(string CheckId, string PatientName, string LicenceNumber, double Acuity, bool MeetsStandard);

/// <summary>A notifiable condition's rule. Prints notification id, condition code and licence category; names no one.</summary>
public sealed record ConditionRule(string NotificationId, string ConditionCode, string Category, int StandDownMonths);

public interface IAgencyMedicalGateway
{
    Task<string> SubmitAsync(FitnessReport report, CancellationToken cancellationToken = default);

    Task<ConditionRule> RuleAsync(string conditionCode, CancellationToken cancellationToken = default);
}

/// <summary>The patient isn't registered with the practice; quotes the NHS number.</summary>
public sealed class PatientNotRegisteredException(string nhsNumber) : Exception($"NHS number {nhsNumber} is not registered here");

/// <summary>The agency refused a report; quotes its reason code.</summary>
public sealed class AgencyRejectedException(string reasonCode) : Exception($"Agency rejected the report: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
