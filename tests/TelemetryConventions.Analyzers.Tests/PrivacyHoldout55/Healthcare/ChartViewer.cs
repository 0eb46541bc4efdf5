using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Healthcare;

public sealed record StaffMember(string StaffNumber, string DisplayName, string Role);

public sealed record PatientChart(string HospitalNumber, string? NhsNumber, string FamilyName, string Department, int Version, bool Restricted);

public enum BreakGlassReason
{
    None,
    Emergency,
    SafeguardingReview,
}

public interface IChartStore
{
    Task<PatientChart?> FindAsync(string hospitalNumber);
}

/// <summary>Extension methods the records team wrote over the generated record-view span.</summary>
public static class RecordViewSpanExtensions
{
    public static ClinicRecordViewSpan StartRecordView(this ActivitySource source, Pseudonymizer pseudonymizer, StaffMember viewer, PatientChart chart) =>
        source.StartClinicRecordView(pseudonymizer.PseudonymizeClinicClinicianId(viewer.StaffNumber), pseudonymizer.PseudonymizeClinicPatientId(chart.HospitalNumber)); // clean precision-pseudonym

    public static ClinicRecordViewSpan WithBreakGlass(this ClinicRecordViewSpan span, BreakGlassReason reason) =>
        reason == BreakGlassReason.None ? span : span.SetClinicNote($"break-glass:{reason}"); // clean generated-api

    public static ClinicRecordViewSpan WithChartVersion(this ClinicRecordViewSpan span, PatientChart chart) =>
        span.SetClinicNote($"chart {chart.HospitalNumber} v{chart.Version}"); // leak TC1001 strings

    public static ClinicRecordViewSpan WithViewerRole(this ClinicRecordViewSpan span, StaffMember viewer) =>
        span.SetClinicNote("role:" + viewer.Role); // clean precision-about
}

/// <summary>Opens charts for the clinical portal and records who looked at what.</summary>
public sealed class ChartViewer(ActivitySource source, Pseudonymizer pseudonymizer, IChartStore charts, TelemetrySecrets secrets, ILogger<ChartViewer> logger)
{
    public async Task<PatientChart?> OpenAsync(StaffMember viewer, string hospitalNumber, BreakGlassReason breakGlass)
    {
        var chart = await charts.FindAsync(hospitalNumber);
        if (chart is null)
        {
            logger.LogWarning("No chart found for {HospitalNumber}", hospitalNumber); // leak TC1001 direct
            return null;
        }

        using var span = source.StartRecordView(pseudonymizer, viewer, chart); // clean precision-pseudonym
        span.SetClinicDepartment(chart.Department)
            .WithBreakGlass(breakGlass); // clean generated-api
        if (chart.Restricted)
        {
            span.WithChartVersion(chart); // leak TC1001 cross-member
        }
        else
        {
            span.WithViewerRole(viewer); // clean precision-about
        }

        var viewerRef = pseudonymizer.PseudonymizeClinicClinicianId(viewer.StaffNumber);
        logger.LogClinicRecordViewedEvent(viewerRef, pseudonymizer.PseudonymizeClinicPatientId(chart.NhsNumber ?? chart.HospitalNumber), chart.Department); // clean precision-pseudonym
        logger.LogClinicRecordViewedEvent(viewerRef, pseudonymizer.PseudonymizeClinicPatientId(viewer.StaffNumber), clinicNote: "self-view check"); // clean precision-pseudonym
        logger.LogClinicRecordViewedEvent(viewerRef, Pseudonym.FromComputed(chart.HospitalNumber), chart.Department); // leak TC1001 precision-pseudonym
        logger.LogInformation("{Viewer} ({ViewerName}) opened chart of {FamilyName}", viewerRef, viewer.DisplayName, chart.FamilyName); // leak TC1001 direct
        logger.LogInformation("Chart opened by {ViewerRef} in {Department}, version {Version}", viewerRef, chart.Department, chart.Version); // clean precision-pseudonym

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(chart.HospitalNumber))[0] % 16;
        span.SetClinicNote($"cache-shard:{shard}"); // clean hashes
        var legacyKey = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(chart.HospitalNumber)));
        Activity.Current?.SetTag("chart.legacy_cache_key", legacyKey); // leak TC1002 hashes
        return chart;
    }

    public void RecordLoadFailure(StaffMember viewer, string hospitalNumber, Exception exception)
    {
        using var span = source.StartClinicRecordView(pseudonymizer.PseudonymizeClinicClinicianId(viewer.StaffNumber), pseudonymizer.PseudonymizeClinicPatientId(hospitalNumber), spanName: $"chart.load {hospitalNumber}"); // leak TC1001 strings
        span.RecordException(exception); // clean exceptions
        var hospitalNumberLength = hospitalNumber.Length;
        span.SetClinicNote($"load failed, id length {hospitalNumberLength}"); // clean precision-names
    }
}
