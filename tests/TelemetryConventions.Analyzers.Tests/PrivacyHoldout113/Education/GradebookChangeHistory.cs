namespace PrivacyHoldout113.Education;

public sealed record GradeRow(string StudentNumber, string AssessmentId, string ClassCode, string Grade, int Mark, string? Comment);

/// <summary>Audits changes to the gradebook: every edited mark with its before and after, and the teacher who made it.</summary>
public sealed class GradebookChangeHistory(
    IAuditDataProvider audit,
    ILogger<GradebookChangeHistory> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly EduauditAuditEntriesCounter _entries = meter.CreateEduauditAuditEntriesCounter();
    private readonly Counter<long> _lateEdits = meter.CreateCounter<long>("eduaudit.grade.late_edits");

    public async Task OnGradeEditedAsync(GradeRow before, GradeRow after, string teacherStaffId, bool afterPublication, CancellationToken cancellationToken)
    {
        using var span = source.StartEduauditAuditWrite("grade", "update");
        span.SetEduauditActorId(pseudonymizer.PseudonymizeEduauditActorId(teacherStaffId)); // clean generated-api
        span.Activity?.SetTag("eduaudit.assessment", after.AssessmentId); // clean precision-names
        span.Activity?.SetTag("eduaudit.class", after.ClassCode); // clean precision-names
        span.Activity?.SetTag("eduaudit.mark.delta", after.Mark - before.Mark); // clean precision-about

        var diff = ObjectDiff.Compare(before, after);
        span.SetEduauditFieldCount(diff.Count); // clean precision-about
        logger.LogInformation("Grade for {Student} on {Assessment} changed by {Teacher}", after.StudentNumber, after.AssessmentId, teacherStaffId); // leak TC1001 direct
        logger.LogInformation("Grade fields changed: {Fields}", string.Join(",", diff.Select(d => d.Field))); // clean strings

        var entityEvent = new AuditEventEntityFramework { EventType = "gradebook.save", Database = "sis" };
        entityEvent.Entries.Add(new EventEntry
        {
            Table = "Grades",
            Action = "Update",
            PrimaryKey = new Dictionary<string, object?> { ["StudentNumber"] = after.StudentNumber, ["AssessmentId"] = after.AssessmentId },
            Changes = diff.Select(d => new EventEntryChange { ColumnName = d.Field, OriginalValue = d.Before, NewValue = d.After }).ToList(),
        });
        await audit.InsertEventAsync(entityEvent, cancellationToken);
        foreach (var entry in entityEvent.Entries)
        {
            logger.LogDebug("{Table} {Action} key {Key}", entry.Table, entry.Action, string.Join("/", entry.PrimaryKey.Values)); // leak TC1001 cross-member
            logger.LogDebug("{Table} {Action} key columns {Columns}", entry.Table, entry.Action, string.Join("/", entry.PrimaryKey.Keys)); // clean precision-names
            foreach (var change in entry.Changes.Where(c => c.ColumnName == nameof(GradeRow.Comment)))
            {
                span.Activity?.AddEvent(new ActivityEvent("eduaudit.comment.changed", tags: new ActivityTagsCollection { ["eduaudit.comment.before"] = change.OriginalValue })); // leak TC1001 cross-member
                span.Activity?.AddEvent(new ActivityEvent("eduaudit.comment.length", tags: new ActivityTagsCollection { ["eduaudit.comment.length"] = (change.NewValue as string)?.Length ?? 0 })); // clean precision-about
            }
        }

        if (afterPublication)
        {
            _lateEdits.Add(1, new KeyValuePair<string, object?>("eduaudit.teacher", teacherStaffId)); // leak TC1003 direct
            _lateEdits.Add(1, new KeyValuePair<string, object?>("eduaudit.class", after.ClassCode)); // clean precision-names
        }
        _entries.Add(1, "grade", "update", "written"); // clean generated-api
    }
}
