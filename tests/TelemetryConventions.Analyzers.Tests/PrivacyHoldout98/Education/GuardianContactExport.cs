namespace PrivacyHoldout98.Education;

/// <summary>
/// The school office's export of guardian contacts for the messaging provider, and the audit helper the office
/// uses to note who changed a guardian's details.
/// </summary>
public sealed class GuardianContactExport(
    IExportWriter writer,
    Pseudonymizer pseudonymizer,
    ILogger<GuardianContactExport> logger)
{
    private static readonly ActivitySource Source = new("Schools.Sis.Exports");
    private static readonly Meter Meter = new("Schools.Sis.Exports");
    private static readonly Counter<long> Exported = Meter.CreateCounter<long>("sis.exports.guardians");

    public async Task ExportAsync(string yearGroup, StaffPrincipal requestedBy, IReadOnlyList<(string StudentNumber, string GuardianEmail, string GuardianPhone)> rows)
    {
        var request = new ExportRequest($"guardians-{yearGroup}-{DateTime.UtcNow:yyyyMMdd}", "guardian_contacts", ["student_number", "guardian_email", "guardian_phone"], $"year_group = '{yearGroup}'", requestedBy.Upn);
        using var span = Source.StartSisadminAdminAction("export", "guardian_contact").SetSisadminExportDataset(request.Dataset); // clean generated-api
        span.Activity?.SetTag("sis.export.year_group", yearGroup); // clean precision-names
        Exported.Add(rows.Count, new KeyValuePair<string, object?>("year_group", yearGroup)); // clean precision-names

        var missingPhone = rows.Where(r => string.IsNullOrEmpty(r.GuardianPhone)).Select(r => r.StudentNumber).ToList();
        logger.LogWarning("Guardians without a phone for students {Students}", missingPhone); // leak TC1001 logging-objects
        logger.LogWarning("{Count} guardians without a phone", missingPhone.Count); // clean precision-about
        var preview = string.Join(Environment.NewLine, rows.Take(2).Select(r => $"{r.StudentNumber};{r.GuardianEmail};{r.GuardianPhone}"));
        logger.LogDebug("Export preview:\n{Preview}", preview); // leak TC1001 strings

        var written = await writer.WriteAsync(request);
        NoteChange(span.Activity, requestedBy.Upn, "export", written.ExportId); // leak TC1001 cross-member
        NoteChange(span.Activity, "sis-exporter", "export", written.ExportId); // clean cross-member
        span.SetSisadminExportRows(written.Rows); // clean precision-about
    }

    public void GuardianChanged(StaffPrincipal registrar, string studentNumber, string oldPhone, string newPhone)
    {
        using var span = Source.StartSisadminAdminAction("update", "guardian_contact");
        span.SetSisadminStudentId(pseudonymizer.PseudonymizeSisadminStudentId(studentNumber)); // clean precision-pseudonym
        span.SetSisadminNote($"guardian phone {oldPhone} -> {newPhone}"); // leak TC1001 generated-api
        span.Activity?.SetTag("sis.guardian.phone_country", newPhone.StartsWith("+44", StringComparison.Ordinal) ? "GB" : "other"); // clean precision-about
        logger.LogInformation("Guardian of {Student} changed by {Registrar}", studentNumber, registrar.StaffId); // leak TC1001 direct
        var digest = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(newPhone)));
        span.Activity?.SetTag("sis.guardian.phone_ref", digest); // leak TC1002 hashes
    }

    /// <summary>Writes who did what to the current span, for the office's trace view.</summary>
    private static void NoteChange(Activity? activity, string actor, string action, string target)
    {
        activity?.AddEvent(new ActivityEvent("admin.change", tags: new ActivityTagsCollection { ["actor"] = actor, ["action"] = action, ["target"] = target })); // leak TC1001 direct
    }
}
