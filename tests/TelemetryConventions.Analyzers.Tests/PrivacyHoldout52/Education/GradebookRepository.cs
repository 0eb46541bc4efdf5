using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Education;

public sealed record GradeRow(long GradeId, string StudentNumber, string AssessmentCode, decimal Mark, string MarkedBy, byte[] RowVersion);

public sealed record CourseGradeSummary(string CourseCode, string TermCode, int Graded, decimal Average);

public sealed class GradeVersionConflictException(long gradeId, string assessmentCode)
    : Exception($"Grade {gradeId} for {assessmentCode} was changed by someone else");

public interface IGradebookConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Dapper over the gradebook database, with a memory cache for the course views teachers refresh all day.</summary>
public sealed class GradebookRepository(IGradebookConnectionFactory connections, IMemoryCache cache, ILogger<GradebookRepository> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Education.Gradebook");

    public async Task<CourseGradeSummary?> GetCourseSummaryAsync(string courseCode, string termCode, CancellationToken cancellationToken)
    {
        var cacheKey = $"gradebook:{courseCode}:{termCode}";
        using var span = Source.StartDataOperation("query", "Grade").SetDataQueryName("CourseSummary").SetDataCacheKey(cacheKey); // clean generated-api

        if (cache.TryGetValue<CourseGradeSummary>(cacheKey, out var cached))
        {
            meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "CourseSummary", dataCacheHit: true, dataCacheKey: cacheKey); // clean generated-api
            return cached;
        }

        var query = new { CourseCode = courseCode, TermCode = termCode };
        logger.LogDebug("Loading course summary {@Query}", query); // clean logging-objects

        await using var connection = await connections.OpenAsync(cancellationToken);
        var summary = await connection.QueryFirstOrDefaultAsync<CourseGradeSummary>("gradebook.usp_CourseSummary", query, commandType: CommandType.StoredProcedure);
        cache.Set(cacheKey, summary, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) });
        meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "CourseSummary", dataCacheHit: false); // clean precision-about
        return summary;
    }

    public async Task<IReadOnlyList<GradeRow>> GetStudentGradesAsync(string studentNumber, string termCode, CancellationToken cancellationToken)
    {
        var cacheKey = $"student-grades:{studentNumber}:{termCode}";
        var memoBucket = HashCode.Combine(studentNumber, termCode) & 0x3F;
        Activity.Current?.SetTag("gradebook.memo_bucket", memoBucket); // leak TC1002 hashes

        if (cache.TryGetValue<IReadOnlyList<GradeRow>>(cacheKey, out var cached) && cached is not null)
        {
            logger.LogDebug("Grades served from cache {CacheKey} ({Count} rows)", cacheKey, cached.Count); // leak TC1001 strings
            return cached;
        }

        var parameters = new { StudentNumber = studentNumber, TermCode = termCode };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<GradeRow>(
            "SELECT grade_id, student_number, assessment_code, mark, marked_by, row_version FROM gradebook.grades WHERE student_number = @StudentNumber AND term_code = @TermCode",
            parameters)).ToList();

        logger.LogDebug("Loaded {Count} grades for {@Parameters}", rows.Count, parameters); // leak TC1001 logging-objects
        Activity.Current?.SetTag("gradebook.rows", rows.Count); // clean precision-about
        cache.Set(cacheKey, rows, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        return rows;
    }

    /// <summary>Changes a mark if nobody else has since the teacher opened it (row version check in the WHERE clause).</summary>
    public async Task UpdateMarkAsync(GradeRow grade, decimal newMark, string teacherStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", "Grade").SetDataRecordKey(grade.GradeId.ToString()); // clean direct

        await using var connection = await connections.OpenAsync(cancellationToken);
        var affected = await connection.ExecuteAsync(
            "UPDATE gradebook.grades SET mark = @Mark, marked_by = @MarkedBy WHERE grade_id = @GradeId AND row_version = @RowVersion",
            new { Mark = newMark, MarkedBy = teacherStaffId, grade.GradeId, grade.RowVersion });

        span.SetDataRows(affected); // clean precision-about
        if (affected == 0)
        {
            var conflict = new GradeVersionConflictException(grade.GradeId, grade.AssessmentCode);
            span.RecordException(conflict, includeMessage: true); // clean exceptions
            logger.LogWarning("Mark on {AssessmentCode} changed since it was opened (was {OldMark}, marked by {MarkedBy})", grade.AssessmentCode, grade.Mark, grade.MarkedBy); // leak TC1001 cross-member
            throw conflict;
        }

        logger.LogInformation("Mark for grade {GradeId} changed from {OldMark} to {NewMark}", grade.GradeId, grade.Mark, newMark); // clean precision-about
        logger.LogInformation("Mark changed by {TeacherStaffId}", teacherStaffId); // leak TC1001 direct
        cache.Remove($"student-grades:{grade.StudentNumber}");
    }
}
