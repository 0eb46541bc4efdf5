using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Education;

public sealed record SubmissionUpload(string StudentNumber, string CourseCode, string AssignmentId, IReadOnlyList<string> FileNames, DateTimeOffset Deadline);

public sealed record Student(string StudentNumber, string PreferredName, string? GuardianEmail, string? GuardianPhone, int YearGroup);

public interface IStudentRegistry
{
    Task<Student?> FindAsync(string studentNumber, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/courses/{courseCode}/submissions")]
public sealed class SubmissionsController(IStudentRegistry registry, Pseudonymizer pseudonymizer, ILogger<SubmissionsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Campus.Submissions");
    private static readonly Meter Meter = new("Campus.Submissions");
    private static readonly CampusSubmissionsCounter Submissions = Meter.CreateCampusSubmissionsCounter();
    private static readonly Histogram<long> UploadedFiles = Meter.CreateHistogram<long>("campus.upload.files");

    [HttpPost]
    public async Task<ActionResult> Upload(string courseCode, [FromBody] SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var student = pseudonymizer.Pseudonymize(CampusAttributes.StudentId, upload.StudentNumber);
        var late = DateTimeOffset.UtcNow > upload.Deadline;
        using var span = Source.StartCampusSubmission(student) // clean precision-pseudonym
            .SetCampusSubmissionFileCount(upload.FileNames.Count);
        span.SetCampusSubmissionStatus(late ? CampusSubmissionStatus.Late : CampusSubmissionStatus.OnTime); // clean generated-api
        span.SetCampusTerm("2026-autumn"); // clean generated-api
        span.SetCampusGraderComment($"uploaded by {upload.StudentNumber}"); // leak TC1001 generated-api
        span.SetCampusSubmissionStatus(CampusSubmissionStatusValue.Custom($"extension-{upload.StudentNumber}")); // leak TC1001 generated-api
        span.Activity?.SetTag("campus.course.code", courseCode); // clean precision-names
        span.Activity?.SetTag("campus.assignment.id", upload.AssignmentId); // clean precision-names

        UploadedFiles.Record(upload.FileNames.Count, new KeyValuePair<string, object?>("campus.course.code", courseCode)); // clean direct
        UploadedFiles.Record(upload.FileNames.Count, new KeyValuePair<string, object?>("student.number", upload.StudentNumber)); // leak TC1003 direct
        Submissions.Add(1, campusTerm: "2026-autumn", campusSubmissionStatus: late ? CampusSubmissionStatus.Late : CampusSubmissionStatus.OnTime); // clean generated-api

        var record = await registry.FindAsync(upload.StudentNumber, cancellationToken);
        if (record is null)
        {
            span.SetStatus(ActivityStatusCode.Error, "student not found"); // clean generated-api
            span.SetStatus(ActivityStatusCode.Error, "student not found: " + upload.StudentNumber); // leak TC1001 generated-api
            return NotFound();
        }

        span.Activity?.SetTag("campus.student.year_group", record.YearGroup); // clean precision-about
        span.Activity?.SetTag("campus.student.has_guardian", record.GuardianEmail is not null); // clean precision-about
        logger.LogInformation("Submission stored for {StudentName}", record.PreferredName); // leak TC1001 precision-names
        if (late && record.GuardianEmail is not null)
        {
            logger.LogInformation("Late submission notice sent to {GuardianEmail}", record.GuardianEmail); // leak TC1001 precision-names
            span.AddCampusSubmissionRegradedEvent($"guardian notified on {record.GuardianPhone}"); // leak TC1001 precision-names
        }

        return Ok();
    }

    [HttpGet("roster")]
    public ActionResult Roster(string courseCode, IReadOnlyList<Student> students)
    {
        Activity.Current?.SetTag("campus.roster.student_count", students.Count); // clean precision-names
        Activity.Current?.SetTag("campus.roster.year_groups", string.Join(",", students.Select(s => s.YearGroup).Distinct())); // clean strings
        Activity.Current?.SetTag("campus.roster.students", string.Join(",", students.Select(x => x.StudentNumber))); // leak TC1001 strings
        logger.LogDebug("Roster for {CourseCode}: {Guardians}", courseCode, students.Where(s => s.GuardianEmail != null).Select(s => s.GuardianEmail).ToArray()); // leak TC1001 precision-names
        return Ok(students.Count);
    }
}
