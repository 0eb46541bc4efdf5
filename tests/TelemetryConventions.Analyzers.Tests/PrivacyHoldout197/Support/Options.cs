namespace PrivacyHoldout197.Support;

/// <summary>The driving test platform settings the services bind from configuration.</summary>
public sealed class DrivingTestOptions
{
    public string Centre { get; init; } = "CTR-001";

    public int CancellationNoticeDays { get; init; } = 3;

    public int TheoryPassMark { get; init; } = 43;

    public int HazardPassMark { get; init; } = 44;

    public int MaxRebookAttempts { get; init; } = 5;

    public bool TraceExaminerIds { get; init; }
}

/// <summary>Identifier spaces the services pseudonymise people in.</summary>
public static class Spaces
{
    public const string Candidate = "candidate";

    public const string Instructor = "instructor";

    public const string Examiner = "examiner";
}
