using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Retail;

/// <summary>A row of the HR export: employee_number,first_name,last_name,work_email,store,role,start_date.</summary>
public sealed record StaffRow(int Line, string EmployeeNumber, string FirstName, string LastName, string WorkEmail, string Store, string Role, DateOnly StartDate);

public interface IIdentityDirectory
{
    Task<bool> ExistsAsync(string employeeNumber, CancellationToken cancellationToken);

    Task UpsertAsync(StaffRow row, CancellationToken cancellationToken);
}

/// <summary>Nightly import of store staff from the HR system's CSV export into the identity directory.</summary>
public sealed class StaffCsvImport(
    IIdentityDirectory directory,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<StaffCsvImport> logger)
{
    private static readonly string[] RequiredColumns = ["employee_number", "work_email", "store", "role"];
    private readonly WorkforceRowsCounter _rows = meter.CreateWorkforceRowsCounter();

    public async Task RunAsync(string importId, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        using var span = source.StartWorkforceImport(importId); // clean generated-api
        var reader = new CsvReader(lines);
        var rejected = new List<(int Line, string Reason, string EmployeeNumber)>();
        var created = 0;

        foreach (var raw in reader.Rows())
        {
            if (raw.LineNumber is 2)
            {
                var missing = RequiredColumns.Except(reader.Header, StringComparer.OrdinalIgnoreCase).ToList();
                span.Activity?.SetTag("workforce.csv.header", string.Join(",", reader.Header)); // clean precision-names
                if (missing.Count > 0)
                {
                    logger.LogError("Import {ImportId} is missing columns {Columns}", importId, missing); // clean precision-names
                    return;
                }
            }

            StaffRow row;
            try
            {
                row = Map(raw);
            }
            catch (CsvFieldException ex)
            {
                logger.LogWorkforceRowRejectedEvent(importId, "unparseable", workforceNote: ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Line {Line}: column {Column} unreadable", ex.Line, ex.Column); // clean exceptions
                continue;
            }

            if (!row.WorkEmail.EndsWith("@stores.example.co.uk", StringComparison.OrdinalIgnoreCase))
            {
                rejected.Add((row.Line, "foreign_domain", row.EmployeeNumber));
                logger.LogWarning("Line {Line} rejected: {Raw}", raw.LineNumber, raw.RawLine); // leak TC1001 direct
                _rows.Add(1, WorkforceRowStatus.Rejected, row.Store, "foreign_domain"); // clean generated-api
                continue;
            }

            var exists = await directory.ExistsAsync(row.EmployeeNumber, cancellationToken);
            await directory.UpsertAsync(row, cancellationToken);
            created += exists ? 0 : 1;
            _rows.Add(1, exists ? WorkforceRowStatus.Updated : WorkforceRowStatus.Created, row.Store, "ok"); // clean generated-api
            logger.LogDebug("Line {Line}: {Employee} {Status}", row.Line, pseudonymizer.PseudonymizeWorkforceEmployeeId(row.EmployeeNumber), exists ? "updated" : "created"); // clean precision-pseudonym
            logger.LogTrace("Line {Line}: {Row}", row.Line, row); // leak TC1001 logging-objects
        }

        span.SetWorkforceNote($"{created} created, {rejected.Count} rejected"); // clean generated-api
        span.SetWorkforceNote(rejected.Count > 0 ? $"first rejected employee {rejected[0].EmployeeNumber}" : "no rejections"); // leak TC1001 generated-api
        span.Activity?.SetTag("workforce.rejected.lines", string.Join(",", rejected.Select(r => r.Line))); // clean precision-about
        span.Activity?.SetTag("workforce.rejected.employees", string.Join(",", rejected.Select(r => r.EmployeeNumber))); // leak TC1001 strings
        logger.LogInformation("Rejected rows {Rejected}", rejected); // leak TC1001 logging-objects
        logger.LogInformation("Rejections by reason {Reasons}", rejected.GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
    }

    private static StaffRow Map(CsvRow raw)
    {
        var start = raw["start_date"];
        if (!DateOnly.TryParse(start, out var startDate))
        {
            throw new CsvFieldException(raw.LineNumber, "start_date", start);
        }
        var number = raw["employee_number"];
        if (number.Length != 8 || !number.All(char.IsAsciiDigit))
        {
            throw new CsvFieldException(raw.LineNumber, "employee_number", number);
        }
        return new StaffRow(raw.LineNumber, number, raw["first_name"], raw["last_name"], raw["work_email"], raw["store"], raw["role"], startDate);
    }
}
