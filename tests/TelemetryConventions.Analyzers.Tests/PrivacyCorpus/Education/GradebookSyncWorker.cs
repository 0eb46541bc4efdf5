using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Education;

public sealed record GradeRow(string StudentId, string CourseCode, decimal Score, string GradedBy);

public interface IGradebookSource
{
    Task<IReadOnlyList<GradeRow>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

public static class StudentKeys
{
    // FNV-1a, so exports can be joined without "sharing student numbers".
    public static uint Fnv(string studentId)
    {
        uint hash = 2166136261;
        foreach (var c in studentId)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    public static string Salted(string studentId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("campus-2024|" + studentId)));

    public static string Keyed(byte[] key, string studentId) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(studentId)));
}

/// <summary>Pushes changed grades to the district's gradebook every five minutes.</summary>
public sealed class GradebookSyncWorker(IGradebookSource source, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<GradebookSyncWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Tracing = new("Campus.GradebookSync");
    private static readonly Meter Meter = new("Campus.GradebookSync");
    private static readonly Counter<long> Synced = Meter.CreateCounter<long>("campus.grades.synced");

    private readonly List<string> _failedStudents = new();
    private string _lastStudentId = string.Empty;
    private DateTimeOffset _since = DateTimeOffset.UtcNow.AddMinutes(-5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SyncOnceAsync(stoppingToken);
            ReportFailures();
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        }
    }

    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = Tracing.StartActivity("gradebook.sync");
        var rows = await source.ChangedSinceAsync(_since, cancellationToken);
        _since = DateTimeOffset.UtcNow;
        activity?.SetTag("campus.sync.rows", rows.Count); // clean precision-about

        foreach (var row in rows)
        {
            if (!TryPush(row, out var rejectedStudent))
            {
                _failedStudents.Add(rejectedStudent);
                activity?.AddEvent(new ActivityEvent("campus.sync.rejected", tags: new ActivityTagsCollection { { "student", rejectedStudent } })); // leak TC1001 cross-member
                continue;
            }

            _lastStudentId = row.StudentId;
            Synced.Add(1, new KeyValuePair<string, object?>("campus.course.code", row.CourseCode)); // clean direct
            Synced.Add(1, new KeyValuePair<string, object?>("campus.student.shard", Convert.ToInt32(StudentKeys.Keyed(secrets.ShardKey, row.StudentId)[..2], 16) % 8)); // clean precision-about
            activity?.SetTag("campus.sync.last_student_fnv", StudentKeys.Fnv(row.StudentId)); // leak TC1002 hashes
            activity?.SetTag("campus.sync.last_student_key", StudentKeys.Salted(row.StudentId)); // leak TC1002 hashes
            activity?.SetTag("campus.sync.last_student_ref", StudentKeys.Keyed(secrets.PseudonymKey, row.StudentId)); // clean hashes
        }

        var byStudent = rows.GroupBy(r => r.StudentId).ToDictionary(g => g.Key, g => g.Count());
        activity?.SetTag("campus.sync.max_rows_per_student", byStudent.Count == 0 ? 0 : byStudent.Values.Max()); // clean precision-about
        Func<GradeRow, string> label = r => r.StudentId + "/" + r.CourseCode;
        logger.LogDebug("First row {Row}", rows.Count > 0 ? label(rows[0]) : "none"); // leak TC1001 cross-member
        string Owner(GradeRow r) => r.StudentId;
        logger.LogDebug("First row belongs to {Owner}", rows.Count > 0 ? Owner(rows[0]) : "none"); // leak TC1001 cross-member
    }

    private bool TryPush(GradeRow row, out string rejectedStudent)
    {
        rejectedStudent = row.StudentId;
        return row.Score >= 0;
    }

    private void ReportFailures()
    {
        using var activity = Tracing.StartActivity("gradebook.report");
        activity?.SetTag("campus.sync.last_student", _lastStudentId); // leak TC1001 cross-member
        activity?.SetTag("campus.sync.last_student", pseudonymizer.Compute("campus.student.id", _lastStudentId)); // clean precision-pseudonym
        activity?.SetTag("campus.sync.failed_count", _failedStudents.Count); // clean precision-about
        var joined = new StringBuilder();
        joined.AppendJoin(';', _failedStudents);
        activity?.SetTag("campus.sync.failed", joined.ToString()); // leak TC1001 cross-member
        activity?.SetTag("campus.sync.failed_first", _failedStudents.FirstOrDefault()); // leak TC1001 cross-member
        activity?.SetTag("campus.sync.report_time", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)); // clean direct
        _failedStudents.Clear();
    }
}
