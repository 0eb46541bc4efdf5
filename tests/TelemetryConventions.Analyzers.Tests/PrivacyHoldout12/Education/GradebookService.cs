using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Education;

public sealed partial class GradebookService(CampusDbContext db, ILogger<GradebookService> logger, Pseudonymizer pseudonymizer)
{
    private const int MaxAttempts = 3;

    private static readonly ActivitySource Source = new("Campus.Gradebook");

    public async Task<Result> RecordMarkAsync(Guid gradeId, decimal mark, string markerEmail, CancellationToken cancellationToken)
    {
        using var save = Source.StartPersistenceSave(nameof(GradeRecord)); // clean generated-api
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var grade = await db.Grades.FirstOrDefaultAsync(g => g.Id == gradeId, cancellationToken);
            if (grade is null)
            {
                LogGradeMissing(logger, gradeId); // clean direct
                return Result.Failure(Error.NotFound("grade.not_found", $"Grade {gradeId} does not exist"));
            }

            grade.Mark = mark;
            grade.MarkerEmail = markerEmail;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                save.SetPersistenceRetryAttempt(attempt); // clean precision-about
                save.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(grade.StudentNumber)); // clean generated-api
                return Result.Success();
            }
            catch (DbUpdateConcurrencyException ex)
            {
                foreach (var entry in ex.Entries)
                {
                    var current = await entry.GetDatabaseValuesAsync(cancellationToken);
                    if (current is null)
                    {
                        logger.LogWarning(ex, "Grade {GradeId} was deleted while it was being marked", gradeId); // clean exceptions
                        return Result.Failure(Error.Conflict("grade.deleted", "The grade was deleted"));
                    }

                    var otherMarker = current.GetValue<string?>(nameof(GradeRecord.MarkerEmail));
                    logger.LogWarning("Grade {GradeId} was re-marked concurrently by {OtherMarker}", gradeId, otherMarker); // leak TC1001 cross-member
                    save.AddPersistenceConflictEvent("grades.version", $"attempt {attempt}: {entry.Metadata.ShortName()} reloaded from the database"); // clean strings
                    save.AddPersistenceConflictEvent("grades.version", $"mark of {grade.StudentNumber} in {grade.ModuleCode} overwritten"); // leak TC1001 strings
                    entry.OriginalValues.SetValues(current);
                }
            }
        }

        save.SetStatus(ActivityStatusCode.Error, $"gave up after {MaxAttempts} attempts"); // clean strings
        return Result.Failure(Error.Conflict("grade.contended", "The grade kept changing; try again"));
    }

    public async Task<int> PublishModuleAsync(string moduleCode, CancellationToken cancellationToken)
    {
        var grades = await db.Grades.AsNoTracking().ToListAsync(cancellationToken);
        var unmarked = grades.FindAll(g => g.ModuleCode == moduleCode && g.MarkerEmail is null);
        using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["ModuleCode"] = moduleCode, ["Unmarked"] = unmarked.Count })) // clean logging-objects
        {
            foreach (var grade in unmarked)
            {
                LogUnmarked(logger, grade.StudentNumber, grade.ModuleCode); // leak TC1001 direct
            }

            using (logger.BeginScope(unmarked.ConvertAll(g => g.StudentNumber))) // leak TC1001 logging-objects
            {
                logger.LogWarning("Module {ModuleCode} published with {UnmarkedStudentCount} unmarked scripts", moduleCode, unmarked.Count); // clean precision-names
            }
        }

        return grades.Count - unmarked.Count;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Grade {GradeId} not found")]
    private static partial void LogGradeMissing(ILogger logger, Guid gradeId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Script of {StudentNumber} in {ModuleCode} is unmarked")]
    private static partial void LogUnmarked(ILogger logger, string studentNumber, string moduleCode);
}
