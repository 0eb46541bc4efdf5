namespace SafetyKit.Incidents;

// An incident management platform's client in the shape of the ones trusts, schools and operators buy
// (Datix, InPhase, Sentinel): a report with the people involved, witness statements and the platform's errors.

public enum HarmGrade { None, Low, Moderate, Severe, Death }

public enum PersonRole { Patient, Pupil, Customer, Passenger, Player, Contributor, Colleague, Contractor, Visitor, Witness, Member }

/// <summary>A person involved in an incident, as the reporter typed them in.</summary>
public sealed record InvolvedPerson(PersonRole Role, string Identifier, string FullName, string? Phone, string? Email, bool Injured);

/// <summary>An incident or near miss as submitted.</summary>
public sealed record IncidentReport(
    string IncidentRef,
    string Category,
    HarmGrade Harm,
    string Location,
    DateTimeOffset OccurredAt,
    string ReportedByStaffNumber,
    string Narrative,
    IReadOnlyList<InvolvedPerson> People)
{
    public bool IsNearMiss => Category.EndsWith("near-miss", StringComparison.Ordinal);
}

public sealed record IncidentSubmitResult(string IncidentRef, string Status, string HandlerQueue, DateTimeOffset AcceptedAt);

/// <summary>A witness statement taken by a member of staff.</summary>
public sealed record WitnessStatement(string StatementId, string IncidentRef, string WitnessName, string WitnessPhone, string Text, DateTimeOffset SignedAt);

/// <summary>A first aid treatment entered in the first aid book.</summary>
public sealed record FirstAidEntry(string EntryId, string CasualtyName, string Injury, string Treatment, string FirstAiderStaffNumber, bool SentToHospital);

public interface IIncidentClient
{
    Task<IncidentSubmitResult> SubmitAsync(IncidentReport report, CancellationToken cancellationToken = default);

    Task<IncidentReport?> GetAsync(string incidentRef, CancellationToken cancellationToken = default);

    Task AttachStatementAsync(WitnessStatement statement, CancellationToken cancellationToken = default);
}

/// <summary>The platform refused a field; its message quotes the field and the value it refused.</summary>
public sealed class IncidentValidationException(string field, string value)
    : Exception($"Field '{field}' rejected: '{value}' is not valid")
{
    public string Field { get; } = field;
}

/// <summary>The platform already holds this incident.</summary>
public sealed class DuplicateIncidentException(string incidentRef)
    : Exception($"Incident {incidentRef} has already been submitted")
{
    public string IncidentRef { get; } = incidentRef;
}

/// <summary>The platform is down for maintenance.</summary>
public sealed class IncidentPlatformUnavailableException(TimeSpan retryAfter)
    : Exception($"Incident platform unavailable, retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
