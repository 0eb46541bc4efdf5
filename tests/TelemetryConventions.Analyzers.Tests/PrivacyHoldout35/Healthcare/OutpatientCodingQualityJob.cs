using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;

namespace PrivacyHoldout35.Healthcare;

public sealed record OutpatientAttendance(string AttendanceId, string HospitalNumber, string? NhsNumber, string ClinicCode, string? PrimaryProcedure, string? PrimaryDiagnosis, DateOnly AttendedOn);

public interface IOutpatientStaging
{
    Task<IReadOnlyList<OutpatientAttendance>> ReadMonthAsync(DateOnly month, CancellationToken cancellationToken);
}

/// <summary>
/// The monthly coding-quality job run before outpatient activity is submitted to commissioners: checks
/// identifier completeness and clinical code formats, and reports each failing check with a sample.
/// </summary>
public sealed class OutpatientCodingQualityJob(IOutpatientStaging staging, ILogger<OutpatientCodingQualityJob> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Warehouse.Coding");
    private static readonly Regex NhsNumberRegex = new(@"^\d{10}$", RegexOptions.Compiled);
    private static readonly Regex Icd10Regex = new(@"^[A-Z]\d{2}(\.?\d{1,2})?$", RegexOptions.Compiled);

    public async Task RunAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var attendances = await staging.ReadMonthAsync(month, cancellationToken);
        using var scope = logger.BeginScope("Coding quality for {Month}", month.ToString("yyyy-MM")); // clean direct

        var malformedNhs = attendances.Where(a => a.NhsNumber is not null && !NhsNumberRegex.IsMatch(a.NhsNumber)).ToList();
        ReportFailure("expect_column_values_to_match_regex", "nhs_number", malformedNhs.Select(a => a.NhsNumber!).ToList()); // leak TC1001 cross-member

        var badDiagnoses = attendances.Where(a => a.PrimaryDiagnosis is not null && !Icd10Regex.IsMatch(a.PrimaryDiagnosis)).ToList();
        ReportFailure("expect_column_values_to_match_regex", "primary_diagnosis", badDiagnoses.Select(a => a.PrimaryDiagnosis!).ToList()); // clean cross-member

        var missingNhs = attendances.Where(a => a.NhsNumber is null).ToList();
        if (missingNhs.Count > 0)
        {
            Trace.TraceWarning("{0} attendances without an NHS number, first hospital number {1}", missingNhs.Count, missingNhs[0].HospitalNumber); // leak TC1001 direct
            using (logger.BeginScope(new Dictionary<string, object?> { ["HospitalNumbers"] = string.Join(",", missingNhs.Select(a => a.HospitalNumber)) })) // leak TC1001 strings
            {
                logger.LogWarning("Sent to the PDS trace service for NHS number tracing");
            }
        }

        var uncoded = attendances.Where(a => a.PrimaryProcedure is null).GroupBy(a => a.ClinicCode).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (uncoded is not null)
        {
            logger.LogWarning("Clinic {ClinicCode} has {Uncoded} uncoded attendances, first {AttendanceId}", uncoded.Key, uncoded.Count(), uncoded.First().AttendanceId); // clean precision-about
        }
    }

    /// <summary>The team's one way of reporting a failed check: a span with the generated data-quality event.</summary>
    private void ReportFailure(string check, string column, IReadOnlyList<string> unexpected)
    {
        if (unexpected.Count == 0)
        {
            return;
        }

        using var span = Source.StartDqRun(check).SetDqColumn(column).SetDqFailed(unexpected.Count);
        span.AddDqCheckFailedEvent(check, dqColumn: column, dqFailed: unexpected.Count, dqSample: string.Join(", ", unexpected.Take(5)));
        logger.LogWarning("{Check} failed on {Column} for {Failed} rows", check, column, unexpected.Count);
    }
}
