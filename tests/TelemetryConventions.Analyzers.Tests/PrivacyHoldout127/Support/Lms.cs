namespace LearnKit.Lms;

// The shapes of an LMS client (enrolments, course progress, SCORM runtime data, LTI grade passback).

public enum EnrolmentStatus
{
    Active,
    Suspended,
    Completed,
    Withdrawn,
}

/// <summary>A course offered by the LMS. Prints its members.</summary>
public sealed record Course(string Code, string Title, int Modules, TimeSpan EstimatedDuration);

/// <summary>One person's enrolment on a course. Prints its members, the user's login and email among them.</summary>
public sealed record Enrolment(Guid EnrolmentId, string CourseCode, string UserLogin, string UserEmail, string Role, EnrolmentStatus Status, DateOnly EnrolledOn);

/// <summary>A learner's progress through a course. Prints its members.</summary>
public sealed record CourseProgress(Guid EnrolmentId, string CourseCode, int ModulesCompleted, int ModulesTotal, double PercentComplete, DateTimeOffset LastAccessedUtc);

public interface ILmsClient
{
    Task<Course?> GetCourseAsync(string courseCode, CancellationToken cancellationToken = default);

    Task<Enrolment> EnrolAsync(string courseCode, string userLogin, string userEmail, string role, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Enrolment>> GetEnrolmentsAsync(string courseCode, CancellationToken cancellationToken = default);

    Task<CourseProgress> GetProgressAsync(Guid enrolmentId, CancellationToken cancellationToken = default);
}

/// <summary>The LMS refused an enrolment because the user already has one; its message quotes the user's login and the course.</summary>
public sealed class EnrolmentConflictException(string userLogin, string courseCode)
    : Exception($"User '{userLogin}' is already enrolled on '{courseCode}'")
{
    public string CourseCode { get; } = courseCode;
}

/// <summary>The course is full; its message quotes the course and its capacity.</summary>
public sealed class CourseFullException(string courseCode, int capacity)
    : Exception($"Course '{courseCode}' is full ({capacity} places)")
{
    public string CourseCode { get; } = courseCode;
}

/// <summary>
/// The SCORM 1.2 run-time data a package reports (<c>cmi.core.student_id</c>, <c>cmi.core.student_name</c>,
/// <c>cmi.core.lesson_status</c>, <c>cmi.core.score.raw</c>, <c>cmi.core.session_time</c>, <c>cmi.suspend_data</c>).
/// </summary>
public sealed class ScormRuntimeData : Dictionary<string, string>
{
    public ScormRuntimeData()
        : base(StringComparer.Ordinal)
    {
    }

    public string LessonStatus => TryGetValue("cmi.core.lesson_status", out var s) ? s : "not attempted";
}

/// <summary>
/// An LTI grade passback failed. The tool consumer's message quotes the <c>lis_result_sourcedid</c>, which the
/// consumer builds from the course, the resource and the user's login.
/// </summary>
public sealed class GradePassbackException(string sourcedId, string message)
    : Exception($"Outcome replaceResult failed for sourcedid '{sourcedId}': {message}")
{
    public string SourcedId { get; } = sourcedId;
}
