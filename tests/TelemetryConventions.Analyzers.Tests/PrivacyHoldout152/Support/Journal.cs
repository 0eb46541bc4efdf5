namespace EarlyYears.Journal;

// The learning journal (EYFS observations by the key person) and transition reports to reception classes.

/// <summary>An observation in a child's learning journal. Prints observation id, child id, key person's staff id, EYFS area, the text and the photo count.</summary>
public sealed record Observation(string ObservationId, string ChildId, string KeyPersonId, string Area, string Text, int PhotoCount);

/// <summary>A next step from the EYFS framework. Prints area and statement.</summary>
public sealed record NextStep(string Area, string Statement);

/// <summary>A transition report to a school. Prints child id, name, the UPN if known, the receiving school's URN and the key person's summary.</summary>
public sealed record TransitionReport(string ChildId, string ChildName, string? Upn, string ReceivingSchoolUrn, string Summary);

/// <summary>A batch of transition reports. Prints batch id, school URN, reports and date.</summary>
public sealed record TransitionBatch(string BatchId, string SchoolUrn, int Reports, DateOnly SentOn);

/// <summary>The learning journal store; not telemetry.</summary>
public interface IJournalStore
{
    Task<Observation?> FindAsync(string observationId, CancellationToken cancellationToken = default);

    Task SaveAsync(Observation observation, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NextStep>> NextStepsAsync(string childId, string area, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TransitionReport>> LeaversAsync(string settingUrn, CancellationToken cancellationToken = default);
}

/// <summary>The local authority's school transfer hub; not telemetry.</summary>
public interface ISchoolTransferGateway
{
    Task<TransitionBatch> SendAsync(string schoolUrn, IReadOnlyList<TransitionReport> reports, CancellationToken cancellationToken = default);
}

/// <summary>The observation was signed off; quotes its id.</summary>
public sealed class ObservationLockedException(string observationId) : Exception($"Observation {observationId} is signed off");

/// <summary>The school has no place for the child; quotes the child's name and the school.</summary>
public sealed class SchoolRejectedTransferException(string childName, string schoolUrn) : Exception($"School {schoolUrn} has no place for {childName}");
