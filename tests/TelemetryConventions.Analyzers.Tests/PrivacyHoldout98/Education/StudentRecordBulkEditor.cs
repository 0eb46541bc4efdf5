namespace PrivacyHoldout98.Education;

/// <summary>
/// The school office's bulk edits: move a tutor group to a new form tutor, correct students' emails from the
/// uploaded sheet, and write the audit trail of every changed field.
/// </summary>
public sealed class StudentRecordBulkEditor(
    IBulkEditor editor,
    IAdminAuditLog audit,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<StudentRecordBulkEditor> logger)
{
    private static readonly ActivitySource Source = new("Schools.Sis.Bulk");
    private static readonly Meter Meter = new("Schools.Sis.Bulk");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("sis.bulk.batch_size");
    private readonly SisadminAdminActionsCounter _actions = Meter.CreateSisadminAdminActionsCounter();

    public async Task MoveTutorGroupAsync(string jobId, string tutorGroup, string newTutorStaffId, IReadOnlyList<string> studentNumbers)
    {
        using var span = Source.StartSisadminAdminAction("bulk_edit", "tutor_group").SetSisadminBulkSize(studentNumbers.Count); // clean generated-api
        span.Activity?.SetTag("sis.bulk.tutor_group", tutorGroup); // clean precision-names
        span.Activity?.SetTag("sis.bulk.new_tutor", newTutorStaffId); // leak TC1001 direct
        BatchSize.Record(studentNumbers.Count, new KeyValuePair<string, object?>("target_type", "tutor_group")); // clean precision-names

        var result = await editor.ApplyAsync(new BulkEditRequest(jobId, "student", "tutor_group", tutorGroup, studentNumbers));
        logger.LogInformation("Tutor group move {Result}", result); // clean logging-objects
        if (result.Errors.Count > 0)
        {
            logger.LogWarning("Tutor group move {JobId}: students not moved {StudentNumbers}", jobId, string.Join(";", result.Errors.Select(e => e.Key))); // leak TC1001 strings
            logger.LogWarning("Tutor group move {JobId}: failure reasons {Reasons}", jobId, result.Errors.Select(e => e.Reason).Distinct().ToList()); // clean precision-about
        }
        _actions.Add(1, "bulk_edit", result.Errors.Count == 0 ? "done" : "partial"); // clean generated-api
    }

    public async Task CorrectEmailsAsync(StaffPrincipal registrar, IReadOnlyDictionary<string, string> newEmailByStudent)
    {
        using var span = Source.StartSisadminAdminAction("bulk_edit", "student_email");
        span.SetSisadminOperatorId(pseudonymizer.PseudonymizeSisadminOperatorId(registrar.StaffId)); // clean precision-pseudonym
        var row = 0;
        foreach (var (studentNumber, newEmail) in newEmailByStudent)
        {
            row++;
            try
            {
                if (!newEmail.EndsWith("@students.example.sch.uk", StringComparison.OrdinalIgnoreCase))
                {
                    throw new RowValidationException(studentNumber, "email", newEmail);
                }
                var change = new FieldChange("email", null, newEmail);
                await audit.AppendAsync(new AdminAuditEntry(Guid.NewGuid(), "update", registrar.Upn, "student", studentNumber, DateTimeOffset.UtcNow) { Changes = [change] });
                logger.LogDebug("Row {Row}: {Change}", row, change); // leak TC1001 logging-objects
                logger.LogDebug("Row {Row}: changed field {Field}", row, change.Field); // clean precision-names
            }
            catch (RowValidationException ex)
            {
                logger.LogWarning("Row {Row} rejected: {Message}", row, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Row {Row} rejected on field {Field}", row, ex.Field); // clean exceptions
                span.Activity?.AddEvent(new ActivityEvent("row.rejected", tags: new ActivityTagsCollection { ["row"] = row, ["error.type"] = ex.GetType().Name })); // clean exceptions
            }
        }
        span.SetSisadminBulkSize(newEmailByStudent.Count).SetSisadminOutcome("done"); // clean precision-about
    }

    public async Task ShowHistoryAsync(string studentNumber)
    {
        var history = await audit.ForTargetAsync("student", studentNumber);
        logger.LogInformation("History for {Student}: {Entries} entries", pseudonymizer.ComputeSisadminStudentId(studentNumber), history.Count); // clean precision-pseudonym
        var last = history.LastOrDefault();
        if (last is not null)
        {
            logger.LogInformation("Last change {Entry}", last with { ActorUpn = "-", TargetId = "-" }); // clean logging-objects
            logger.LogInformation("Last change {Entry}", last); // leak TC1001 logging-objects
            var bucket = (uint)last.ActorUpn.GetHashCode() % 64;
            Activity.Current?.SetTag("sis.history.editor_bucket", bucket); // leak TC1002 hashes
        }
    }
}
