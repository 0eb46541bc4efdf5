using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Education;

public sealed record Course(string Code, string Title, string Term, int Capacity);

public sealed record Enrolment(string CourseCode, string StudentNumber, string DisplayName, string YearGroup);

public sealed record ChatLine(string LessonId, string StudentNumber, string Body, DateTimeOffset SentAt);

public interface IEnrolments
{
    Task<bool> IsEnrolledAsync(string studentNumber, string lessonId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Enrolment>> ForCourseAsync(string courseCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<Course>> CoursesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);
}

internal static class ClassroomTelemetry
{
    public static readonly ActivitySource Source = new("Campus.LiveClassroom");

    public static readonly Meter Meter = new("Campus.LiveClassroom");
}
