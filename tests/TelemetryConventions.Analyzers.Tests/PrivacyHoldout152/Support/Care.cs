namespace EarlyYears.Care;

// Medicines given at nursery, accident and incident reports, and the two-year check with the health visitor.

/// <summary>A dose given at nursery. Prints dose id, child id, medicine, dose, the practitioner who gave it, the witness and the time.</summary>
public sealed record MedicationDose(string DoseId, string ChildId, string Medicine, string Dose, string GivenBy, string WitnessedBy, DateTimeOffset GivenAt);

/// <summary>A medicine plan. Prints plan id, medicine, dose, the daily maximum and whether consent is on file (no child).</summary>
public sealed record MedicinePlan(string PlanId, string Medicine, string Dose, int MaxPerDay, bool ParentConsentOnFile);

/// <summary>An allergy alert for the kitchen. Prints the child's id and name, allergen codes and room.</summary>
public sealed record AllergyAlert(string ChildId, string ChildName, IReadOnlyList<string> AllergenCodes, string Room);

/// <summary>An accident report. Prints report id, child id, room, injury code, the practitioner's description, the first aider's staff id and whether the head was hurt.</summary>
public sealed record AccidentReport(string ReportId, string ChildId, string Room, string InjuryCode, string Description, string FirstAiderId, bool HeadInjury);

/// <summary>An accident's summary for the manager's dashboard. Prints report id, room, injury code, head injury and whether a parent signed.</summary>
public sealed record AccidentSummary(string ReportId, string Room, string InjuryCode, bool HeadInjury, bool ParentSigned);

/// <summary>A two-year progress check shared with the health visitor. Prints check id, child id, NHS number, the health visitor's name, ASQ scores and concerns.</summary>
public sealed record TwoYearCheck(string CheckId, string ChildId, string NhsNumber, string HealthVisitorName, IReadOnlyDictionary<string, int> AsqScores, string Concerns);

/// <summary>One ASQ domain's result. Prints check id, domain, score and whether it is below the cut-off.</summary>
public sealed record AsqResult(string CheckId, string Domain, int Score, bool BelowCutoff);

/// <summary>The nursery's medication record; not telemetry.</summary>
public interface IMedicationRecord
{
    Task<MedicinePlan?> PlanAsync(string childId, string medicine, CancellationToken cancellationToken = default);

    Task<int> DosesTodayAsync(string childId, string medicine, CancellationToken cancellationToken = default);

    Task SaveAsync(MedicationDose dose, CancellationToken cancellationToken = default);
}

/// <summary>The accident book and the local authority's notifiable incidents; not telemetry.</summary>
public interface IAccidentBook
{
    Task SaveAsync(AccidentReport report, CancellationToken cancellationToken = default);

    Task NotifyOfstedAsync(AccidentReport report, CancellationToken cancellationToken = default);
}

/// <summary>The health visiting team's gateway; not telemetry.</summary>
public interface IHealthVisitorGateway
{
    Task<IReadOnlyList<AsqResult>> ShareAsync(TwoYearCheck check, CancellationToken cancellationToken = default);
}

/// <summary>The daily maximum was reached; quotes the medicine and the maximum.</summary>
public sealed class DoseLimitExceededException(string medicine, int maxPerDay) : Exception($"{medicine} already given {maxPerDay} times today");

/// <summary>No consent is on file; quotes the child's first name and the medicine.</summary>
public sealed class ConsentMissingException(string childName, string medicine) : Exception($"No parental consent for {medicine} for {childName}");

/// <summary>The health visitor's record has another NHS number; quotes it.</summary>
public sealed class NhsNumberMismatchException(string nhsNumber) : Exception($"NHS number {nhsNumber} does not match the child record");

/// <summary>The health visiting gateway failed; quotes the HTTP status.</summary>
public sealed class HealthVisitorGatewayException(int status) : Exception($"Health visiting gateway returned {status}");
