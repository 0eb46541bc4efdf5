using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Education;

public interface IMisClient
{
    Task<IReadOnlyList<MisGradeRow>> PendingGradesAsync(string urn, CancellationToken cancellationToken);

    Task WriteGradeAsync(string urn, MisGradeRow row, CancellationToken cancellationToken);

    Task RefreshGuardianAsync(string urn, MisGradeRow row, CancellationToken cancellationToken);
}

/// <summary>
/// The nightly sync of grades into each academy's MIS. It predates the platform's logging and still
/// writes through a TraceSource, whose listeners the host wires to the event log and to the
/// OpenTelemetry log exporter.
/// </summary>
public sealed class MisGradeSync(IMisClient mis)
{
    private static readonly TraceSource Sync = new("Mat.MisSync", SourceLevels.Information);

    public async Task RunAsync(SchoolTenant school, CancellationToken cancellationToken)
    {
        var rows = await mis.PendingGradesAsync(school.Urn, cancellationToken);
        Sync.TraceEvent(TraceEventType.Information, 10, "Syncing {0} learner grades for {1}", rows.Count, school.Urn); // clean precision-names

        foreach (var row in rows)
        {
            Sync.TraceData(TraceEventType.Verbose, 12, row.CourseCode, row.Grade); // clean logging-objects
            if (string.IsNullOrWhiteSpace(row.Grade))
            {
                Sync.TraceEvent(TraceEventType.Warning, 11, "Grade for {0} rejected: empty grade on {1}", row.StudentNumber, row.CourseCode); // leak TC1001 direct
                continue;
            }

            try
            {
                await mis.WriteGradeAsync(school.Urn, row, cancellationToken);
            }
            catch (MisRecordLockedException ex)
            {
                Trace.TraceError("MIS write failed: {0}", ex.Message); // leak TC1001 exceptions
                Sync.TraceData(TraceEventType.Verbose, 13, row); // leak TC1001 logging-objects
            }
            catch (HttpRequestException ex)
            {
                Sync.TraceEvent(TraceEventType.Error, 14, ex.Message); // clean exceptions
            }

            if (row.GuardianEmail.Length > 0)
            {
                await mis.RefreshGuardianAsync(school.Urn, row, cancellationToken);
                Sync.TraceInformation($"Guardian contact refreshed for {row.GuardianEmail}"); // leak TC1001 strings
                Sync.TraceInformation($"Guardian contact refreshed ({row.GuardianEmail[(row.GuardianEmail.IndexOf('@') + 1)..]})"); // clean precision-about
            }
        }

        Sync.Flush();
    }
}
