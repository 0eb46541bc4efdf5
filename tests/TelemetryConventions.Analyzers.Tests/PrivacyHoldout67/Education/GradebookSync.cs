using System.Security.Cryptography;

namespace PrivacyHoldout67.Education;

public sealed record GradeRow(string StudentNumber, string AssessmentId, string Grade, string? GuardianEmail, string? TutorComment);

public sealed record CourseGrades(string CourseCode, string Term, IReadOnlyList<GradeRow> Rows);

public interface IGradebook
{
    Task<IReadOnlyList<CourseGrades>> PendingAsync(CancellationToken cancellationToken);
}

/// <summary>The student information system refused a grade; its message quotes the student number.</summary>
public sealed class SisConflictException(string studentNumber, string assessmentId)
    : Exception($"Grade for {studentNumber} on {assessmentId} conflicts with a moderated grade");

public interface IStudentInformationSystem
{
    Task PushAsync(string courseCode, GradeRow row, CancellationToken cancellationToken);
}

/// <summary>
/// Every five minutes, pushes the grades tutors released to the student information system. One span
/// and one logging scope per course, in a loop that never ends while the host runs.
/// </summary>
public sealed class GradebookSync(IGradebook gradebook, IStudentInformationSystem sis, Pseudonymizer pseudonymizer, ILogger<GradebookSync> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("College.Gradebook.Sync");
    private static readonly Meter Meter = new("College.Gradebook");
    private static readonly Counter<long> Pushed = Meter.CreateCounter<long>("gradebook.grades.pushed");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("gradebook.grades.conflicts");
    private readonly CourseworkSubmissionsCheckedCounter _checked = Meter.CreateCourseworkSubmissionsCheckedCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var course in await gradebook.PendingAsync(stoppingToken))
            {
                using var activity = Source.StartActivity($"gradebook.sync {course.CourseCode} {course.Term}"); // clean strings
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["CourseCode"] = course.CourseCode, ["Term"] = course.Term }); // clean direct
                activity?.SetTag("gradebook.rows", course.Rows.Count);
                var failed = new List<string>();
                foreach (var row in course.Rows)
                {
                    if (!await PushOneAsync(course, row, activity, stoppingToken))
                    {
                        failed.Add(row.StudentNumber);
                        MarkFailed(activity, row.AssessmentId); // clean cross-member
                    }
                }
                activity?.SetTag("gradebook.failed", string.Join(";", failed)); // leak TC1001 strings
                MarkFailed(activity, failed.FirstOrDefault() ?? "none"); // leak TC1001 cross-member
            }
        }
    }

    // The moderation board reads these events to find what still needs a look.
    private static void MarkFailed(Activity? activity, string subject) =>
        activity?.AddEvent(new ActivityEvent("gradebook.failed", tags: new ActivityTagsCollection { ["subject"] = subject }));

    private async Task<bool> PushOneAsync(CourseGrades course, GradeRow row, Activity? courseActivity, CancellationToken ct)
    {
        using var rowScope = logger.BeginScope("Student {StudentNumber}", row.StudentNumber); // leak TC1001 direct
        try
        {
            await sis.PushAsync(course.CourseCode, row, ct);
            Pushed.Add(1, new KeyValuePair<string, object?>("course", course.CourseCode), new("grade", row.Grade)); // clean precision-about
            logger.LogDebug("Pushed {@Row}", row); // leak TC1001 logging-objects
            logger.LogDebug("Pushed {@Grade}", new { row.AssessmentId, row.Grade, Commented = row.TutorComment is not null }); // clean logging-objects
        }
        catch (SisConflictException ex)
        {
            courseActivity?.AddException(ex); // leak TC1001 exceptions
            courseActivity?.AddEvent(new ActivityEvent("gradebook.conflict", tags: new ActivityTagsCollection { ["assessment"] = row.AssessmentId, ["error.type"] = ex.GetType().Name })); // clean exceptions
            Conflicts.Add(1, new KeyValuePair<string, object?>("student", row.StudentNumber)); // leak TC1003 direct
            Conflicts.Add(1, new KeyValuePair<string, object?>("student.ref", pseudonymizer.ComputeCourseworkStudentId(row.StudentNumber))); // leak TC1003 precision-pseudonym
            _checked.Add(1, "sis-conflict", "conflict"); // clean generated-api
            logger.LogWarning("Grade for {Assessment} left for moderation", row.AssessmentId);
            return false;
        }

        if (row.TutorComment is { Length: > 0 } comment)
        {
            courseActivity?.AddEvent(new ActivityEvent("gradebook.commented", tags: new ActivityTagsCollection { ["assessment"] = row.AssessmentId, ["comment.length"] = comment.Length })); // clean precision-about
            logger.LogDebug("Tutor comment pushed: {Comment}", comment); // leak TC1001 direct
        }

        if (row.GuardianEmail is { } guardian)
        {
            NotifyGuardian(row, guardian); // leak TC1001 cross-member
        }
        ReleaseCohort(row); // leak TC1002 cross-member
        return true;
    }

    private void NotifyGuardian(GradeRow row, string guardian)
    {
        var current = Activity.Current;
        current?.AddEvent(new ActivityEvent("guardian.notified", tags: new ActivityTagsCollection { ["recipient"] = guardian, ["assessment"] = row.AssessmentId })); // leak TC1001 direct
        current?.SetTag("guardian.channel", guardian.Contains('@') ? "email" : "sms"); // clean precision-about
        logger.LogInformation("Guardian of {Student} notified of {Assessment}", pseudonymizer.ComputeCourseworkStudentId(row.StudentNumber), row.AssessmentId); // clean precision-pseudonym
    }

    // Grades are released to the students' app in cohorts of sixteen, to spread the load.
    private static void ReleaseCohort(GradeRow row)
    {
        var cohort = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(row.StudentNumber)))[..1];
        Activity.Current?.SetTag("gradebook.release.cohort", cohort); // leak TC1002 hashes
        Activity.Current?.SetTag("gradebook.release.slot", row.AssessmentId.GetHashCode() & 0xF); // clean hashes
    }
}
