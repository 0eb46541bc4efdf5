using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Education;

public sealed record StudentProgress(string StudentNumber, string CourseCode, decimal AverageMark, int MissingAssignments, string PredictedGrade);

public sealed record UpcomingDeadline(string AssignmentId, string Title, DateTimeOffset DueAt);

public sealed class StudentNotEnrolledException(string studentNumber, string courseCode)
    : Exception($"Student {studentNumber} is not enrolled on {courseCode}.")
{
    public string CourseCode { get; } = courseCode;
}

public interface IGradebook
{
    Task<StudentProgress?> GetProgressAsync(string studentNumber, string courseCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<UpcomingDeadline>> GetDeadlinesAsync(string courseCode, CancellationToken cancellationToken);
}

/// <summary>
/// The tutor assistant's plugin: the functions the model may call while it helps a student plan
/// their revision. Registered on the tutor kernel as "tutor".
/// </summary>
public sealed class TutorPlugin(IGradebook gradebook, Pseudonymizer pseudonymizer, ILogger<TutorPlugin> logger)
{
    [KernelFunction("get_student_progress")]
    [Description("Returns the student's average mark, missing assignments and predicted grade on a course.")]
    public async Task<StudentProgress> GetStudentProgressAsync(
        [Description("The student's number, e.g. S2301234")] string studentNumber,
        [Description("The course code, e.g. MATH1012")] string courseCode,
        CancellationToken cancellationToken = default)
    {
        Activity.Current?.SetTag("tutor.student_number", studentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("tutor.course.code", courseCode);
        logger.LogInformation("Progress lookup for {StudentRef} on {Course}", pseudonymizer.ComputeAssistantSubjectId(studentNumber), courseCode); // clean precision-pseudonym

        return await gradebook.GetProgressAsync(studentNumber, courseCode, cancellationToken)
            ?? throw new StudentNotEnrolledException(studentNumber, courseCode);
    }

    [KernelFunction("get_course_deadlines")]
    [Description("Lists the upcoming assignment deadlines of a course.")]
    public async Task<IReadOnlyList<UpcomingDeadline>> GetCourseDeadlinesAsync(string courseCode, CancellationToken cancellationToken = default)
    {
        var deadlines = await gradebook.GetDeadlinesAsync(courseCode, cancellationToken);
        logger.LogDebug("Deadlines for {Course}: {Deadlines}", courseCode, deadlines); // clean logging-objects
        return deadlines;
    }
}
