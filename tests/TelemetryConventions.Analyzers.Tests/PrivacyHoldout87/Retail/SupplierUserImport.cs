namespace PrivacyHoldout87.Retail;

/// <summary>
/// Suppliers upload their users as CSV (<c>email,full_name,role,vendor_ref</c>); valid rows get a
/// supplier-portal seat, invalid rows come back as row errors. <c>vendor_ref</c> is the supplier's
/// own staff reference for the person.
/// </summary>
public sealed class SupplierUserImport(ISeatStore seats, Pseudonymizer pseudonymizer, Meter meter, ILogger<SupplierUserImport> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Tenancy.Import");

    private readonly Counter<long> _rowErrors = meter.CreateCounter<long>("supplier.import.row_errors", "{row}");

    public sealed record RowError(int RowNumber, string Field, string Message);

    public async Task<IReadOnlyList<RowError>> RunAsync(string supplierId, Stream csv, CancellationToken ct)
    {
        using var span = Source.StartSupplierseatsSeatAssign(supplierId);
        var errors = new List<RowError>();
        var imported = new List<ImportRow>();
        using var reader = new StreamReader(csv);
        var header = await reader.ReadLineAsync(ct);
        span.SetSupplierseatsNote($"header: {header}"); // clean generated-api
        var rowNumber = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            rowNumber++;
            var cells = CsvLine.Split(line);
            if (cells.Length < 4)
            {
                errors.Add(new RowError(rowNumber, "*", $"expected 4 cells, got {cells.Length}"));
                continue;
            }

            if (!cells[0].Contains('@'))
            {
                errors.Add(new RowError(rowNumber, "email", $"'{cells[0]}' is not an email address"));
                continue;
            }

            if (cells[2] is not ("buyer" or "viewer" or "supplier-admin"))
            {
                errors.Add(new RowError(rowNumber, "role", $"unknown role '{cells[2]}'"));
                continue;
            }

            imported.Add(new ImportRow(rowNumber, cells[0], cells[1], cells[2], cells[3]));
        }

        foreach (var error in errors)
        {
            logger.LogSupplierseatsSeatRejectedEvent(supplierId, "invalid-row", supplierseatsImportRow: error.RowNumber, supplierseatsNote: error.Message); // leak TC1001 generated-api
            _rowErrors.Add(1, new KeyValuePair<string, object?>("supplier", supplierId), new KeyValuePair<string, object?>("field", error.Field)); // clean precision-about
        }

        logger.LogWarning("Row errors: {Errors}", errors.Select(e => $"{e.RowNumber}/{e.Field}")); // clean precision-about
        logger.LogWarning("Row errors in full: {@Errors}", errors); // leak TC1001 logging-objects
        span.SetSupplierseatsSeatCount(imported.Count); // clean precision-about

        foreach (var row in imported)
        {
            await seats.AssignAsync(supplierId, "supplier-portal", row.Email, ct);
            logger.LogDebug("Imported row {Row} as {Role} ({RefLength}-character vendor ref)", row.RowNumber, row.Role, row.ExternalId?.Length ?? 0); // clean precision-about
            logger.LogDebug("Imported {Name} <{Email}>", row.FullName, row.Email); // leak TC1001 direct
            var shard = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.Email)))[..2];
            logger.LogDebug("Row {Row} shard {Shard}", row.RowNumber, shard); // leak TC1002 hashes
            span.SetSupplierseatsSupplieruserId(pseudonymizer.PseudonymizeSupplierseatsSupplieruserId(row.Email)); // clean precision-pseudonym
            Activity.Current?.SetTag("import.vendor_ref", row.ExternalId); // leak TC1001 direct
        }

        span.SetSupplierseatsOutcome(errors.Count == 0 ? "ok" : "partial"); // clean precision-about
        return errors;
    }
}
