namespace SafetyKit.Safeguarding;

// A safeguarding case management client in the shape of CPOMS and MyConcern: concerns about a child or an
// adult at risk, raised by a member of staff and escalated to the designated safeguarding lead.

public enum RiskLevel { Low, Medium, High, Immediate }

/// <summary>A concern about one person.</summary>
public sealed record SafeguardingConcern(string ConcernId, string SubjectRef, string SubjectName, string RaisedByStaffId, string Category, RiskLevel Risk, string Narrative);

/// <summary>An escalation to the designated safeguarding lead or an outside agency.</summary>
public sealed record Escalation(string ConcernId, string Agency, string DslStaffId, DateTimeOffset At);

public sealed record ConcernFiled(string ConcernId, int OpenConcernsForSubject, bool Escalated);

public interface ISafeguardingCaseStore
{
    Task<ConcernFiled> FileAsync(SafeguardingConcern concern, CancellationToken cancellationToken = default);

    Task EscalateAsync(Escalation escalation, CancellationToken cancellationToken = default);
}

/// <summary>Only the DSL may open this subject's chronology; the message names the subject.</summary>
public sealed class ChronologyRestrictedException(string subjectRef)
    : Exception($"Chronology for {subjectRef} is restricted to the designated safeguarding lead")
{
    public string SubjectRef { get; } = subjectRef;
}

/// <summary>The case store did not answer in time.</summary>
public sealed class CaseStoreTimeoutException(string operation, TimeSpan waited)
    : Exception($"Case store '{operation}' timed out after {waited.TotalSeconds:0}s");
