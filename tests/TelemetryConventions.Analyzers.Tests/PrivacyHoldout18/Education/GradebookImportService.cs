using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Education;

/// <summary>One line of the marks spreadsheet lecturers export from their marking tool.</summary>
public sealed record MarkRow(string StudentNumber, string Email, string ModuleCode, decimal Mark);

public sealed record RowError(int Row, string Column, string Message);

public sealed record ImportReport(Guid ImportId, int Accepted, IReadOnlyList<RowError> Errors);

public interface IMarksRepository
{
    Task UpsertAsync(MarkRow row, CancellationToken cancellationToken);
}

/// <summary>Imports a CSV of marks uploaded by a lecturer into the gradebook.</summary>
public sealed class GradebookImportService(
    IMarksRepository marks,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<GradebookImportService> logger)
{
    private const string StudentMailDomain = "@students.example.ac.uk";

    public async Task<ImportReport> ImportAsync(IFormFile upload, string moduleCode, string lecturerEmail, CancellationToken cancellationToken)
    {
        var importId = Guid.NewGuid();
        using var run = source.StartExportRun("csv").SetExportJobId(importId.ToString("N")); // clean precision-about
        run.SetExportRequesterId(pseudonymizer.PseudonymizeExportRequesterId(lecturerEmail)); // clean precision-pseudonym
        logger.LogInformation("Marks import {ImportId} for {Module} uploaded by {Lecturer}", importId, moduleCode, lecturerEmail); // leak TC1001 direct

        var errors = new List<RowError>();
        var accepted = 0;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => logger.LogWarning("Bad data in row {Row}: {Raw}", args.Context.Parser.Row, args.RawRecord), // leak TC1001 direct
            MissingFieldFound = args => logger.LogWarning("Row {Row} has no column {Index}", args.Context.Parser.Row, args.Index), // clean precision-about
        };

        using var reader = new StreamReader(upload.OpenReadStream());
        using var csv = new CsvReader(reader, configuration);
        await csv.ReadAsync();
        csv.ReadHeader();
        try
        {
            csv.ValidateHeader<MarkRow>();
        }
        catch (HeaderValidationException ex)
        {
            run.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Header of import {ImportId} is {Header}", importId, string.Join(',', csv.HeaderRecord ?? [])); // clean precision-names
            throw;
        }

        while (await csv.ReadAsync())
        {
            MarkRow row;
            try
            {
                row = csv.GetRecord<MarkRow>();
            }
            catch (TypeConverterException ex)
            {
                errors.Add(new RowError(csv.Parser.Row, ex.MemberName, "could not be read"));
                logger.LogWarning(ex, "Row {Row} of import {ImportId} could not be converted", csv.Parser.Row, importId); // leak TC1001 exceptions
                run.AddExportRowRejectedEvent(csv.Parser.Row - 1, $"{ex.MemberName} could not be converted"); // clean precision-names
                continue;
            }

            if (!row.Email.EndsWith(StudentMailDomain, StringComparison.OrdinalIgnoreCase))
            {
                var message = $"'{row.Email}' is not a student address";
                errors.Add(new RowError(csv.Parser.Row, nameof(MarkRow.Email), message));
                run.AddExportRowRejectedEvent(csv.Parser.Row - 1, message); // leak TC1001 generated-api
                continue;
            }

            if (row.Mark is < 0 or > 100)
            {
                errors.Add(new RowError(csv.Parser.Row, nameof(MarkRow.Mark), "must be between 0 and 100"));
                logger.LogWarning("Mark out of range for {StudentNumber} in row {Row}", row.StudentNumber, csv.Parser.Row); // leak TC1001 direct
                continue;
            }

            logger.LogDebug("Upserting {Mark}", Describe(row)); // leak TC1001 cross-member
            await marks.UpsertAsync(row, cancellationToken);
            accepted++;
        }

        run.SetExportRowCount(accepted);
        meter.CreateExportRowsCounter().Add(accepted, exportFormat: "csv");
        logger.LogInformation("Import {ImportId} rejected rows {Rows}", importId, errors.Select(e => e.Row)); // clean precision-about
        logger.LogInformation("Import {ImportId} finished with {Accepted} rows accepted; errors {Errors}", importId, accepted, errors); // leak TC1001 logging-objects
        return new ImportReport(importId, accepted, errors);
    }

    private static string Describe(MarkRow row) => $"{row.StudentNumber}/{row.ModuleCode}={row.Mark}";
}
