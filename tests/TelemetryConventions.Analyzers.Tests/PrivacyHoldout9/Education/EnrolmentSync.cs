using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Data;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Education;

public sealed record GradeRow(string StudentNumber, string CourseCode, decimal Score);

public sealed record GradeBatchSummary(string CourseCode, int Rows, decimal AverageScore);

/// <summary>Consumes the student information system's JSON webhooks.</summary>
public sealed class EnrolmentWebhookHandler(ILogger<EnrolmentWebhookHandler> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Campus.Sync");

    public void Handle(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var email = root.GetProperty("email").GetString() ?? string.Empty;
        var studentId = root.GetProperty("student").GetProperty("id").GetString() ?? string.Empty;
        var courseCode = root.GetProperty("course").GetString();
        using var job = Source.StartIntakeJob("sis-webhook");
        var activity = Activity.Current;
        activity?.SetTag("enrolment.course", courseCode); // clean direct
        activity?.SetTag("enrolment.student_email", email); // leak TC1001 direct
        activity?.SetTag("enrolment.email_present", email.Length > 0); // clean precision-about
        job.SetIntakeSubjectId(pseudonymizer.PseudonymizeIntakeSubjectId(studentId)); // clean generated-api
        job.SetIntakeNote($"enrolled {studentId} on {courseCode}"); // leak TC1001 generated-api
        logger.LogInformation("Enrolment webhook for student {Student}", pseudonymizer.ComputeIntakeSubjectId(studentId)); // clean precision-pseudonym
        activity?.SetTag("enrolment.payload_properties", root.EnumerateObject().Count()); // clean precision-about
    }

    public void HandleGuardianChange(string body)
    {
        var node = JsonNode.Parse(body)!;
        var studentNumber = node["studentId"]!.GetValue<string>();
        var guardianPhone = (string?)node["guardian"]?["phone"];
        logger.LogInformation("Guardian contact changed for {StudentNumber}", studentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("guardian.phone", guardianPhone); // leak TC1001 direct
        Activity.Current?.SetTag("guardian.phone_changed", guardianPhone is not null); // clean precision-about
        var changed = node["changedFields"]?.AsArray().Count ?? 0;
        Activity.Current?.SetTag("guardian.changed_fields", changed); // clean precision-about
    }
}

/// <summary>Moves grades from the assessment platform's export (a DataTable) into the gradebook.</summary>
public sealed class GradebookImport(ILogger<GradebookImport> logger, Pseudonymizer pseudonymizer)
{
    private readonly byte[] _shardKey = Convert.FromBase64String(Environment.GetEnvironmentVariable("GRADEBOOK_SHARD_KEY") ?? "AAAA");

    public void Import(DataTable grades)
    {
        var activity = Activity.Current;
        var rows = new List<GradeRow>();
        foreach (DataRow row in grades.Rows)
        {
            var grade = new GradeRow((string)row["StudentNumber"], (string)row["CourseCode"], (decimal)row["Score"]);
            rows.Add(grade);
            if (grade.Score > 100)
            {
                logger.LogWarning("Score out of range on {@Grade}", grade); // leak TC1001 logging-objects
            }
        }

        var summary = new GradeBatchSummary(rows.FirstOrDefault()?.CourseCode ?? "none", rows.Count, rows.Count == 0 ? 0 : rows.Average(r => r.Score));
        logger.LogInformation("Grade batch imported {@Summary}", summary); // clean logging-objects
        var first = grades.Rows.Count > 0 ? grades.Rows[0] : null;
        activity?.SetTag("gradebook.first_student", first?["StudentNumber"]); // leak TC1001 direct
        activity?.SetTag("gradebook.student_number_column", grades.Columns.IndexOf("StudentNumber")); // clean precision-names
        foreach (var grade in rows)
        {
            var shard = HMACSHA256.HashData(_shardKey, Encoding.UTF8.GetBytes(grade.StudentNumber))[0] % 16;
            activity?.AddEvent(new ActivityEvent("gradebook.shard", tags: new ActivityTagsCollection { ["shard"] = shard })); // clean hashes
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(grade.StudentNumber)));
            activity?.AddEvent(new ActivityEvent("gradebook.row", tags: new ActivityTagsCollection { ["student.digest"] = digest })); // leak TC1002 hashes
        }

        var projection = rows.Select(r => (r.StudentNumber, r.Score)).ToList();
        logger.LogDebug("Top scorer {Top}", projection.MaxBy(p => p.Score)); // leak TC1001 logging-objects
        logger.LogDebug("Course codes {Courses}", rows.Select(r => r.CourseCode).Distinct().ToArray()); // clean logging-objects
    }
}
