using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Transport;

/// <summary>A signal passed at danger, as the control centre logs it from the train protection system.</summary>
public sealed record SpadEvent(string EventId, string Headcode, string SignalId, string TrainUnit, string DriverStaffNumber, string DriverName, int OverrunMetres, bool RaibNotifiable, DateTimeOffset At);

/// <summary>
/// A report to the operator's confidential reporting line. The reporter's identity stays with the line's
/// staff; only the concern goes to the safety team.
/// </summary>
public sealed record ConfidentialReport(string ReportRef, string Depot, string Concern, string ReporterStaffNumber, bool ConsentToContact, string ContactPhone);

public static class DriverSpans
{
    public static void WithDriver(Activity? activity, string driverStaffNumber) =>
        activity?.SetTag("rail.driver.staff_number", driverStaffNumber); // leak TC1001 direct
}

/// <summary>Triages SPADs and confidential reports, and notifies the accident investigation branch.</summary>
public sealed class SafetyReportingService(
    ILogger<SafetyReportingService> logger,
    IRegulatorPortalClient raib,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Rail.Safety");
    private readonly Counter<long> _spads = meter.CreateCounter<long>("rail.spads");

    public async Task TriageSpadAsync(SpadEvent spad, CancellationToken cancellationToken)
    {
        using var triage = Source.StartIncidentTriage("spad");
        triage.SetIncidentId(spad.EventId);
        triage.SetIncidentSite(spad.SignalId); // clean direct
        Activity.Current?.SetTag("rail.unit", spad.TrainUnit); // clean direct
        DriverSpans.WithDriver(Activity.Current, spad.DriverStaffNumber); // leak TC1001 cross-member
        logger.LogWarning("SPAD at {SignalId} by {Headcode}, overrun {Overrun} m", spad.SignalId, spad.Headcode, spad.OverrunMetres); // clean precision-about
        _spads.Add(1, new KeyValuePair<string, object?>("signal", spad.SignalId), new KeyValuePair<string, object?>("driver", spad.DriverStaffNumber)); // leak TC1003 direct
        logger.LogInformation("Drugs and alcohol test required for {DriverName} after {EventId}", spad.DriverName, spad.EventId); // leak TC1001 direct
        triage.AddIncidentEscalatedEvent("driver-stood-down", pseudonymizer.PseudonymizeIncidentReporterRef(spad.DriverStaffNumber), $"stood down after SPAD at {spad.SignalId}"); // clean generated-api

        if (!spad.RaibNotifiable)
        {
            return;
        }

        using var notification = Source.StartRegulatorNotification("raib");
        notification.SetIncidentNote($"SPAD {spad.SignalId}, {spad.Headcode}, overrun {spad.OverrunMetres} m"); // clean generated-api
        try
        {
            var receipt = await raib.SubmitAsync(new RegulatorSubmission("raib", "spad", spad.At, 0, $"SPAD at {spad.SignalId}", "Control Centre", "control@operator.example"), cancellationToken);
            notification.SetRegulatorReference(receipt.Reference); // clean direct
        }
        catch (RegulatorPortalException ex)
        {
            notification.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            notification.SetIncidentOutcome($"phone-notification-needed:{spad.DriverStaffNumber}"); // leak TC1001 generated-api
        }
    }

    public void TriageConfidential(ConfidentialReport report)
    {
        using var triage = Source.StartIncidentTriage("confidential");
        triage.SetIncidentId(report.ReportRef);
        triage.SetIncidentSite(report.Depot);
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(report.ReporterStaffNumber)); // clean precision-pseudonym
        if (report.ConsentToContact)
        {
            Activity.Current?.SetTag(IncidentAttributes.ReporterContact, report.ContactPhone); // leak TC1001 generated-api
        }

        logger.LogInformation("Confidential report {ReportRef} from depot {Depot}: {Length} characters", report.ReportRef, report.Depot, report.Concern.Length); // clean precision-about
        logger.LogInformation("Concern raised in {ReportRef}: {Concern}", report.ReportRef, report.Concern); // leak TC1001 direct
        meter.CreateIncidentReportsCounter().Add(1, "confidential", incidentSite: report.Depot); // clean generated-api
    }
}
