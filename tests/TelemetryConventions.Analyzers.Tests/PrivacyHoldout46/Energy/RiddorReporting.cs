using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Energy;

/// <summary>An injury or a dangerous occurrence during a field visit, as the engineer's app records it.</summary>
public sealed record FieldSafetyEvent(
    string EventId,
    string Kind,
    string Depot,
    string EngineerStaffNumber,
    string EngineerName,
    string VanRegistration,
    string CustomerAccountNumber,
    string Mprn,
    string SitePostcode,
    string WhatHappened,
    int DaysOffWork);

/// <summary>
/// Triages field safety events and reports those that RIDDOR makes reportable to the HSE: an
/// over-seven-day injury to an engineer and a dangerous gas fitting found at a customer's home.
/// </summary>
public sealed class RiddorReportingService(
    ILogger<RiddorReportingService> logger,
    IRegulatorPortalClient hse,
    Pseudonymizer pseudonymizer,
    TimeProvider time,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Supplier.FieldSafety");
    private readonly Counter<long> _nearMisses = meter.CreateCounter<long>("field.near_misses");

    public async Task TriageAsync(FieldSafetyEvent safetyEvent, CancellationToken cancellationToken)
    {
        using var triage = Source.StartIncidentTriage(safetyEvent.Kind);
        triage.SetIncidentId(safetyEvent.EventId);
        triage.SetIncidentSite(safetyEvent.Depot); // clean direct
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(safetyEvent.EngineerStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("field.engineer.van", safetyEvent.VanRegistration); // clean precision-names
        Activity.Current?.SetTag("field.site.postcode", safetyEvent.SitePostcode); // leak TC1001 direct
        Activity.Current?.SetTag("field.site.district", OutwardCode(safetyEvent.SitePostcode)); // clean precision-about

        if (safetyEvent.Kind == "gas-escape")
        {
            logger.LogWarning("Dangerous gas fitting found at MPRN {Mprn} by {Depot}", safetyEvent.Mprn, safetyEvent.Depot); // leak TC1001 direct
            _nearMisses.Add(1, new KeyValuePair<string, object?>("depot", safetyEvent.Depot), new KeyValuePair<string, object?>("kind", safetyEvent.Kind)); // clean direct
            _nearMisses.Add(1, new KeyValuePair<string, object?>("engineer", safetyEvent.EngineerStaffNumber)); // leak TC1003 direct
        }

        if (safetyEvent.Kind == "injury" && safetyEvent.DaysOffWork > 7)
        {
            logger.LogInformation("Over-seven-day injury to {EngineerName}: {DaysOff} days off", safetyEvent.EngineerName, safetyEvent.DaysOffWork); // leak TC1001 direct
            await ReportToHseAsync(safetyEvent, cancellationToken);
        }
    }

    private async Task ReportToHseAsync(FieldSafetyEvent safetyEvent, CancellationToken cancellationToken)
    {
        using var notification = Source.StartRegulatorNotification("hse");
        notification.SetIncidentId(safetyEvent.EventId); // clean direct
        notification.SetIncidentNote($"F2508 over-seven-day injury, engineer {safetyEvent.EngineerStaffNumber}"); // leak TC1001 generated-api
        try
        {
            var receipt = await hse.SubmitAsync(new RegulatorSubmission("hse", "over-7-day-injury", time.GetUtcNow(), 1, safetyEvent.WhatHappened, "Field Safety Desk", "field.safety@supplier.example"), cancellationToken);
            notification.SetRegulatorReference(receipt.Reference); // clean direct
            notification.SetIncidentOutcome("notified");
        }
        catch (RegulatorPortalException ex)
        {
            notification.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError("HSE portal refused {EventId} with {Status}; describe it by phone: {WhatHappened}", safetyEvent.EventId, ex.Status, safetyEvent.WhatHappened); // leak TC1001 direct
        }
    }

    private static string OutwardCode(string postcode) =>
        postcode.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
}
