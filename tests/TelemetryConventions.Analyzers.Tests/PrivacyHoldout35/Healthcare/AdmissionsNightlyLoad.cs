using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Healthcare;

/// <summary>A row of the PAS admissions table, as the extract reads it.</summary>
public sealed record AdmissionRow(
    string HospitalNumber,
    string? NhsNumber,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Postcode,
    string WardCode,
    DateTimeOffset AdmittedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The row as the warehouse keeps it: pseudonymised and generalised.</summary>
public sealed record WarehouseAdmission(string PatientRef, string AgeBand, string? OutwardDistrict, string WardCode, DateOnly AdmittedOn);

/// <summary>
/// Nightly incremental load of admissions from the patient administration system into the warehouse's
/// <c>fact_admission</c>, driven by an <c>UPDATED_AT</c> watermark.
/// </summary>
public sealed class AdmissionsNightlyLoad(
    DbDataSource pas,
    IWarehouseLoader warehouse,
    ICheckpointStore checkpoints,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<AdmissionsNightlyLoad> logger) : IPipelineJob
{
    private static readonly ActivitySource Source = new("Clinic.Warehouse.Admissions");
    private static readonly Meter Meter = new("Clinic.Warehouse.Admissions");
    private static readonly Counter<long> RejectedRows = Meter.CreateCounter<long>("etl.rows.rejected", "{row}");
    private static readonly HashSet<string> KnownWards = new(StringComparer.Ordinal) { "AMU", "CCU", "W4B", "W7A", "MAT", "PAED" };

    private const string ExtractSql = """
        SELECT HOSPITAL_NO, NHS_NO, FAMILY_NAME, DATE_OF_BIRTH, POSTCODE, WARD_CODE, ADMITTED_AT, UPDATED_AT
        FROM PAS.ADMISSIONS
        WHERE UPDATED_AT > @watermark
        ORDER BY UPDATED_AT, HOSPITAL_NO
        """;

    public string Name => "admissions_nightly_load";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(Name, cancellationToken) ?? new JobCheckpoint(Name, DateTimeOffset.UnixEpoch, 0);
        var batchNumber = checkpoint.BatchNumber + 1;
        var batchId = $"{checkpoint.Watermark:yyyyMMddTHHmm}#{batchNumber}";

        using var span = Source.StartPipelineBatch(Name, "pas.admissions");
        span.SetPipelineBatchId(batchId); // clean precision-about
        Baggage.SetBaggage("etl.batch", batchId); // clean direct
        Activity.Current?.SetTag("etl.watermark.from", checkpoint.Watermark.ToString("O")); // clean precision-about
        Activity.Current?.SetTag("etl.columns.dropped", "FAMILY_NAME,NHS_NO,POSTCODE"); // clean precision-names

        var loaded = new List<WarehouseAdmission>();
        var highWater = checkpoint.Watermark;
        string? lastHospitalNumber = null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await using var command = pas.CreateCommand(ExtractSql);
        var watermark = command.CreateParameter();
        watermark.ParameterName = "@watermark";
        watermark.Value = checkpoint.Watermark;
        command.Parameters.Add(watermark);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rowNumber = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rowNumber++;
            var row = new AdmissionRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                DateOnly.FromDateTime(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7));

            if (row.NhsNumber is null)
            {
                RejectedRows.Add(1, new KeyValuePair<string, object?>("reason", "nhs_number_missing")); // clean precision-names
                span.AddPipelineRowRejectedEvent("pas.admissions", $"row {rowNumber}: NHS number missing"); // clean generated-api
                continue;
            }

            if (!NhsNumbers.HasValidCheckDigit(row.NhsNumber))
            {
                RejectedRows.Add(1, new KeyValuePair<string, object?>("reason", "nhs_number_check_digit"));
                logger.LogWarning("Rejected PAS row {RowNumber}: NHS number {NhsNumber} fails its check digit", rowNumber, row.NhsNumber); // leak TC1001 direct
                continue;
            }

            if (!KnownWards.Contains(row.WardCode))
            {
                RejectedRows.Add(1, new KeyValuePair<string, object?>("ward", row.WardCode)); // clean precision-about
                logger.LogWarning("Rejected PAS row {@Row}: unknown ward", row); // leak TC1001 logging-objects
                continue;
            }

            var ageBand = AgeBands.Of(row.DateOfBirth, today);
            if (ageBand == AgeBands.Unknown)
            {
                logger.LogDebug("Row {RowNumber}: date of birth {DateOfBirth} gives no age band", rowNumber, row.DateOfBirth); // leak TC1001 direct
            }

            loaded.Add(new WarehouseAdmission(
                pseudonymizer.ComputePipelineSubjectId(row.HospitalNumber),
                ageBand,
                Postcodes.OutwardOf(row.Postcode),
                row.WardCode,
                DateOnly.FromDateTime(row.AdmittedAt.UtcDateTime)));
            highWater = row.UpdatedAt > highWater ? row.UpdatedAt : highWater;
            lastHospitalNumber = row.HospitalNumber;
        }

        if (loaded.Count > 0)
        {
            logger.LogDebug("First transformed row of batch {BatchId}: {@Row}", batchId, loaded[0]); // clean logging-objects
        }

        await warehouse.BulkInsertAsync("stg.admission", loaded, cancellationToken);
        var merge = await warehouse.MergeAsync("dw.fact_admission", "stg.admission", cancellationToken);
        span.SetPipelineRowCount(loaded.Count); // clean precision-about
        Meter.CreatePipelineRowsProcessedCounter().Add(merge.Inserted + merge.Updated, "dw.fact_admission", "merged"); // clean generated-api

        await checkpoints.SaveAsync(new JobCheckpoint(Name, highWater, batchNumber, lastHospitalNumber), cancellationToken);
        logger.LogInformation("Checkpoint {Job} moved to {Watermark} after key {LastKey}", Name, highWater, lastHospitalNumber); // leak TC1001 direct
    }
}

/// <summary>Helpers of the clinic's data team.</summary>
public static class NhsNumbers
{
    /// <summary>Modulus 11 check of a ten-digit NHS number.</summary>
    public static bool HasValidCheckDigit(string nhsNumber)
    {
        var digits = nhsNumber.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == digits[9] && check != 10;
    }
}

public static class AgeBands
{
    public const string Unknown = "unknown";

    public static string Of(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year - (today.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);
        return age switch
        {
            < 0 or > 120 => Unknown,
            < 18 => "0-17",
            < 40 => "18-39",
            < 65 => "40-64",
            < 80 => "65-79",
            _ => "80+",
        };
    }
}

public static class Postcodes
{
    /// <summary>The outward code (district) of a UK postcode: <c>LS6 2AB</c> gives <c>LS6</c>.</summary>
    public static string? OutwardOf(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? null : postcode.Trim().ToUpperInvariant().Split(' ')[0];
}
