namespace Helplines.Wellbeing;

// Pupil wellbeing, safer play, employee assistance and rail care.

/// <summary>A counselling session. Prints session id, student number, pupil name, counsellor name and time.</summary>
public sealed record WellbeingSession(string SessionId, string StudentNumber, string PupilName, string CounsellorName, DateTimeOffset At);

/// <summary>A safeguarding alert. Prints alert id, student number, category and the reporter's email.</summary>
public sealed record SafeguardingAlert(string AlertId, string StudentNumber, string Category, string ReporterEmail);

/// <summary>A self-exclusion. Prints player id, gamertag, email and months.</summary>
public sealed record SelfExclusion(Guid PlayerId, string Gamertag, string Email, int Months);

/// <summary>An exclusion's receipt. Prints exclusion id, months and end date.</summary>
public sealed record ExclusionReceipt(string ExclusionId, int Months, DateOnly EndsOn);

/// <summary>An EAP case. Prints case id, employee number, name and category.</summary>
public sealed record EapCase(string CaseId, string EmployeeNumber, string EmployeeName, string Category);

/// <summary>A station intervention. Prints id, station, platform, the person's description, the staff id and time.</summary>
public sealed record StationIntervention(string InterventionId, string Station, string Platform, string? PersonDescription, string StaffId, DateTimeOffset At);

/// <summary>The station's summary. Prints station, interventions and trained staff on shift.</summary>
public sealed record StationSummary(string Station, int Interventions, int TrainedStaff);

/// <summary>The case stores; not telemetry.</summary>
public interface ICaseStore
{
    Task SaveAsync(object record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WellbeingSession>> TodayAsync(string school, CancellationToken cancellationToken = default);
}

/// <summary>The player is excluded; quotes the gamertag.</summary>
public sealed class ExclusionActiveException(string gamertag, DateOnly endsOn) : Exception($"{gamertag} is self-excluded until {endsOn:yyyy-MM-dd}");

/// <summary>No such pupil; quotes the student number.</summary>
public sealed class PupilNotFoundException(string studentNumber) : Exception($"No pupil {studentNumber}");

/// <summary>The case is closed; quotes the case id.</summary>
public sealed class CaseClosedException(string caseId) : Exception($"Case {caseId} is closed");
