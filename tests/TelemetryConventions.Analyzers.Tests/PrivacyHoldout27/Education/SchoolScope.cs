using System;

namespace PrivacyHoldout27.Education;

/// <summary>The academy a request is for. Scoped: one per request, filled by the tenant resolver.</summary>
public sealed class SchoolTenant
{
    public string Urn { get; set; } = string.Empty;

    public string SchoolName { get; set; } = string.Empty;

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;
}

/// <summary>The learner signed in to the learning platform. Scoped, filled from the token.</summary>
public sealed class LearnerSession
{
    public string StudentNumber { get; set; } = string.Empty;

    /// <summary>The learner's pseudonym, computed once per request with the generated helper.</summary>
    public string LearnerRef { get; set; } = string.Empty;

    public string GuardianEmail { get; set; } = string.Empty;

    public int YearGroup { get; set; }
}

public sealed record MisGradeRow(string StudentNumber, string CourseCode, string Grade, string GuardianEmail);

public sealed class MisRecordLockedException(string studentNumber)
    : Exception($"The MIS record of learner {studentNumber} is locked by another user");
