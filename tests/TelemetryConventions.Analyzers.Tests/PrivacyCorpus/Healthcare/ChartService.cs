using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Healthcare;

public sealed class PatientChart
{
    public required string MedicalRecordNumber { get; init; }

    public required string FamilyName { get; init; }

    public string? Email { get; init; }

    public string? NhsNumber { get; init; }

    public string PrimaryWard { get; init; } = "general";

    public int OpenOrders { get; init; }
}

public sealed class ChartNotFoundException(string medicalRecordNumber)
    : Exception($"No chart exists for MRN {medicalRecordNumber}")
{
    public string MedicalRecordNumber { get; } = medicalRecordNumber;
}

public sealed class ChartLockedException(string message) : Exception(message);

public interface IChartRepository
{
    Task<PatientChart?> LoadAsync(string mrn, CancellationToken cancellationToken);
}

/// <summary>Loads charts for clinicians; one instance per request.</summary>
public sealed class ChartService(IChartRepository repository, Pseudonymizer pseudonymizer, ILogger<ChartService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Charts");

    private string? _currentMrn;
    private Pseudonym _currentPatient;
    private readonly Dictionary<string, string> _wardByMrn = new(StringComparer.Ordinal);

    public async Task<PatientChart> OpenAsync(string mrn, CancellationToken cancellationToken)
    {
        _currentMrn = mrn;
        _currentPatient = pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, mrn);

        using var activity = Source.StartActivity("chart.open");
        TagCurrentChart(activity);
        activity?.SetTag(ClinicAttributes.PatientId, _currentPatient.Value); // clean precision-pseudonym

        var chart = await repository.LoadAsync(mrn, cancellationToken) ?? throw new ChartNotFoundException(mrn);
        _wardByMrn[mrn] = chart.PrimaryWard;
        activity?.SetTag("clinic.ward", _wardByMrn[mrn]); // clean precision-about
        activity?.SetTag("clinic.chart.open_orders", chart.OpenOrders); // clean precision-about
        return chart;
    }

    private void TagCurrentChart(Activity? activity)
    {
        activity?.SetTag("clinic.chart.mrn", _currentMrn); // leak TC1001 cross-member
        activity?.SetTag("clinic.chart.subject", _currentPatient); // clean precision-pseudonym
    }

    public async Task<bool> TryOpenAsync(string mrn, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("chart.try_open");
        try
        {
            await OpenAsync(mrn, cancellationToken);
            return true;
        }
        catch (ChartNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Chart lookup failed"); // leak TC1001 exceptions
            return false;
        }
        catch (OperationCanceledException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }
    }

    public void Lock(PatientChart chart, string clinician)
    {
        using var activity = Source.StartActivity("chart.lock");
        try
        {
            EnsureUnlocked(chart);
        }
        catch (ChartLockedException ex)
        {
            activity?.RecordException(ex); // leak TC1001 exceptions
            activity?.SetTag("clinic.chart.lock_failed", true); // clean precision-about
        }
    }

    private static void EnsureUnlocked(PatientChart chart)
    {
        if (chart.OpenOrders > 10)
        {
            throw new ChartLockedException(new StringBuilder("Chart ").Append(chart.MedicalRecordNumber).Append(" is locked by pharmacy").ToString());
        }
    }

    public string DescribeForAudit(PatientChart chart)
    {
        // The audit trail (not telemetry) needs the raw number; the trace only gets the summary.
        var builder = new StringBuilder();
        builder.Append("chart:").Append(chart.MedicalRecordNumber).Append(";ward:").Append(chart.PrimaryWard);
        Activity.Current?.SetTag("clinic.audit.entry", builder.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("clinic.audit.entry_length", builder.Length); // clean precision-about
        return builder.ToString();
    }

    public void NotifyByEmail(PatientChart chart)
    {
        var domain = chart.Email is { } address ? address[(address.IndexOf('@') + 1)..] : "none";
        Activity.Current?.SetTag("clinic.notification.email_domain", domain); // clean precision-about
        Activity.Current?.SetTag("clinic.notification.recipient", chart.Email); // leak TC1001 direct
        logger.LogInformation("Sending chart summary to NHS number {Nhs}", chart.NhsNumber); // leak TC1001 precision-names
    }
}
