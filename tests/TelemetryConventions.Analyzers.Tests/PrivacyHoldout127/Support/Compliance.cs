namespace LearnKit.Compliance;

/// <summary>A mandatory training requirement. Prints its members.</summary>
public sealed record TrainingRequirement(string Code, string Title, int RenewalMonths, IReadOnlyList<string> StaffGroups);

/// <summary>A unit's compliance against one requirement. Prints its members.</summary>
public sealed record ComplianceSnapshot(string Unit, string RequirementCode, int Required, int Compliant)
{
    public double Percent => Required == 0 ? 100 : 100.0 * Compliant / Required;
}

/// <summary>One person overdue on a requirement. Prints its members: staff number, name, requirement and due date.</summary>
public sealed record OverdueItem(string StaffNumber, string FullName, string RequirementCode, DateOnly DueOn);

/// <summary>A CPD log entry. Prints its members: registration number, activity, category, hours and reflection.</summary>
public sealed record CpdEntry(string RegistrationNumber, string Activity, string Category, double Hours, string Reflection);

/// <summary>What a professional register says of a registration: its status and renewal date. Prints its members.</summary>
public sealed record RegistrationStatus(string Register, string Status, DateOnly RenewalDue);

public interface IProfessionalRegister
{
    Task<RegistrationStatus> LookupAsync(string registrationNumber, CancellationToken cancellationToken = default);
}

/// <summary>The register has no such registration; quotes the number looked up.</summary>
public sealed class RegistrationNotFoundException(string register, string registrationNumber)
    : Exception($"{register}: no registration {registrationNumber}")
{
    public string Register { get; } = register;
}

public interface IComplianceStore
{
    Task<IReadOnlyList<OverdueItem>> OverdueAsync(string unit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ComplianceSnapshot>> SnapshotAsync(string requirementCode, CancellationToken cancellationToken = default);

    Task RecordCompletionAsync(string staffNumber, string requirementCode, DateOnly completedOn, CancellationToken cancellationToken = default);
}

/// <summary>Sends reminder emails; not telemetry.</summary>
public interface IReminderMailer
{
    Task SendAsync(string toEmail, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}
