namespace PrivacyHoldout87.Education;

/// <summary>
/// Bulk import of teachers from the academy's MIS export (<c>email,full_name,role,staff_id</c>).
/// Each academy of the trust is a tenant; every valid row gets a teacher seat.
/// </summary>
public sealed class TeacherCsvImport(ISeatStore seats, TenantSettings settings, Pseudonymizer pseudonymizer, Meter meter, ILogger<TeacherCsvImport> logger)
{
    private static readonly ActivitySource Source = new("Mat.Tenancy.Import");
    private static readonly string[] ExpectedHeader = ["email", "full_name", "role", "staff_id"];

    private readonly Histogram<int> _rowsPerFile = meter.CreateHistogram<int>("mat.import.rows", "{row}");
    private readonly List<(int Row, string Reason, string Email)> _rejected = new();

    public async Task ImportAsync(string academyId, string fileName, IReadOnlyList<string> lines, CancellationToken ct)
    {
        using var activity = Source.StartActivity("import.teachers");
        activity?.SetTag("import.academy", academyId); // clean precision-about
        activity?.SetTag("import.file", fileName); // clean precision-about
        logger.LogDebug("Tenant settings {Settings}", settings); // clean logging-objects

        var header = CsvLine.Split(lines[0]);
        var emailColumnIndex = Array.FindIndex(header, h => h.Equals("email", StringComparison.OrdinalIgnoreCase));
        logger.LogDebug("Email column at {EmailColumnIndex} of {ColumnCount}", emailColumnIndex, header.Length); // clean precision-names
        var missing = ExpectedHeader.Except(header, StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length > 0)
        {
            logger.LogError("Import {File} is missing columns {Missing}; header was {Header}", fileName, missing, lines[0]); // clean precision-about
            return;
        }

        var rows = new List<ImportRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = CsvLine.Split(lines[i]);
            try
            {
                if (!cells[0].Contains('@'))
                {
                    throw new CsvImportException(i + 1, "email", cells[0]);
                }

                rows.Add(new ImportRow(i + 1, cells[0], cells[1], cells[2], cells[3]));
            }
            catch (CsvImportException ex)
            {
                logger.LogWarning("Skipping row {Row} ({Column}): {Error}", ex.Row, ex.Column, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Row {Row} rejected at column {Column}", ex.Row, ex.Column); // clean exceptions
                _rejected.Add((ex.Row, "bad-email", cells[0]));
            }
            catch (IndexOutOfRangeException)
            {
                logger.LogWarning("Row {Row} is short: {Line}", i + 1, lines[i]); // leak TC1001 direct
                _rejected.Add((i + 1, "short-row", cells[0]));
            }
        }

        _rowsPerFile.Record(rows.Count, new KeyValuePair<string, object?>("academy", academyId)); // clean precision-about

        foreach (var row in rows)
        {
            using var span = Source.StartMatseatsSeatAssign(academyId);
            span.SetMatseatsRole(row.Role); // clean precision-about
            try
            {
                await seats.AssignAsync(academyId, "teacher-standard", row.Email, ct);
                span.SetMatseatsTeacherId(pseudonymizer.PseudonymizeMatseatsTeacherId(row.ExternalId ?? row.Email)); // clean precision-pseudonym
            }
            catch (DuplicateMemberException ex)
            {
                logger.LogMatseatsSeatRejectedEvent(academyId, "duplicate", matseatsImportRow: row.RowNumber, matseatsNote: ex.Message); // leak TC1001 generated-api
                logger.LogInformation("Row {Row}: {@Row}", row.RowNumber, row); // leak TC1001 logging-objects
            }
            catch (SeatLimitExceededException ex)
            {
                logger.LogMatseatsSeatRejectedEvent(academyId, "limit", matseatsImportRow: row.RowNumber, matseatsNote: ex.Message); // clean generated-api
                span.SetMatseatsNote($"stopped at row {row.RowNumber} of {rows.Count}"); // clean generated-api
                break;
            }
        }

        activity?.SetTag("import.rows", rows.Count); // clean precision-about
        logger.LogWarning("Rejected rows: {Rejected}", string.Join("; ", _rejected.Select(r => $"{r.Row}:{r.Reason}"))); // clean precision-about
        logger.LogDebug("Rejected addresses: {Emails}", _rejected.Select(r => r.Email)); // leak TC1001 cross-member
        activity?.AddEvent(new ActivityEvent("import.done", tags: new ActivityTagsCollection { ["teacherCount"] = rows.Count, ["staffIdColumn"] = "staff_id" })); // clean precision-names
        var first = rows.FirstOrDefault();
        if (first is not null)
        {
            activity?.SetTag("import.first_row", $"{first.RowNumber}:{first.FullName}"); // leak TC1001 strings
        }
    }
}
